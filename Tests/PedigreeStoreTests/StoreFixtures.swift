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

extension ScratchStore {
    /// A product of `libraries` libraries (`lib-<first>` on, the last GPL-3.0-only, the others MIT) and
    /// a fine-tune of `acme/base`: more rows than one batched statement of the writer holds. The second
    /// half of the libraries hangs under the first half, so that paths are two steps deep.
    static func largeManifest(product: String, first: Int, libraries: Int) -> String {
        var out = """
            pedigree: 1
            product: {name: \(product), ref: app, version: "1", commercial: true, distribution: [binary]}
            components:
              - {ref: model, name: acme/model-\(product.lowercased()), kind: model, license: Apache-2.0}
              - {ref: base, name: acme/base, kind: model, purl: pkg:huggingface/acme/base, license: Apache-2.0}

            """
        let numbers = Array(first..<(first + libraries))
        for number in numbers {
            let license = number == numbers.last ? "GPL-3.0-only" : "MIT"
            out += "  - {ref: lib\(number), name: lib-\(number), version: \"1.0\", purl: \"pkg:pypi/lib-\(number)@1.0\", license: \(license)}\n"
        }
        out += "relationships:\n  - {from: app, to: model, kind: runs}\n  - {from: model, to: base, kind: fine-tuned-from}\n"
        let half = libraries / 2
        for (position, number) in numbers.enumerated() {
            let parent = position < half ? "app" : "lib\(numbers[position - half])"
            out += "  - {from: \(parent), to: lib\(number), kind: depends-on}\n"
        }
        return out
    }

    /// Writes `largeManifest` into the scratch folder and adds it.
    @discardableResult
    func addLarge(product: String, first: Int, libraries: Int) throws -> AddOutcome {
        let folder = self.folder.appendingPathComponent(product)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let manifest = folder.appendingPathComponent("pedigree.yaml")
        try Data(Self.largeManifest(product: product, first: first, libraries: libraries).utf8).write(to: manifest)
        return try portfolio.add(AddRequest(inputs: [manifest.path]))
    }
}
