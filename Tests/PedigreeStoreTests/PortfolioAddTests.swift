import Foundation
import PedigreeStore
import Testing

@Suite("Store: adding releases")
struct PortfolioAddTests {
    @Test("a release is stored with its documents, reach index and first evaluation")
    func stores() throws {
        let store = try ScratchStore()
        let outcome = try store.add("assistant-1.1")
        #expect(outcome.status == .stored)
        #expect(outcome.product == "Assistant")
        #expect(outcome.release == "1.1")
        #expect(outcome.newDocuments == 1)
        let statistics = try store.statistics
        #expect(statistics.releases == 1)
        #expect(statistics.evaluations == 1)
        #expect(statistics.nodes == 5)
        #expect(statistics.findings == outcome.result?.findings.count)
        #expect(outcome.result?.findings.contains { $0.rule == .nonCommercial } == true)
    }

    @Test("adding the same inputs twice stores nothing new")
    func idempotent() throws {
        let store = try ScratchStore()
        try store.add("desktop-2.0")
        let before = try store.statistics
        let again = try store.add("desktop-2.0")
        #expect(again.status == .unchanged)
        #expect(try store.statistics == before)
    }

    @Test("the same bytes are kept once across products")
    func contentAddressed() throws {
        let store = try ScratchStore()
        try store.add("tool-0.1", product: "Tool", release: "0.1")
        let second = try store.add("tool-0.1", product: "Tool copy", release: "0.1")
        #expect(second.status == .stored)
        #expect(second.newDocuments == 0)
        let statistics = try store.statistics
        #expect(statistics.documents == 1)
        #expect(statistics.releases == 2)
    }

    @Test("a stored release is never overwritten by other inputs")
    func conflict() throws {
        let store = try ScratchStore()
        try store.add("assistant-1.0", release: "1.0")
        #expect(throws: StoreError.releaseConflict(product: "Assistant", release: "1.0")) {
            try store.add("assistant-1.1", release: "1.0")
        }
        #expect(try store.statistics.releases == 1)
    }

    @Test("an input that cannot be used stores nothing")
    func inputErrors() throws {
        let store = try ScratchStore()
        let broken = store.folder.appendingPathComponent("broken.cdx.json")
        try Data("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [".utf8).write(to: broken)
        let outcome = try store.portfolio.add(AddRequest(inputs: [broken.path]))
        #expect(outcome.status == .inputErrors)
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.location?.file == broken.path })
        #expect(try store.statistics.releases == 0)
    }

    @Test("a missing store is not created by commands that only read")
    func missing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).db").path
        #expect(throws: StoreError.missing(path)) {
            try Portfolio(location: .sqlite(path: path), create: false, knowledge: .bundled(), clock: ScratchStore.clock)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a file that is not a store is refused with the database's reason")
    func notAStore() throws {
        let store = try ScratchStore()
        let path = store.folder.appendingPathComponent("notes.txt").path
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try Portfolio(location: .sqlite(path: path), create: false, knowledge: .bundled(), clock: ScratchStore.clock)
            Issue.record("a text file was opened as a store")
        } catch {
            #expect(error.code == "store.database")
            #expect(error.message.contains("not a database"))
        }
    }

    @Test("opening a store again keeps what it holds")
    func reopen() throws {
        let store = try ScratchStore()
        try store.add("tool-0.1")
        let reopened = try Portfolio(location: .sqlite(path: store.path), create: false, knowledge: .bundled(), clock: ScratchStore.clock)
        #expect(try reopened.statistics().releases == 1)
    }
}
