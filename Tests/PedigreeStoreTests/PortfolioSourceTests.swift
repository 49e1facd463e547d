import Foundation
import Testing

@testable import PedigreeStore

@Suite("Store: the component whose license imposes a finding's term")
struct PortfolioSourceTests {
    /// The naming finding of Assistant 1.1's latest evaluation: acme/assistant-llama must be renamed
    /// because of the license of its base, Llama 3.1 (`llama-base`, stated on line 21 of its manifest).
    static func naming(in portfolio: Portfolio) throws -> StoredFinding {
        let assistant = try #require(try portfolio.overview().first { $0.product == "Assistant" && $0.release == "1.1" })
        return try #require(assistant.findings.first { $0.rule == "naming" })
    }

    /// Checks what any store, SQLite or PostgreSQL, records of that finding and of one that holds its own term.
    static func expectSources(in portfolio: Portfolio) throws {
        let naming = try naming(in: portfolio)
        #expect(naming.component == "assistant-llama")
        #expect(naming.source == "llama-base")
        let location = try #require(naming.sourceLocation)
        #expect(location.file.hasSuffix("store/assistant-1.1/pedigree.yaml") && location.line == 21)
        #expect(naming.cause == "the license 'LicenseRef-scancode-llama-3.1-license-2024' of 'llama-base'")
        let overview = try portfolio.overview()
        let own = try #require(overview.flatMap(\.findings).first { $0.rule == "non-commercial" })
        #expect(own.source == own.component && own.sourceLocation == nil && own.cause == nil)
    }

    @Test("a derivative's finding keeps its source and where the source's license is stated")
    func recorded() throws {
        let store = try ScratchStore()
        try store.add("assistant-1.1")
        try Self.expectSources(in: store.portfolio)
        let export = try PortfolioExportWriter.write(store.portfolio.overview(), format: .jsonl, toolVersion: "test")
        #expect(export.contains(#""rule":"naming","severity":"error","source":"llama-base","sourceLocation":{"column":14,"#))
        let page = try PortfolioExportWriter.write(store.portfolio.overview(), format: .html, toolVersion: "test")
        #expect(page.contains("(because of the license &#39;LicenseRef-scancode-llama-3.1-license-2024&#39; of &#39;llama-base&#39;)"))
    }

    @Test("impact names the source of a finding a change would remove, and where its license is stated")
    func impactText() throws {
        let store = try ScratchStore()
        try store.add("assistant-1.1")
        let impact = try store.portfolio.impact(
            ImpactRequest(relabel: LicenseFact(component: "meta-llama/Llama-3.1-8B", license: "Apache-2.0")))
        let text = try PortfolioChangeWriter.write(impact, format: .text)
        let lines = text.split(separator: "\n").map(String.init)
        let lost = try #require(lines.firstIndex { $0.hasPrefix("  - error naming assistant-llama: ") })
        #expect(lines[lost + 1].hasPrefix("      because of the license 'LicenseRef-scancode-llama-3.1-license-2024' of 'llama-base' at "))
        #expect(lines[lost + 1].hasSuffix("store/assistant-1.1/pedigree.yaml:21:14"))
        let gained = try #require(lines.firstIndex { $0.hasPrefix("  + error naming assistant-llama: ") })
        #expect(!lines[gained + 1].contains("because of"), "relabelled, the derivative's own license imposes the name")
    }

    @Test("a store written before sources were kept opens, reads its findings without one, and records them when audited again")
    func olderStore() throws {
        let store = try ScratchStore()
        let old = store.folder.appendingPathComponent("v1.db")
        try FileManager.default.copyItem(atPath: ScratchStore.fixtures + "-schema-v1/portfolio.db", toPath: old.path)
        let portfolio = try Portfolio(location: .sqlite(path: old.path), create: false, knowledge: .bundled(), clock: ScratchStore.clock)
        let before = try Self.naming(in: portfolio)
        #expect(before.source == nil && before.sourceLocation == nil && before.cause == nil)
        let export = try PortfolioExportWriter.write(portfolio.overview(), format: .jsonl, toolVersion: "test")
        #expect(export.contains(#""rule":"naming""#) && !export.contains(#""source""#), "an unknown source is left out, not guessed")
        let nonCommercial = try portfolio.query(PortfolioQuery(subject: .license("non-commercial")))
        #expect(nonCommercial.map { "\($0.product) \($0.name)" } == ["Assistant acme/dialogs"], "the used licenses were listed from the stored index")
        let reaudit = try portfolio.reaudit(ReauditRequest())
        #expect(reaudit.reaudited.map { "\($0.product) #\($0.evaluation) \($0.new.count) new" } == ["Assistant #2 0 new"])
        try Self.expectSources(in: portfolio)
    }
}
