import PedigreeLicenses
import PedigreeModel
import Testing
@testable import PedigreeEngine

/// Lineage the knowledge base knows and a card leaves out: Ziya-LLaMA and BELLE publish LLaMA 1 weight
/// deltas under the code's GPL-3.0, so only the known base brings LLaMA's non-commercial terms in.
@Suite struct KnownLineageTests {
    let saas = ProductContext(commercial: true, distribution: [.saas])

    func ziyaService(license: String = "gpl-3.0") -> GraphBuilder {
        var g = GraphBuilder()
        g.component("assistant", kind: .application)
        g.component("ziya", license: license, kind: .model, name: "IDEA-CCNL/Ziya-LLaMA-13B-v1")
        g.edge("assistant", .runs, "ziya")
        g.root("assistant")
        return g
    }

    @Test func aKnownBaseBringsItsTermsToTheProduct() throws {
        let result = Engine.audit(graph: ziyaService().graph, context: saas, catalog: KnowledgeBase.shared)
        let nonCommercial = try #require(result.findings(.nonCommercial).first)
        #expect(nonCommercial.component == "knowledge-base:huggyllama/llama-13b")
        #expect(nonCommercial.path.map(\.ref.rawValue) == ["assistant", "ziya", "knowledge-base:huggyllama/llama-13b"])
        let added = try #require(result.relationships.first { $0.to.rawValue == "knowledge-base:huggyllama/llama-13b" })
        #expect(added.from == "ziya" && added.kind == .derivedFrom && added.origin == "knowledge base")
        #expect(result.findings(.licenseMismatch).contains { $0.component == "ziya" })
        let note = try #require(result.diagnostics.first { $0.code == "knowledge.known-base" })
        #expect(note.severity == .note && note.message.contains("huggingface.co/IDEA-CCNL/Ziya-LLaMA-13B-v1"))
    }

    @Test func aResearchProductRunsItFreely() {
        let research = ProductContext(commercial: false, distribution: [.saas])
        let result = Engine.audit(graph: ziyaService().graph, context: research, catalog: KnowledgeBase.shared)
        #expect(result.findings(.nonCommercial).isEmpty)
        #expect(result.relationships.contains { $0.origin == "knowledge base" })
    }

    @Test func aStatedBaseIsNotAddedTwice() {
        var g = ziyaService()
        g.component("llama", license: "LicenseRef-scancode-llama-license-2023", kind: .model, name: "LLaMA 13B")
        g.edge("ziya", .fineTunedFrom, "llama")
        let result = Engine.audit(graph: g.graph, context: saas, catalog: KnowledgeBase.shared)
        #expect(!result.relationships.contains { $0.origin == "knowledge base" })
        #expect(result.findings(.nonCommercial).map(\.component) == ["llama"])
    }

    @Test func aListedButUnlinkedBaseIsLinkedNotDuplicated() {
        var g = ziyaService()
        g.component("mirror", license: "other", kind: .model, purl: "pkg:huggingface/huggyllama/llama-13b@main")
        g.root("mirror")
        let result = Engine.audit(graph: g.graph, context: saas, catalog: KnowledgeBase.shared)
        #expect(result.components.count == 3)
        #expect(result.relationships.contains { $0.from == "ziya" && $0.to == "mirror" && $0.origin == "knowledge base" })
    }

    @Test func componentsWithoutKnownBasesLeaveTheGraphAsItIs() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("llama", license: "llama3.1", kind: .model, name: "meta-llama/Llama-3.1-8B")
        g.edge("app", .runs, "llama")
        g.root("app")
        let result = Engine.audit(graph: g.graph, context: saas, catalog: KnowledgeBase.shared)
        #expect(result.components.count == 2 && result.relationships.count == 1)
    }
}
