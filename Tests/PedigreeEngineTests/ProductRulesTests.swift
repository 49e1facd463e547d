import PedigreeModel
import Testing
@testable import PedigreeEngine

/// Rules judged at the product: non-commercial, usage-threshold, copyleft-distribution,
/// network-copyleft, hosted-service, territory.
@Suite struct ProductRulesTests {
    func appWithModel(_ license: String, edge: EdgeKind = .dependsOn, kind: ComponentKind = .model) -> GraphBuilder {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("model", license: license, kind: kind)
        g.edge("app", edge, "model")
        g.root("app")
        return g
    }

    @Test func nonCommercialModelInCommercialProductFires() throws {
        let result = appWithModel("CC-BY-NC-4.0").audit()
        let finding = try #require(result.findings(.nonCommercial).first)
        #expect(result.findings(.nonCommercial).count == 1)
        #expect(finding.severity == .error)
        #expect(finding.component == "model")
        #expect(finding.firedAt == "app")
        #expect(finding.licenses == ["CC-BY-NC-4.0"])
        #expect(finding.pathText == "app (depends-on) → model")
        #expect(finding.location?.line == 20)
        #expect(finding.fingerprint.count == 16)
        #expect(finding.isBlocking)
        #expect(result.summary.blocking == 1)
    }

    @Test func nonCommercialModelInNonCommercialProductIsSilent() {
        let result = appWithModel("CC-BY-NC-4.0").audit(ProductContext(commercial: false, distribution: [.binary]))
        #expect(result.findings(.nonCommercial).isEmpty)
        #expect(result.summary.blocking == 0)
    }

    @Test func nonCommercialModelRunBySaaSFires() {
        let result = appWithModel("CC-BY-NC-4.0", edge: .runs).audit(ProductContext(commercial: true, distribution: [.saas]))
        #expect(result.findings(.nonCommercial).map(\.pathText) == ["app (runs) → model"])
    }

    @Test func nonCommercialDatasetOnlyTestedOnIsSilent() {
        var g = appWithModel("MIT")
        g.component("eval", license: "CC-BY-NC-4.0", kind: .dataset)
        g.edge("model", .testedOn, "eval")
        #expect(g.audit().findings(.nonCommercial).isEmpty)
    }

    @Test func nonCommercialDevDependencyIsSilent() {
        let result = appWithModel("CC-BY-NC-4.0", edge: .devDependency).audit()
        #expect(result.findings(.nonCommercial).isEmpty)
        #expect(result.findings(.attribution).allSatisfy { $0.component != "model" })
    }

    @Test func unstatedContextAssumesCommercialBinaryAndSaysSo() {
        let result = appWithModel("CC-BY-NC-4.0").audit(ProductContext())
        #expect(result.context.commercial)
        #expect(result.context.distribution == [.binary])
        #expect(result.context.assumptions.contains { $0.contains("commercial use is assumed") })
        #expect(result.context.assumptions.contains { $0.contains("distribution as a binary is assumed") })
        #expect(result.findings(.nonCommercial).count == 1)
    }

