#if PostgreSQL
import Foundation
import PedigreeCore
import PedigreeStorePostgres
import Testing

@testable import PedigreeStore

/// The example portfolio in an SQLite file and in a database of the throwaway server.
struct TwinStores {
    static let fixtures: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/Fixtures/store"
    }()

    static let clock = StoreClock(unixSeconds: 1_767_225_600)

    let folder: URL
    let url: String
    let sqlite: Portfolio
    let postgres: Portfolio

    init(fill: Bool = true) throws {
        let server = try #require(ThrowawayPostgres.current)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pedigree-twin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        url = try server.createDatabase()
        let knowledge = try StoreKnowledge.bundled()
        sqlite = try PortfolioStores.open(
            .sqlite(path: folder.appendingPathComponent("portfolio.db").path), create: true, knowledge: knowledge, clock: Self.clock)
        postgres = try Self.open(url, knowledge: knowledge)
        if fill {
            for fixture in ["assistant-1.0", "assistant-1.1", "desktop-2.0", "tool-0.1"] {
                for portfolio in [sqlite, postgres] {
                    let outcome = try portfolio.add(AddRequest(inputs: [Self.fixtures + "/" + fixture]))
                    #expect(outcome.status == .stored, "\(fixture) was not stored in \(portfolio.location)")
                }
            }
        }
    }

    static func open(_ url: String, knowledge: StoreKnowledge? = nil, create: Bool = true) throws -> Portfolio {
        try PortfolioStores.open(
            try StoreLocation(url), create: create, knowledge: knowledge ?? StoreKnowledge.bundled(), clock: clock)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

@Suite(
    "Store on PostgreSQL (a throwaway server)", .throwawayPostgres,
    .enabled(if: ThrowawayPostgres.binaries != nil, ThrowawayPostgres.missingNote))
struct PostgresStoreTests {
    @Test("the same inputs give the same store and the same answers on PostgreSQL as on SQLite")
    func sameAnswers() throws {
        let stores = try TwinStores()
        defer { stores.cleanUp() }
        #expect(try stores.postgres.statistics() == stores.sqlite.statistics())
        #expect(try stores.postgres.statistics().releases == 4)
        let torch = try stores.postgres.query(PortfolioQuery(subject: .component("pkg:pypi/torch")))
        #expect(torch.map { "\($0.product) \($0.release)" } == ["Assistant 1.1", "Desktop 2.0"])
        for subject: PortfolioQuery.Subject in [
            .component("pkg:pypi/torch"), .component("acme/dialogs"), .license("non-commercial"),
            .license("network-copyleft"), .derivedFrom("meta-llama/Llama-3.1-8B"),
        ] {
            var query = PortfolioQuery(subject: subject)
            query.allReleases = true
            let onSQLite = PortfolioQueryWriter.write(try stores.sqlite.query(query), format: .json)
            let onPostgres = PortfolioQueryWriter.write(try stores.postgres.query(query), format: .json)
            #expect(onPostgres == onSQLite, "\(subject)")
        }
        let export = { (portfolio: Portfolio) throws in
            try PortfolioExportWriter.write(portfolio.overview(), format: .jsonl, toolVersion: "test")
        }
        #expect(try export(stores.postgres) == export(stores.sqlite))
    }

    @Test("impact and a relabelling reaudit change the same releases on PostgreSQL as on SQLite")
    func sameChanges() throws {
        let stores = try TwinStores()
        defer { stores.cleanUp() }
        let relabel = LicenseFact(component: "acme/dialogs", license: "CC-BY-NC-4.0")
        let impact = try stores.postgres.impact(ImpactRequest(relabel: relabel, allReleases: true))
        #expect(impact.changed.map(\.release) == ["1.0", "0.1"])
        #expect(impact == (try stores.sqlite.impact(ImpactRequest(relabel: relabel, allReleases: true))))
        let fact = LicenseFact(component: "pkg:huggingface/datasets/acme/dialogs", license: "CC-BY-NC-4.0")
        let onPostgres = try stores.postgres.reaudit(ReauditRequest(changedOnly: true, relabel: [fact]))
        #expect(onPostgres.reaudited.map { "\($0.product) \($0.reasons)" } == ["Assistant [\"facts\"]", "Tool [\"facts\"]"])
        #expect(onPostgres == (try stores.sqlite.reaudit(ReauditRequest(changedOnly: true, relabel: [fact]))))
        #expect(try stores.postgres.reaudit(ReauditRequest(changedOnly: true)).reaudited.isEmpty)
        #expect(try stores.postgres.statistics() == stores.sqlite.statistics())
    }

    @Test("a release that fails half-way through being written leaves nothing of itself")
    func rollsBack() throws {
        let stores = try TwinStores()
        defer { stores.cleanUp() }
        let before = try stores.postgres.statistics()
        let record = ReleaseRecord(
            product: "Assistant", version: "1.1", inputsSHA256: SHA256.hex("other inputs"), addedAt: TwinStores.clock.now,
            documents: [StoredDocument(path: "other.cdx.json", bytes: Array("{}".utf8))], statedContext: "{}", policy: nil,
            context: ContextColumns(
                commercial: true, distributionMask: 0, monthlyActiveUsers: nil, dailyActiveUsers: nil, annualRevenueUSD: nil,
                regions: ""),
            nodes: [], ancestors: [],
            evaluation: EvaluationRecord(
                reason: "add", evaluatedAt: TwinStores.clock.now,
                basis: EvaluationBasis(engineVersion: "0", knowledgeSHA256: "", policySHA256: "", factsSHA256: ""),
                summary: AuditSummary(components: 0, relationships: 0, errors: 0, warnings: 0, infos: 0, waived: 0, blocking: 0),
                findings: [], obligations: []))
        #expect(throws: StoreError.self) { try stores.postgres.backend.insert(record) }
        #expect(try stores.postgres.statistics() == before)
        let latest = try stores.postgres.query(PortfolioQuery(subject: .component("pkg:pypi/torch")))
        #expect(latest.map { "\($0.product) \($0.release)" } == ["Assistant 1.1", "Desktop 2.0"])
    }

    @Test("a database without a store is refused unless asked to create it; adding the same inputs twice stores nothing")
    func opening() throws {
        let server = try #require(ThrowawayPostgres.current)
        let url = try server.createDatabase()
        #expect(throws: StoreError.missing(StoreLocation.postgres(url: url).description)) {
            try TwinStores.open(url, create: false)
        }
        let created = try TwinStores.open(url)
        let first = try created.add(AddRequest(inputs: [TwinStores.fixtures + "/tool-0.1"]))
        #expect(first.status == .stored)
        let again = try TwinStores.open(url, create: false).add(AddRequest(inputs: [TwinStores.fixtures + "/tool-0.1"]))
        #expect(again.status == .unchanged)
        #expect(try created.statistics().releases == 1)
    }

    @Test("an unreachable server is an error that names the store without its password")
    func unreachable() throws {
        let server = try #require(ThrowawayPostgres.current)
        let url = "postgres://pedigree:secret@127.0.0.1:\(server.port)/no_such_database?sslmode=disable"
        do {
            _ = try TwinStores.open(url)
            Issue.record("a database that does not exist was opened")
        } catch let error as StoreError {
            #expect(error.code == "store.database")
            #expect(error.message.contains("pedigree:***@127.0.0.1"))
            #expect(!error.message.contains("secret"))
            #expect(error.message.contains("no_such_database"), "the server's own message says which database")
        }
    }
}
#endif
