import PedigreeLicenses
import PedigreeModel
import Testing
@testable import PedigreeEngine

/// Rules judged on each component: denied-license, unknown-license, license-mismatch (facts),
/// ambiguous-license, attribution, source-offer; and obligations.
@Suite struct ComponentRulesTests {
    func product(_ license: String?, ambiguous: [String]? = nil, name: String = "lib") -> GraphBuilder {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("lib", license: license, name: name, ambiguousList: ambiguous)
        g.edge("app", .dependsOn, "lib")
        g.root("app")
        return g
    }

    @Test func deniedCategoryFires() throws {
        let policy = AuditPolicy(deny: ["network-copyleft"])
        let result = product("AGPL-3.0-only").audit(ProductContext(commercial: true, distribution: [.binary]), policy: policy)
        let finding = try #require(result.findings(.deniedLicense).first)
        #expect(finding.component == "lib")
        #expect(finding.licenses == ["AGPL-3.0-only"])
    }

    @Test func deniedIdIsCaseInsensitiveAndAllowWins() {
        let denied = product("MIT").audit(policy: AuditPolicy(deny: ["mit"]))
        #expect(denied.findings(.deniedLicense).count == 1)
        let allowed = product("MIT").audit(policy: AuditPolicy(deny: ["permissive"], allow: ["MIT"]))
        #expect(allowed.findings(.deniedLicense).isEmpty)
        let allowList = product("Apache-2.0").audit(policy: AuditPolicy(allow: ["MIT"]))
        #expect(allowList.findings(.deniedLicense).count == 1)
    }

    @Test func unknownLicensesNeverMatchDeny() {
        let result = product("LicenseRef-mystery").audit(policy: AuditPolicy(deny: ["permissive"], allow: []))
        #expect(result.findings(.deniedLicense).isEmpty)
        #expect(result.findings(.unknownLicense).count == 1)
    }

    @Test(arguments: [Optional<String>.none, "NOASSERTION", "", "NONE"])
    func missingLicenseIsUnknown(license: String?) throws {
        let catalog = TestCatalog(known: ["lib": KnownLicenseFact(license: "MIT", note: "since 2023-03-12", sources: [])])
        let result = product(license).audit(catalog: catalog)
        let finding = try #require(result.findings(.unknownLicense).first)
        #expect(finding.severity == .warning)
        #expect(finding.notes == ["known as 'MIT': since 2023-03-12"])
        #expect(result.findings(.nonCommercial).isEmpty)
        #expect(result.components.first { $0.ref == "lib" }?.license == nil)
    }

    @Test func unknownLicenseNeverTriggersOtherRules() {
        let result = product("LicenseRef-mystery").audit()
        #expect(result.findings.map(\.rule) == [.unknownLicense])
    }

    @Test func productWithoutLicenseIsNotUnknown() {
        let result = product("MIT").audit()
        #expect(result.findings(.unknownLicense).isEmpty)
    }

    @Test func knownFactContradictionIsMismatch() throws {
        let catalog = TestCatalog(known: ["llama.cpp": KnownLicenseFact(license: "MIT", note: "MIT since 2023", sources: [])])
        let result = product("Apache-2.0", name: "llama.cpp").audit(catalog: catalog)
        let finding = try #require(result.findings(.licenseMismatch).first)
        #expect(finding.message.contains("knows it as 'MIT'"))
        #expect(product("MIT", name: "llama.cpp").audit(catalog: catalog).findings(.licenseMismatch).isEmpty)
    }

    @Test func licenseListIsAmbiguousAndReadAsAnd() throws {
        let result = product(nil, ambiguous: ["MIT", "CC-BY-NC-4.0"]).audit()
        let finding = try #require(result.findings(.ambiguousLicense).first)
        #expect(finding.licenses == ["MIT", "CC-BY-NC-4.0"])
        #expect(result.findings(.nonCommercial).count == 1)
    }

    @Test func familyIdIsAmbiguous() {
        let result = product("bsd").audit()
        #expect(result.findings(.ambiguousLicense).count == 1)
    }

