import PedigreeLicenses
import PedigreeModel
import Testing
@testable import PedigreeEngine

/// Findings whose duty falls on a derivative blame the derivative (DOMAIN §8.5): `component` is the
/// model that must change, located in its own file, and `source` the base model whose license imposes
/// the term. Waivers match either; fingerprints hash what they hashed before the blame moved.
@Suite struct DerivativeBlameTests {
    /// A SaaS product running `tune`, fine-tuned from Meta Llama 3 8B (license `llama3`, which requires
    /// derivative names to begin with "Llama 3"); `tune` states `license` on line 20 of its own file.
    static func llama3FineTune(license: String = "llama3", name: String = "acme/helpdesk-8b") -> GraphBuilder {
        var g = GraphBuilder()
        g.component("app", kind: .application, name: "Acme Help Desk", line: 10)
        g.component("tune", license: license, kind: .model, name: name, line: 20)
        g.component("base", license: "llama3", kind: .model, name: "meta-llama/Meta-Llama-3-8B", line: 30)
        g.edge("app", .runs, "tune")
        g.edge("tune", .fineTunedFrom, "base")
        g.root("app")
        return g
    }

    static func audit(_ g: GraphBuilder, policy: AuditPolicy = AuditPolicy()) -> AuditResult {
        Engine.audit(
            graph: g.graph, context: ProductContext(commercial: true, distribution: [.saas]), policy: policy,
            catalog: KnowledgeBase.shared)
    }

    @Test func namingBlamesTheFineTuneBecauseOfTheBaseLicense() throws {
        let finding = try #require(Self.audit(Self.llama3FineTune()).findings(.naming).first)
        #expect(finding.component == "tune")
        #expect(finding.source == "base")
        #expect(finding.firedAt == "tune")
        #expect(finding.location?.line == 20)
        #expect(finding.sourceLocation?.line == 30)
        #expect(finding.message.contains("begin with 'Llama 3'"))
        #expect(finding.remediation == "rename 'acme/helpdesk-8b' to begin with 'Llama 3'")
        #expect(finding.pathText == "app (runs) → tune (fine-tuned-from) → base")
    }

    @Test func aRelicensedFineTuneOwnsEveryDerivativeFinding() {
        let result = Self.audit(Self.llama3FineTune(license: "Apache-2.0"))
        for rule in [RuleID.naming, .useRestrictionFlowdown, .licenseMismatch] {
            let findings = result.findings(rule)
            #expect(findings.map(\.component) == ["tune"], "\(rule)")
            #expect(findings.map(\.source) == ["base"], "\(rule)")
            #expect(findings.map { $0.location?.line } == [20], "\(rule)")
        }
    }

    @Test func productWideAndOwnLicenseFindingsAreTheirOwnSource() {
        var g = Self.llama3FineTune()
        g.component("dialogs", license: "CC-BY-NC-4.0", kind: .dataset, line: 40)
        g.edge("tune", .trainedOn, "dialogs")
        let result = Self.audit(g)
        let nonCommercial = result.findings(.nonCommercial)
        #expect(nonCommercial.map(\.component) == ["dialogs"])
        #expect(nonCommercial.map(\.source) == ["dialogs"])
        #expect(nonCommercial.allSatisfy { $0.sourceLocation == nil })
        let attribution = result.findings(.attribution)
        #expect(!attribution.isEmpty && attribution.allSatisfy { $0.source == $0.component })
    }

    /// The fingerprint hashes rule, source, the component the rule fired at and the licenses: the same
    /// values as when `component` named the base, so the value of each finding is what it was.
    @Test func fingerprintsHashTheSourceAndWhereTheRuleFired() throws {
        let finding = try #require(Self.audit(Self.llama3FineTune()).findings(.naming).first)
        let before = Fingerprint.make([
            "naming", "meta-llama/meta-llama-3-8b", "acme/helpdesk-8b", "LICENSEREF-SCANCODE-LLAMA-3-LICENSE-2024",
        ])
        #expect(finding.fingerprint == before)
        let renamedRef = try #require(Self.audit(Self.llama3FineTuneWithRefs("t2", "b2")).findings(.naming).first)
        #expect(renamedRef.fingerprint == finding.fingerprint)
    }

    static func llama3FineTuneWithRefs(_ tune: String, _ base: String) -> GraphBuilder {
        var g = GraphBuilder()
        g.component("app", kind: .application, name: "Acme Help Desk")
        g.component(tune, license: "llama3", kind: .model, name: "acme/helpdesk-8b")
        g.component(base, license: "llama3", kind: .model, name: "meta-llama/Meta-Llama-3-8B")
        g.edge("app", .runs, tune)
        g.edge(tune, .fineTunedFrom, base)
        g.root("app")
        return g
    }

    @Test(arguments: [
        ("meta-llama/Meta-Llama-3-8B", RuleID?.none), ("base", .naming), ("acme/helpdesk-8b", nil), ("tune", .naming),
    ])
    func aWaiverOnTheBaseOrTheDerivativeCoversTheFinding(component: String, rule: RuleID?) throws {
        let policy = AuditPolicy(waivers: [Waiver(component: component, rule: rule, reason: "renamed in the next release")])
        let result = Self.audit(Self.llama3FineTune(), policy: policy)
        let finding = try #require(result.findings(.naming).first)
        #expect(finding.waived)
        #expect(finding.waiverReason == "renamed in the next release")
        #expect(!result.diagnostics.contains { $0.code == "policy.waiver-stale" })
    }

    @Test func aWaiverOnAnotherComponentOrRuleLeavesTheFindingBlocking() throws {
        let policy = AuditPolicy(waivers: [
            Waiver(component: "app", reason: "the product itself"),
            Waiver(component: "meta-llama/Meta-Llama-3-8B", rule: .useRestrictionFlowdown, reason: "another rule"),
        ])
        let result = Self.audit(Self.llama3FineTune(), policy: policy)
        let finding = try #require(result.findings(.naming).first)
        #expect(!finding.waived)
        #expect(finding.isBlocking)
    }
}
