import Foundation
import PedigreeCore
import Testing

@testable import PedigreeStore

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
    func addAll() throws { try Self.addAll(to: portfolio) }

    /// The example portfolio added to any store, SQLite or PostgreSQL, the same way.
    static func addAll(to portfolio: Portfolio) throws {
        for fixture in ["assistant-1.0", "assistant-1.1", "desktop-2.0", "tool-0.1"] {
            let outcome = try portfolio.add(AddRequest(inputs: [Self.fixture(fixture)]))
            #expect(outcome.status == .stored, "\(fixture) was not stored in \(portfolio.location)")
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

    /// Writes `largeManifest` into the scratch folder and adds it to this store, or to `other`.
    @discardableResult
    func addLarge(product: String, first: Int, libraries: Int, to other: Portfolio? = nil) throws -> AddOutcome {
        let folder = self.folder.appendingPathComponent(product)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let manifest = folder.appendingPathComponent("pedigree.yaml")
        try Data(Self.largeManifest(product: product, first: first, libraries: libraries).utf8).write(to: manifest)
        return try (other ?? portfolio).add(AddRequest(inputs: [manifest.path]))
    }
}

extension ScratchStore {
    /// A release of Assistant 1.1, which the example portfolio holds, from other inputs; written out of
    /// order on purpose: a new document and the latest flag change before the release row, whose product
    /// and version are taken, fails.
    static func conflictingRelease() -> ReleaseRecord {
        ReleaseRecord(
            product: "Assistant", version: "1.1", inputsSHA256: SHA256.hex("other inputs"), addedAt: clock.now,
            documents: [StoredDocument(path: "other.cdx.json", bytes: Array("{}".utf8))], statedContext: "{}", policy: nil,
            context: ContextColumns(
                commercial: true, distributionMask: 0, monthlyActiveUsers: nil, dailyActiveUsers: nil, annualRevenueUSD: nil,
                regions: ""),
            nodes: [], ancestors: [],
            evaluation: EvaluationRecord(
                reason: "add", evaluatedAt: clock.now,
                basis: EvaluationBasis(engineVersion: "0", knowledgeSHA256: "", policySHA256: "", factsSHA256: ""),
                summary: AuditSummary(components: 0, relationships: 0, errors: 0, warnings: 0, infos: 0, waived: 0, blocking: 0),
                findings: [], obligations: []))
    }

    /// Writing `conflictingRelease` into `portfolio` fails and leaves it as it was: the same counts, and
    /// the releases holding torch still `latest` (product and release).
    static func expectRollback(in portfolio: Portfolio, latest: [String]) throws {
        let before = try portfolio.statistics()
        #expect(throws: StoreError.self) { try portfolio.backend.insert(conflictingRelease()) }
        #expect(try portfolio.statistics() == before)
        let holders = try portfolio.query(PortfolioQuery(subject: .component("pkg:pypi/torch")))
        #expect(holders.map { "\($0.product) \($0.release)" } == latest)
    }
}