    @Test func attributionOwedForShippedComponentsOnly() throws {
        var g = product("Apache-2.0")
        g.component("tool", license: "MIT")
        g.edge("app", .buildDependency, "tool")
        let result = g.audit()
        let finding = try #require(result.findings(.attribution).first)
        #expect(result.findings(.attribution).count == 1)
        #expect(finding.severity == .info)
        #expect(finding.message.contains("the upstream NOTICE file"))
        #expect(result.components.first { $0.ref == "tool" }?.ships == false)
        #expect(result.obligations.contains { $0.kind == .noticeFile && $0.components == ["lib"] })
        #expect(!result.obligations.contains { $0.components.contains("tool") })
    }

    @Test func llamaObligationsIncludeDisplayNoticeAndPrefix() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("tune", license: "llama3.1", kind: .model, name: "Llama-tune")
        g.component("base", license: "llama3.1", kind: .model)
        g.edge("app", .dependsOn, "tune")
        g.edge("tune", .fineTunedFrom, "base")
        g.root("app")
        let obligations = g.audit().obligations
        #expect(obligations.contains { $0.kind == .display && $0.text == "Built with Llama" && $0.components == ["base", "tune"] })
        #expect(obligations.contains { $0.kind == .namePrefix && $0.text == "Llama" && $0.components == ["tune"] })
        #expect(obligations.contains { $0.kind == .notice && $0.license == "LicenseRef-llama-3.1" })
    }

    @Test func qwenOutputsOweBuiltWithQwen() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("student", license: "MIT", kind: .model)
        g.component("teacher", license: "LicenseRef-qwen", kind: .model)
        g.edge("app", .dependsOn, "student")
        g.edge("student", .distilledFrom, "teacher")
        g.root("app")
        let result = g.audit(ProductContext(commercial: true, distribution: [.saas]))
        #expect(result.findings(.attribution).contains { $0.component == "student" && $0.message.contains("Built with Qwen") })
    }

    @Test func builtWithQwenIsOwedByTheModelBuiltWithQwenNotByAProductThatRunsIt() {
        var runs = GraphBuilder()
        runs.component("app", kind: .application)
        runs.component("Qwen/Qwen2.5-72B-Instruct", license: "LicenseRef-qwen", kind: .model)
        runs.edge("app", .dependsOn, "Qwen/Qwen2.5-72B-Instruct")
        runs.root("app")
        let running = runs.audit(ProductContext(commercial: true, distribution: [.saas]))
        #expect(!running.findings(.attribution).contains { $0.message.contains("Built with Qwen") })
        #expect(!running.obligations.contains { $0.kind == .display })
        #expect(running.obligations.contains { $0.kind == .licenseCopy && $0.license == "LicenseRef-qwen" })

        var tuned = runs
        tuned.component("acme/support-72b", license: "Apache-2.0", kind: .model)
        tuned.edges = [Edge(from: "app", to: "acme/support-72b", kind: .dependsOn)]
        tuned.edge("acme/support-72b", .fineTunedFrom, "Qwen/Qwen2.5-72B-Instruct")
        let tuning = tuned.audit(ProductContext(commercial: true, distribution: [.binary]))
        #expect(tuning.findings(.attribution).contains { $0.component == "acme/support-72b" && $0.message.contains("Built with Qwen") })
        #expect(tuning.obligations.contains { $0.kind == .display && $0.text == "Built with Qwen" && $0.components == ["acme/support-72b"] })
    }

    @Test func registrationIsAnObligationNotAFinding() {
        let result = product("LicenseRef-registration").audit()
        #expect(result.findings(.nonCommercial).isEmpty)
        #expect(result.obligations.contains { $0.kind == .registration && $0.components == ["lib"] })
    }

    @Test func sourceOfferForGPLBinaryOnly() {
        let binary = product("GPL-3.0-only").audit()
        #expect(binary.findings(.sourceOffer).count == 1)
        #expect(binary.obligations.contains { $0.kind == .sourceOffer && $0.license == "GPL-3.0-only" })
        let source = product("GPL-3.0-only").audit(ProductContext(commercial: true, distribution: [.source]))
        #expect(source.findings(.sourceOffer).isEmpty)
    }

    @Test func concludedLicenseWinsAndDifferenceIsShown() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("lib", license: "CC-BY-NC-4.0", concluded: "MIT")
        g.edge("app", .dependsOn, "lib")
        g.root("app")
        let result = g.audit()
        #expect(result.findings(.nonCommercial).isEmpty)
        let lib = try #require(result.components.first { $0.ref == "lib" })
        #expect(lib.licensesDiffer)
        #expect(lib.license == "MIT")
    }
}
