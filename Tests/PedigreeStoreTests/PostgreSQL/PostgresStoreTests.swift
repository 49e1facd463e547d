#if PostgreSQL
import Foundation
import PedigreeCore
import PedigreeStorePostgres
import Testing

@testable import PedigreeStore

/// The example portfolio in an SQLite file (a `ScratchStore`) and in a database of the throwaway server.
struct TwinStores {
    let scratch: ScratchStore
    let url: String
    var sqlite: Portfolio { scratch.portfolio }
    let postgres: Portfolio

    init(fill: Bool = true) throws {
        let server = try #require(ThrowawayPostgres.current)
        scratch = try ScratchStore()
        url = try server.createDatabase()
        postgres = try Self.open(url)
        if fill {
            try scratch.addAll()
            try ScratchStore.addAll(to: postgres)
        }
    }

    static func open(_ url: String, knowledge: StoreKnowledge? = nil, create: Bool = true) throws -> Portfolio {
        try PortfolioStores.open(
            try StoreLocation(url), create: create, knowledge: knowledge ?? StoreKnowledge.bundled(), clock: ScratchStore.clock)
    }
}

@Suite(
    "Store on PostgreSQL (a throwaway server)", .throwawayPostgres,
    .enabled(if: ThrowawayPostgres.binaries != nil, ThrowawayPostgres.missingNote))
struct PostgresStoreTests {
    @Test("the same inputs give the same store and the same answers on PostgreSQL as on SQLite")
    func sameAnswers() throws {
        let stores = try TwinStores()
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

    @Test("releases larger than one batched statement give the same store and answers on PostgreSQL as on SQLite")
    func largeReleases() throws {
        let stores = try TwinStores(fill: false)
        for portfolio in [stores.sqlite, stores.postgres] {
            #expect(try stores.scratch.addLarge(product: "Big", first: 0, libraries: 260, to: portfolio).status == .stored)
            #expect(try stores.scratch.addLarge(product: "Other", first: 130, libraries: 260, to: portfolio).status == .stored)
        }
        #expect(try stores.postgres.statistics() == stores.sqlite.statistics())
        #expect(try stores.postgres.statistics().components == 263 + 132)
        for subject: PortfolioQuery.Subject in [.license("GPL-3.0-only"), .component("pkg:pypi/lib-200"), .derivedFrom("acme/base")] {
            let onSQLite = try stores.sqlite.query(PortfolioQuery(subject: subject))
            #expect(onSQLite.count == 2, "\(subject)")
            #expect(try stores.postgres.query(PortfolioQuery(subject: subject)) == onSQLite, "\(subject)")
        }
    }

    @Test("finding sources are recorded on PostgreSQL; a store from before them is migrated and records them when audited again")
    func findingSources() throws {
        let stores = try TwinStores()
        try PortfolioSourceTests.expectSources(in: stores.postgres)
        // The store as an earlier Pedigree left it: no source columns, and no record of the migration that adds them.
        let backend = try #require(stores.postgres.backend as? any PortfolioSQLBackend)
        for sql in [
            "ALTER TABLE finding DROP COLUMN source", "ALTER TABLE finding DROP COLUMN source_location",
            "DELETE FROM pedigree_migration WHERE id = 'v2-finding-source'",
        ] {
            _ = try backend.rows(StoreStatement(sql))
        }
        let reopened = try TwinStores.open(stores.url, create: false)
        let before = try PortfolioSourceTests.naming(in: reopened)
        #expect(before.source == nil && before.sourceLocation == nil)
        let reaudit = try reopened.reaudit(ReauditRequest(product: "Assistant"))
        #expect(reaudit.reaudited.map { "\($0.release) #\($0.evaluation) \($0.new.count) new" } == ["1.1 #2 0 new"])
        try PortfolioSourceTests.expectSources(in: reopened)
    }

    @Test("impact and a relabelling reaudit change the same releases on PostgreSQL as on SQLite")
    func sameChanges() throws {
        let stores = try TwinStores()
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
        try ScratchStore.expectRollback(in: stores.postgres, latest: ["Assistant 1.1", "Desktop 2.0"])
    }

    @Test("a database without a store is refused unless asked to create it; adding the same inputs twice stores nothing")
    func opening() throws {
        let server = try #require(ThrowawayPostgres.current)
        let url = try server.createDatabase()
        #expect(throws: StoreError.missing(StoreLocation.postgres(url: url).description)) {
            try TwinStores.open(url, create: false)
        }
        let created = try TwinStores.open(url)
        let first = try created.add(AddRequest(inputs: [ScratchStore.fixture("tool-0.1")]))
        #expect(first.status == .stored)
        let again = try TwinStores.open(url, create: false).add(AddRequest(inputs: [ScratchStore.fixture("tool-0.1")]))
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
