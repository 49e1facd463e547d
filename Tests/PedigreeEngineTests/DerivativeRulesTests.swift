import PedigreeModel
import Testing
@testable import PedigreeEngine

/// Rules judged at a derivative: copyleft-conflict, output-restriction, use-restriction-flowdown,
/// naming, no-derivatives, license-mismatch (drift).
@Suite struct DerivativeRulesTests {
    @Test func gpl2AppLinkingApacheConflicts() throws {
        var g = GraphBuilder()
        g.component("app", license: "GPL-2.0-only", kind: .application)
        g.component("lib", license: "Apache-2.0")
        g.edge("app", .dependsOn, "lib")
        g.root("app")
        let finding = try #require(g.audit().findings(.copyleftConflict).first)
        #expect(finding.licenses == ["GPL-2.0-only", "Apache-2.0"])
        #expect(finding.firedAt == "app")
        #expect(finding.message.contains("'Apache-2.0' may not be relicensed under 'GPL-2.0-only'"))
    }

    @Test func gplWithNonCommercialConflictsOnlyInOneWork() {
        var g = GraphBuilder()
        g.component("app", license: "GPL-3.0-only", kind: .application)
        g.component("data", license: "CC-BY-NC-4.0", kind: .dataset)
        g.edge("app", .staticLink, "data")
        g.root("app")
        #expect(g.audit(ProductContext(commercial: false, distribution: [.binary])).findings(.copyleftConflict).count == 1)
        var bundled = GraphBuilder()
        bundled.component("app", license: "GPL-3.0-only", kind: .application)
        bundled.component("data", license: "CC-BY-NC-4.0", kind: .dataset)
        bundled.edge("app", .contains, "data")
        bundled.root("app")
        #expect(bundled.audit(ProductContext(commercial: false, distribution: [.binary])).findings(.copyleftConflict).isEmpty)
    }

