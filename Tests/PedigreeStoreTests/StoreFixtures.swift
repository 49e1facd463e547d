import Foundation
import PedigreeStore
import Testing

/// A portfolio in a fresh temporary folder, removed when the test ends.
final class ScratchStore {
    let folder: URL
    let portfolio: Portfolio

    static let fixtures: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/Fixtures/store"
    }()

    /// 2026-01-01, so that waiver expiry and timestamps are the same on every run.
    static let clock = StoreClock(unixSeconds: 1_767_225_600)

    init(knowledge: StoreKnowledge? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pedigree-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        portfolio = try Portfolio(
            location: .sqlite(path: folder.appendingPathComponent("portfolio.db").path), create: true,
            knowledge: knowledge ?? StoreKnowledge.bundled(), clock: Self.clock)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var path: String { folder.appendingPathComponent("portfolio.db").path }

    static func fixture(_ name: String) -> String { fixtures + "/" + name }

    @discardableResult
    func add(_ fixture: String, product: String? = nil, release: String? = nil) throws -> AddOutcome {
        try portfolio.add(AddRequest(inputs: [Self.fixture(fixture)], product: product, release: release))
    }

    /// The whole example portfolio: Assistant 1.0 then 1.1, Desktop 2.0, Tool 0.1.
    func addAll() throws {
        for fixture in ["assistant-1.0", "assistant-1.1", "desktop-2.0", "tool-0.1"] {
            let outcome = try add(fixture)
            #expect(outcome.status == .stored, "\(fixture) was not stored")
        }
    }

    var statistics: StoreStatistics {
        get throws { try portfolio.statistics() }
    }
}