    @Test func mergeOfPermissiveAndNonCommercialParentIsNonCommercial() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("merge", license: "Apache-2.0", kind: .model)
        g.component("parent-a", license: "MIT", kind: .model)
        g.component("parent-b", license: "CC-BY-NC-4.0", kind: .model)
        g.edge("app", .dependsOn, "merge")
        g.edge("merge", .mergedFrom, "parent-a")
        g.edge("merge", .mergedFrom, "parent-b")
        g.root("app")
        let result = g.audit()
        let explanation = try #require(result.explain(component: "merge"))
        let nc = try #require(explanation.terms.first { $0.license == "CC-BY-NC-4.0" })
        #expect(nc.aspects.contains("commercial-limits"))
        #expect(nc.source == "parent-b")
        #expect(!nc.own)
        #expect(result.findings(.nonCommercial).map(\.pathText) == ["app (depends-on) → merge (merged-from) → parent-b"])
    }

    @Test(arguments: [(800_000_000, 1), (700_000_000, 0), (1_000_000, 0)])
    func usageThresholdComparesMonthlyActiveUsers(users: Int, expected: Int) {
        let result = appWithModel("LicenseRef-llama-3.1").audit(
            ProductContext(commercial: true, distribution: [.saas], monthlyActiveUsers: users))
        let findings = result.findings(.usageThreshold)
        #expect(findings.count == expected)
        if let finding = findings.first {
            #expect(finding.message.contains("monthly-active-users 800000000 > 700000000"))
            #expect(finding.notes == ["the license measures monthly-active-users at a fixed date: 2024-07-23"])
        }
    }

    @Test func unstatedUsersAreAssumptionNotFinding() {
        let result = appWithModel("LicenseRef-llama-3.1").audit()
        #expect(result.findings(.usageThreshold).isEmpty)
        #expect(result.context.assumptions.contains { $0.contains("monthly-active-users is not stated") })
    }

    @Test func strongCopyleftInProprietaryBinaryFires() throws {
        let result = appWithModel("GPL-3.0-only", kind: .library).audit()
        let finding = try #require(result.findings(.copyleftDistribution).first)
        #expect(finding.component == "model")
        #expect(finding.message.contains("no known license"))
        #expect(result.findings(.sourceOffer).map(\.component) == ["model"])
    }

    @Test func lgplDynamicallyLinkedIntoProprietaryBinaryIsSilent() {
        let result = appWithModel("LGPL-2.1-only", edge: .dynamicLink, kind: .library).audit()
        #expect(result.findings(.copyleftDistribution).isEmpty)
        #expect(result.findings(.copyleftConflict).isEmpty)
        #expect(result.findings(.sourceOffer).map(\.component) == ["model"])
    }

    @Test func gplAppWithApachePartsIsSilent() {
        var g = GraphBuilder()
        g.component("app", license: "GPL-3.0-only", kind: .application)
        g.component("lib-a", license: "Apache-2.0")
        g.component("lib-b", license: "MIT")
        g.edge("app", .staticLink, "lib-a")
        g.edge("app", .dependsOn, "lib-b")
        g.root("app")
        let result = g.audit()
        #expect(result.findings(.copyleftDistribution).isEmpty)
        #expect(result.findings(.copyleftConflict).isEmpty)
        #expect(result.summary.blocking == 0)
    }

    @Test func classpathExceptionDoesNotFlowOverLinking() {
        let result = appWithModel("GPL-2.0-only WITH Classpath-exception-2.0", kind: .library).audit()
        #expect(result.findings(.copyleftDistribution).isEmpty)
        let plain = appWithModel("GPL-2.0-only", kind: .library).audit()
        #expect(plain.findings(.copyleftDistribution).count == 1)
    }

    @Test func orLaterCountsAsNewestVersion() {
        var g = GraphBuilder()
        g.component("app", license: "GPL-3.0-only", kind: .application)
        g.component("lib", license: "GPL-2.0+")
        g.edge("app", .staticLink, "lib")
        g.root("app")
        let result = g.audit()
        #expect(result.findings(.copyleftDistribution).isEmpty)
        #expect(result.findings(.copyleftConflict).isEmpty)
        var only = GraphBuilder()
        only.component("app", license: "GPL-3.0-only", kind: .application)
        only.component("lib", license: "GPL-2.0-only")
        only.edge("app", .staticLink, "lib")
        only.root("app")
        #expect(only.audit().findings(.copyleftConflict).count == 1)
    }

    @Test func strongCopyleftInSaaSIsNotDistribution() {
        let result = appWithModel("GPL-3.0-only", kind: .library).audit(ProductContext(commercial: true, distribution: [.saas]))
        #expect(result.findings(.copyleftDistribution).isEmpty)
        #expect(result.findings(.sourceOffer).isEmpty)
    }

    @Test func agplInSaaSFires() throws {
        let result = appWithModel("AGPL-3.0-only", kind: .library).audit(ProductContext(commercial: true, distribution: [.saas]))
        let finding = try #require(result.findings(.networkCopyleft).first)
        #expect(finding.component == "model")
        #expect(finding.pathText == "app (depends-on) → model")
    }

    @Test func agplServerRunBesideTheProductOwesOnlySource() {
        let result = appWithModel("AGPL-3.0-only", edge: .runs, kind: .service).audit(
            ProductContext(commercial: true, distribution: [.saas]))
        #expect(result.findings(.networkCopyleft).isEmpty)
        #expect(result.findings(.sourceOffer).map(\.component) == ["model"])
    }

    @Test func agplProductUnderAGPLIsSilent() {
        var g = appWithModel("AGPL-3.0-only", kind: .library)
        g.components[0].declaredLicense = LicenseStatement(LicenseText("AGPL-3.0-only"))
        let result = g.audit(ProductContext(commercial: true, distribution: [.saas]))
        #expect(result.findings(.networkCopyleft).isEmpty)
    }

    @Test func hostedServiceBanFiresOnlyForSaaS() {
        let saas = appWithModel("LicenseRef-mnpl").audit(ProductContext(commercial: false, distribution: [.saas]))
        #expect(saas.findings(.hostedService).map(\.component) == ["model"])
        let binary = appWithModel("LicenseRef-mnpl").audit(ProductContext(commercial: false, distribution: [.binary]))
        #expect(binary.findings(.hostedService).isEmpty)
    }

    @Test func territoryCarveOutForMultimodalModelsSparesTextModels() throws {
        let eu = ProductContext(commercial: true, distribution: [.saas], regions: ["EU"])
        #expect(appWithModel("LicenseRef-llama-3.2").audit(eu).findings(.territory).isEmpty)
        var stated = GraphBuilder()
        stated.component("app", kind: .application)
        stated.component("acme/captioner", license: "LicenseRef-llama-3.2", kind: .model)
        stated.edge("app", .dependsOn, "acme/captioner")
        stated.root("app")
        stated.components[1].properties[Component.multimodalProperty] = "true"
        #expect(stated.audit(eu).findings(.territory).map(\.component) == ["acme/captioner"])
        stated.components[1].properties[Component.multimodalProperty] = "false"
        stated.components[1].name = "acme/vision-captioner"
        #expect(stated.audit(eu).findings(.territory).isEmpty, "a reader's statement outranks the name")
    }

    @Test func territoryCarveOutWarnsForCoveredRegion() throws {
        var vision = appWithModel("LicenseRef-llama-3.2")
        vision.components[1].name = "meta-llama/Llama-3.2-11B-Vision-Instruct"
        let eu = vision.audit(
            ProductContext(commercial: true, distribution: [.saas], regions: ["eu", "US"]))
        let finding = try #require(eu.findings(.territory).first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("multimodal models"))
        let us = vision.audit(ProductContext(commercial: true, distribution: [.saas], regions: ["US"]))
        #expect(us.findings(.territory).isEmpty)
    }
}