    @Test func shareAlikeWithNonCommercialConflictsAtTheMerge() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("merge", license: "CC-BY-SA-4.0", kind: .model)
        g.component("nc", license: "CC-BY-NC-4.0", kind: .model)
        g.component("top", kind: .model, name: "top")
        g.edge("app", .dependsOn, "top")
        g.edge("top", .fineTunedFrom, "merge")
        g.edge("merge", .mergedFrom, "nc")
        g.root("app")
        let findings = g.audit(ProductContext(commercial: false, distribution: [.binary])).findings(.copyleftConflict)
        #expect(findings.count == 1)
        #expect(findings.first?.firedAt == "merge")
    }

    @Test func distillingFromLlama2Fires() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("student", license: "MIT", kind: .model)
        g.component("teacher", license: "llama2", kind: .model)
        g.edge("app", .dependsOn, "student")
        g.edge("student", .distilledFrom, "teacher")
        g.root("app")
        let finding = try #require(g.audit().findings(.outputRestriction).first)
        #expect(finding.component == "student")
        #expect(finding.source == "teacher")
        #expect(finding.pathText == "app (depends-on) → student (distilled-from) → teacher")
    }

    @Test func trainingOnGeneratedDataFromOpenAIFires() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("model", license: "Apache-2.0", kind: .model)
        g.component("synthetic", license: "CC-BY-4.0", kind: .dataset)
        g.component("gpt-4", license: "LicenseRef-openai-tou", kind: .service)
        g.edge("app", .dependsOn, "model")
        g.edge("model", .trainedOn, "synthetic")
        g.edge("synthetic", .generatedBy, "gpt-4")
        g.root("app")
        let result = g.audit()
        let finding = try #require(result.findings(.outputRestriction).first)
        #expect(result.findings(.outputRestriction).count == 1)
        #expect(finding.pathText == "app (depends-on) → model (trained-on) → synthetic (generated-by) → gpt-4")
        #expect(finding.message.contains("competing models"))
    }

    @Test func llama2DerivativeLearningFromLlama2IsExempt() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("student", license: "llama2", kind: .model)
        g.component("teacher", license: "llama2", kind: .model)
        g.edge("app", .dependsOn, "student")
        g.edge("student", .distilledFrom, "teacher")
        g.root("app")
        #expect(g.audit().findings(.outputRestriction).isEmpty)
    }

    @Test func droppedUseRestrictionsFireWhereDropped() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("base", license: "LicenseRef-openrail-m", kind: .model)
        g.component("tune-1", license: "Apache-2.0", kind: .model)
        g.component("tune-2", license: "Apache-2.0", kind: .model)
        g.edge("app", .dependsOn, "tune-2")
        g.edge("tune-2", .fineTunedFrom, "tune-1")
        g.edge("tune-1", .fineTunedFrom, "base")
        g.root("app")
        let findings = g.audit().findings(.useRestrictionFlowdown)
        #expect(findings.map(\.firedAt) == ["tune-1"])
        #expect(findings.first?.pathText == "app (depends-on) → tune-2 (fine-tuned-from) → tune-1 (fine-tuned-from) → base")
    }

    @Test func carriedUseRestrictionsAreSilent() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("base", license: "LicenseRef-openrail-m", kind: .model)
        g.component("tune", license: "LicenseRef-openrail-m", kind: .model)
        g.edge("app", .dependsOn, "tune")
        g.edge("tune", .fineTunedFrom, "base")
        g.root("app")
        let result = g.audit()
        #expect(result.findings(.useRestrictionFlowdown).isEmpty)
        #expect(result.findings(.licenseMismatch).isEmpty)
        #expect(result.obligations.contains { $0.kind == .useRestrictions && $0.components.contains("tune") })
    }

    @Test func useRestrictionsDoNotFlowOverDependsOn() {
        var g = GraphBuilder()
        g.component("app", license: "MIT", kind: .application)
        g.component("model", license: "LicenseRef-openrail-m", kind: .model)
        g.edge("app", .dependsOn, "model")
        g.root("app")
        #expect(g.audit().findings(.useRestrictionFlowdown).isEmpty)
    }

    @Test(arguments: [
        ("deepseek-ai/DeepSeek-R1-Distill-Llama-70B", 1), ("nvidia/Llama-3.1-Nemotron-70B", 0), ("llama_3.1_tuned", 0),
    ])
    func derivativeNameNeedsLlamaPrefix(name: String, expected: Int) {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("tune", license: "llama3.1", kind: .model, name: name)
        g.component("base", license: "llama3.1", kind: .model, name: "meta-llama/Llama-3.1-70B")
        g.edge("app", .dependsOn, "tune")
        g.edge("tune", .fineTunedFrom, "base")
        g.root("app")
        let findings = g.audit().findings(.naming)
        #expect(findings.count == expected)
        if let finding = findings.first {
            #expect(finding.firedAt == "tune")
            #expect(finding.message.contains("begin with 'Llama'"))
        }
    }

    @Test func baseModelItselfIsNotNamed() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("base", license: "llama3.1", kind: .model, name: "Meta-Llama-3.1-8B")
        g.edge("app", .dependsOn, "base")
        g.root("app")
        #expect(g.audit().findings(.naming).isEmpty)
    }

    @Test func namingAlsoAppliesToModelsTrainedOnLlamaOutputs() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("student", license: "MIT", kind: .model, name: "tiny-chat")
        g.component("teacher", license: "llama3.1", kind: .model)
        g.edge("app", .dependsOn, "student")
        g.edge("student", .distilledFrom, "teacher")
        g.root("app")
        let result = g.audit()
        #expect(result.findings(.naming).map(\.firedAt) == ["student"])
        #expect(result.findings(.outputRestriction).isEmpty)
    }

    @Test func fineTuningAnNDModelFiresButQuantizingDoesNot() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("nd", license: "CC-BY-ND-4.0", kind: .model)
        g.component("q", license: "CC-BY-ND-4.0", kind: .model)
        g.component("tune", license: "CC-BY-ND-4.0", kind: .model)
        g.edge("app", .dependsOn, "tune")
        g.edge("tune", .fineTunedFrom, "q")
        g.edge("q", .quantizedFrom, "nd")
        g.root("app")
        let findings = g.audit().findings(.noDerivatives)
        #expect(findings.count == 1)
        #expect(findings.first?.firedAt == "tune")
        #expect(findings.first?.message.contains("fine-tuned from 'q'") == true)
    }

    @Test(arguments: [(Interpretation.TrainingData.use, 1), (.derivative, 1), (.none, 0)])
    func trainingOnNDDataFollowsInterpretation(reading: Interpretation.TrainingData, expected: Int) {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("model", license: "MIT", kind: .model)
        g.component("data", license: "CC-BY-ND-4.0", kind: .dataset)
        g.edge("app", .dependsOn, "model")
        g.edge("model", .trainedOn, "data")
        g.root("app")
        let policy = AuditPolicy(interpretation: Interpretation(trainingData: reading))
        #expect(g.audit(policy: policy).findings(.noDerivatives).count == expected)
    }

    @Test func shareAlikeFlowsOverTrainingOnlyAsDerivative() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("model", license: "CC-BY-NC-4.0", kind: .model)
        g.component("data", license: "CC-BY-SA-4.0", kind: .dataset)
        g.edge("app", .dependsOn, "model")
        g.edge("model", .trainedOn, "data")
        g.root("app")
        let context = ProductContext(commercial: false, distribution: [.binary])
        #expect(g.audit(context).findings(.copyleftConflict).isEmpty)
        let derivative = AuditPolicy(interpretation: Interpretation(trainingData: .derivative))
        #expect(g.audit(context, policy: derivative).findings(.copyleftConflict).count == 1)
    }

    @Test func relicensingALlamaFineTuneIsDrift() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("tune", license: "Apache-2.0", kind: .model, name: "Llama-tune")
        g.component("base", license: "llama3.1", kind: .model)
        g.edge("app", .dependsOn, "tune")
        g.edge("tune", .fineTunedFrom, "base")
        g.root("app")
        let finding = try #require(g.audit().findings(.licenseMismatch).first)
        #expect(finding.severity == .warning)
        #expect(finding.component == "tune")
        #expect(finding.source == "base")
        #expect(finding.pathText == "app (depends-on) → tune (fine-tuned-from) → base")
    }

    @Test func relicensingAnMITBaseIsNoDrift() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("tune", license: "Apache-2.0", kind: .model)
        g.component("base", license: "MIT", kind: .model)
        g.edge("app", .dependsOn, "tune")
        g.edge("tune", .fineTunedFrom, "base")
        g.root("app")
        #expect(g.audit().findings(.licenseMismatch).isEmpty)
    }

    @Test func chainOfSixModelsCarriesTheTermWithTheWholePath() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        for step in 1...6 { g.component("m\(step)", license: step == 6 ? "CC-BY-NC-4.0" : nil, kind: .model) }
        g.edge("app", .dependsOn, "m1")
        for step in 1..<6 { g.edge("m\(step)", .fineTunedFrom, "m\(step + 1)") }
        g.root("app")
        let result = g.audit()
        let finding = try #require(result.findings(.nonCommercial).first)
        #expect(finding.component == "m6")
        #expect(finding.path.map(\.ref.rawValue) == ["app", "m1", "m2", "m3", "m4", "m5", "m6"])
        #expect(finding.path.dropFirst().dropLast().allSatisfy { $0.edge == .fineTunedFrom })
        let explanation = try #require(result.explain(component: "m1"))
        #expect(explanation.terms.contains { $0.license == "CC-BY-NC-4.0" && $0.path.count == 6 })
    }
}

extension DerivativeRulesTests {
    @Test func namingNamesTheBaseAsSourceWhenTheDerivativeKeepsItsLicense() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("tune", license: "llama3.1", kind: .model, name: "acme/Distill-Llama-8B")
        g.component("base", license: "llama3.1", kind: .model, name: "meta-llama/Llama-3.1-8B")
        g.edge("app", .dependsOn, "tune")
        g.edge("tune", .fineTunedFrom, "base")
        g.root("app")
        let finding = try #require(g.audit().findings(.naming).first)
        #expect(finding.component == "tune")
        #expect(finding.source == "base")
        #expect(finding.pathText == "app (depends-on) → tune (fine-tuned-from) → base")
        #expect(finding.message.contains("derivative of 'meta-llama/Llama-3.1-8B'"))
    }
}
