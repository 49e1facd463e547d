import PedigreeLicenses
import PedigreeModel
import Testing
@testable import PedigreeEngine

/// The engine against the real knowledge base, on the cases the brief names.
@Suite struct KnowledgeBaseEngineTests {
    let kb = KnowledgeBase.shared

    func audit(_ g: GraphBuilder, _ context: ProductContext = ProductContext(commercial: true, distribution: [.binary])) -> AuditResult {
        Engine.audit(graph: g.graph, context: context, catalog: kb)
    }

    @Test func gplAppWithApacheAndMITPartsIsSilent() {
        var g = GraphBuilder()
        g.component("app", license: "GPL-3.0-only", kind: .application)
        g.component("a", license: "Apache-2.0")
        g.component("b", license: "MIT")
        g.edge("app", .staticLink, "a")
        g.edge("app", .dependsOn, "b")
        g.root("app")
        let result = audit(g)
        #expect(result.findings.filter { $0.severity != .info }.map(\.rule) == [])
    }

    @Test func gpl2WithApacheConflicts() {
        var g = GraphBuilder()
        g.component("app", license: "GPL-2.0-only", kind: .application)
        g.component("a", license: "Apache-2.0")
        g.edge("app", .staticLink, "a")
        g.root("app")
        #expect(audit(g).findings(.copyleftConflict).count == 1)
    }

    @Test func lgplDynamicallyLinkedIntoProprietaryBinaryIsSilent() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("lib", license: "LGPL-2.1-only")
        g.edge("app", .dynamicLink, "lib")
        g.root("app")
        let result = audit(g)
        #expect(result.findings.filter { $0.severity == .error }.isEmpty)
        #expect(result.findings(.sourceOffer).count == 1)
    }

    @Test func nonCommercialModelInNonCommercialProductIsSilentAndInCommercialFires() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("model", license: "CC-BY-NC-4.0", kind: .model)
        g.edge("app", .dependsOn, "model")
        g.root("app")
        #expect(audit(g, ProductContext(commercial: false, distribution: [.saas])).findings(.nonCommercial).isEmpty)
        #expect(audit(g, ProductContext(commercial: true, distribution: [.saas])).findings(.nonCommercial).count == 1)
    }

    @Test func deepSeekDistillOfLlamaMissesThePrefix() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("distill", license: "llama3.3", kind: .model, name: "deepseek-ai/DeepSeek-R1-Distill-Llama-70B")
        g.component("base", license: "llama3.3", kind: .model, name: "meta-llama/Llama-3.3-70B-Instruct")
        g.edge("app", .dependsOn, "distill")
        g.edge("distill", .fineTunedFrom, "base")
        g.root("app")
        let result = audit(g)
        let finding = try #require(result.findings(.naming).first)
        #expect(finding.firedAt == "distill")
        #expect(finding.message.contains("'Llama'"))
        #expect(result.obligations.contains { $0.kind == .display && $0.text?.contains("Llama") == true })
    }

    @Test func trainingOnLlama2OutputsIsAnOutputRestriction() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("student", license: "Apache-2.0", kind: .model)
        g.component("teacher", license: "llama2", kind: .model)
        g.edge("app", .dependsOn, "student")
        g.edge("student", .distilledFrom, "teacher")
        g.root("app")
        #expect(audit(g).findings(.outputRestriction).map(\.component) == ["student"])
        #expect(audit(g).findings(.outputRestriction).map(\.source) == ["teacher"])
    }

    @Test func openRAILFineTuneUnderApacheDropsRestrictions() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("tune", license: "Apache-2.0", kind: .model)
        g.component("base", license: "creativeml-openrail-m", kind: .model)
        g.edge("app", .dependsOn, "tune")
        g.edge("tune", .fineTunedFrom, "base")
        g.root("app")
        let result = audit(g)
        #expect(result.findings(.useRestrictionFlowdown).map(\.firedAt) == ["tune"])
        #expect(result.findings(.licenseMismatch).map(\.firedAt) == ["tune"])
    }

    @Test func agplRunAsSeparateServiceOwesOnlySource() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("server", license: "AGPL-3.0-only", kind: .service)
        g.edge("app", .runs, "server")
        g.root("app")
        let result = audit(g, ProductContext(commercial: true, distribution: [.saas]))
        #expect(result.findings(.networkCopyleft).isEmpty)
        #expect(result.findings(.sourceOffer).map(\.component) == ["server"])
        var linked = GraphBuilder()
        linked.component("app", kind: .application)
        linked.component("server", license: "AGPL-3.0-only")
        linked.edge("app", .dependsOn, "server")
        linked.root("app")
        #expect(audit(linked, ProductContext(commercial: true, distribution: [.saas])).findings(.networkCopyleft).count == 1)
    }

    @Test func noAssertionIsUnknown() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("lib", license: "NOASSERTION")
        g.edge("app", .dependsOn, "lib")
        g.root("app")
        #expect(audit(g).findings.map(\.rule) == [.unknownLicense])
    }
}

/// Hub license ids the field uses, through the engine.
@Suite struct HuggingFaceLicenseEngineTests {
    @Test func fluxDevMergeSoldAsSaaSIsNonCommercial() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("merge", license: "other", kind: .model)
        g.components[1].declaredLicense = LicenseStatement([
            LicenseText("other", form: .id), LicenseText("flux-1-dev-non-commercial-license", form: .name),
        ])
        g.component("flux", license: "other", kind: .model, name: "black-forest-labs/FLUX.1-dev")
        g.components[2].declaredLicense = LicenseStatement([
            LicenseText("other", form: .id), LicenseText("flux-1-dev-non-commercial-license", form: .name),
        ])
        g.component("sdxl", license: "openrail++", kind: .model)
        g.edge("app", .runs, "merge")
        g.edge("merge", .mergedFrom, "flux")
        g.edge("merge", .mergedFrom, "sdxl")
        g.root("app")
        let saas = Engine.audit(
            graph: g.graph, context: ProductContext(commercial: true, distribution: [.saas]), catalog: KnowledgeBase.shared)
        let findings = saas.findings(.nonCommercial)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.licenses == ["LicenseRef-scancode-flux-1-nc"] })
        let research = Engine.audit(
            graph: g.graph, context: ProductContext(commercial: false, distribution: [.saas]), catalog: KnowledgeBase.shared)
        #expect(research.findings(.nonCommercial).isEmpty)
    }
}
