import PedigreeDiagnostics
import PedigreeModel
import Testing
@testable import PedigreeEngine

/// Waivers, baseline, severities, roots, attachment, cycles, fingerprints and OR choices.
@Suite struct PolicyAndGraphTests {
    func ncProduct() -> GraphBuilder {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("model", license: "CC-BY-NC-4.0", kind: .model, name: "nc-model", purl: "pkg:huggingface/org/nc-model@abc123")
        g.edge("app", .dependsOn, "model")
        g.root("app")
        return g
    }

    @Test(arguments: ["model", "nc-model", "pkg:huggingface/org/nc-model@abc123", "pkg:huggingface/org/nc-model"])
    func waiverMatchesByRefNameOrPurl(component: String) throws {
        let policy = AuditPolicy(waivers: [Waiver(component: component, rule: .nonCommercial, reason: "licensed separately")])
        let result = ncProduct().audit(policy: policy, options: AuditOptions(today: CalendarDate("2025-06-01")))
        let finding = try #require(result.findings(.nonCommercial).first)
        #expect(finding.waived)
        #expect(finding.waiverReason == "licensed separately")
        #expect(!finding.isBlocking)
        #expect(result.summary.blocking == 0)
        #expect(result.summary.waived == 1)
        #expect(result.diagnostics.filter { $0.code.hasPrefix("policy.") }.isEmpty)
    }

    @Test func aWaiverWithoutRuleCoversEveryFindingOfItsComponentOnly() throws {
        var g = ncProduct()
        g.component("other", license: "CC-BY-NC-4.0", kind: .model, name: "other-model")
        g.edge("app", .dependsOn, "other")
        let policy = AuditPolicy(deny: ["non-commercial"], waivers: [Waiver(component: "nc-model", reason: "licensed separately")])
        let result = g.audit(policy: policy)
        let covered = result.findings.filter { $0.component == "model" }
        #expect(Set(covered.map(\.rule)).isSuperset(of: [.nonCommercial, .deniedLicense]))
        #expect(covered.allSatisfy { $0.waived && $0.waiverReason == "licensed separately" })
        let untouched = result.findings.filter { $0.component == "other" }
        #expect(Set(untouched.map(\.rule)).isSuperset(of: [.nonCommercial, .deniedLicense]))
        #expect(untouched.allSatisfy { !$0.waived })
        #expect(result.summary.blocking == untouched.filter { $0.severity == .error }.count)
    }

    @Test func aDeniedLicenseIsWaivableByItsRule() throws {
        let policy = AuditPolicy(deny: ["CC-BY-NC-4.0"], waivers: [Waiver(component: "model", rule: .deniedLicense, reason: "approved by legal")])
        let result = ncProduct().audit(policy: policy)
        let denied = try #require(result.findings(.deniedLicense).first)
        #expect(denied.waived && !denied.isBlocking)
        #expect(result.findings(.nonCommercial).first?.waived == false)
        #expect(result.summary.blocking == 1)
    }

    @Test func expiredWaiverStopsApplyingAndSaysSo() throws {
        let location = SourceLocation(file: "policy.yaml", line: 7, column: 5)
        let waiver = Waiver(
            component: "model", rule: .nonCommercial, reason: "trial", expires: CalendarDate("2025-01-31"), location: location)
        let onTheDay = ncProduct().audit(
            policy: AuditPolicy(waivers: [waiver]), options: AuditOptions(today: CalendarDate("2025-01-31")))
        #expect(onTheDay.findings(.nonCommercial).first?.waived == true)
        let after = ncProduct().audit(
            policy: AuditPolicy(waivers: [waiver]), options: AuditOptions(today: CalendarDate("2025-02-01")))
        #expect(after.findings(.nonCommercial).first?.waived == false)
        let diagnostic = try #require(after.diagnostics.first { $0.code == "policy.waiver-expired" })
        #expect(diagnostic.location == location)
        #expect(diagnostic.message.contains("expired on 2025-01-31"))
        #expect(after.summary.blocking == 1)
    }

    @Test func staleWaiverIsReported() {
        let policy = AuditPolicy(waivers: [Waiver(component: "gone", rule: .naming, reason: "old")])
        let result = ncProduct().audit(policy: policy)
        #expect(result.diagnostics.contains { $0.code == "policy.waiver-stale" && $0.message.contains("'gone'") })
    }

    @Test func baselineFindingsDoNotBlock() throws {
        let first = ncProduct().audit()
        let fingerprint = try #require(first.findings(.nonCommercial).first?.fingerprint)
        let second = ncProduct().audit(options: AuditOptions(baseline: [fingerprint]))
        #expect(second.findings(.nonCommercial).first?.inBaseline == true)
        #expect(second.summary.blocking == 0)
    }

    @Test func severityOverridesAndOff() {
        let warn = ncProduct().audit(policy: AuditPolicy(severity: [.nonCommercial: .warning]))
        #expect(warn.findings(.nonCommercial).first?.severity == .warning)
        #expect(warn.summary.blocking == 0)
        let off = ncProduct().audit(policy: AuditPolicy(severity: [.nonCommercial: .off, .attribution: .off]))
        #expect(off.findings(.nonCommercial).isEmpty)
        #expect(off.findings(.attribution).isEmpty)
    }

    @Test func unreachedComponentsAreAttachedOnce() throws {
        var g = ncProduct()
        g.component("stray", license: "GPL-3.0-only")
        g.component("stray-base", license: "MIT")
        g.edge("stray", .staticLink, "stray-base")
        let result = g.audit()
        #expect(result.context.attached == ["stray"])
        #expect(result.context.assumptions.filter { $0.contains("no path from the product reaches") && $0.hasSuffix(": 'stray'") }.count == 1)
        let finding = try #require(result.findings(.copyleftDistribution).first)
        #expect(finding.path.first?.attached == true)
        #expect(finding.pathText == "app (dynamic-link) → stray")
        #expect(result.relationships.contains { $0.attached && $0.to == "stray" && $0.origin == "attached-to-product" })
    }

    @Test func onlyTheTopsOfTheUnreachedPartAreAttached() throws {
        var g = ncProduct()
        // Refs chosen so that the dataset sorts before the model trained on it.
        g.component("datasets/a-share", license: "CC-BY-SA-4.0", kind: .dataset)
        g.component("datasets/agpl", license: "AGPL-3.0-only", kind: .dataset)
        g.component("zz/model", license: "MIT", kind: .model)
        g.edge("zz/model", .trainedOn, "datasets/a-share")
        g.edge("zz/model", .trainedOn, "datasets/agpl")
        let result = g.audit(ProductContext(commercial: true, distribution: [.saas]))
        #expect(result.context.attached == ["zz/model"])
        #expect(result.relationships.filter(\.attached).map(\.to) == ["zz/model"])
        // Copyleft does not flow over trained-on, so nothing of the datasets' copyleft reaches the product.
        #expect(result.findings(.networkCopyleft).isEmpty)
        #expect(result.findings(.copyleftConflict).isEmpty)
    }

    @Test func anUnreachedLoopWithoutTopIsAttachedOnceThroughItsFirstMember() {
        var g = ncProduct()
        g.component("loop-b", license: "MIT")
        g.component("loop-a", license: "MIT")
        g.component("below", license: "MIT")
        g.edge("loop-a", .dependsOn, "loop-b")
        g.edge("loop-b", .dependsOn, "loop-a")
        g.edge("loop-b", .dependsOn, "below")
        let result = g.audit()
        #expect(result.context.attached == ["loop-a"])
        var reversed = ncProduct()
        reversed.component("below", license: "MIT")
        reversed.component("loop-a", license: "MIT")
        reversed.component("loop-b", license: "MIT")
        reversed.edge("loop-b", .dependsOn, "below")
        reversed.edge("loop-b", .dependsOn, "loop-a")
        reversed.edge("loop-a", .dependsOn, "loop-b")
        #expect(reversed.audit().context.attached == ["loop-a"])
    }

    @Test func pathsPreferARealChainToAShorterAttachedOne() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("server", license: "MIT", kind: .application)
        g.component("quantized", license: "MIT", kind: .model)
        g.component("fine-tune", license: "MIT", kind: .model)
        g.component("adapter", license: "MIT", kind: .model)
        g.component("dialogs", license: "CC-BY-NC-4.0", kind: .dataset)
        g.edge("app", .runs, "server")
        g.edge("server", .runs, "quantized")
        g.edge("quantized", .quantizedFrom, "fine-tune")
        g.edge("fine-tune", .trainedOn, "dialogs")
        g.edge("adapter", .trainedOn, "dialogs")
        g.root("app")
        let result = g.audit()
        #expect(result.context.attached == ["adapter"])
        let finding = try #require(result.findings(.nonCommercial).first)
        #expect(finding.pathText == "app (runs) → server (runs) → quantized (quantized-from) → fine-tune (trained-on) → dialogs")
        #expect(finding.path.allSatisfy { !$0.attached })
        // Where no real chain exists, the attached edge is the path, and says so.
        let explanation = try #require(result.explain(component: "adapter"))
        #expect(explanation.pathFromProduct.first?.attached == true)
    }

    @Test func explainListsEverySourceOfATermAndTheUnknownOnes() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("model", license: "MIT", kind: .model)
        g.component("near-nc", license: "CC-BY-NC-4.0", kind: .dataset)
        g.component("far-nc", license: "CC-BY-NC-4.0", kind: .dataset)
        g.component("mystery", kind: .dataset)
        g.component("benchmark", kind: .dataset)
        g.edge("app", .dependsOn, "model")
        g.edge("model", .trainedOn, "near-nc")
        g.edge("near-nc", .derivedFrom, "far-nc")
        g.edge("model", .trainedOn, "mystery")
        g.edge("model", .testedOn, "benchmark")
        g.root("app")
        let explanation = try #require(g.audit().explain(component: "model"))
        let sources = explanation.terms.filter { $0.license == "CC-BY-NC-4.0" && $0.aspects.contains("commercial-limits") }
        #expect(sources.map(\.source) == ["near-nc", "far-nc"])
        #expect(sources.last?.path.map(\.ref.rawValue) == ["model", "near-nc", "far-nc"])
        // An unknown license upstream is named; one over an edge that does not ship is not.
        #expect(explanation.unknown.map(\.component) == ["mystery"])
        #expect(explanation.unknown.first?.path.map(\.ref.rawValue) == ["model", "mystery"])
    }

    @Test func withoutRootEveryUnusedComponentIsARoot() {
        var g = GraphBuilder()
        g.component("a", kind: .application)
        g.component("b", kind: .application)
        g.component("lib", license: "CC-BY-NC-4.0")
        g.edge("a", .dependsOn, "lib")
        g.edge("b", .dependsOn, "lib")
        let result = g.audit()
        #expect(result.context.roots == ["a", "b"])
        #expect(result.context.rootsAreInferred)
        #expect(result.context.assumptions.filter { $0.contains("roots are inferred") } == [
            "no input names the product: the roots are inferred as the 2 components that nothing else uses, 'a', 'b'"
        ])
        #expect(!ncProduct().audit().context.rootsAreInferred)
        #expect(result.findings(.nonCommercial).map(\.firedAt) == ["a"])
    }

    @Test func cycleTerminatesAndIsLeftToTheMergeToReport() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("x", license: "MIT", kind: .model)
        g.component("y", license: "CC-BY-NC-4.0", kind: .model)
        g.component("z", kind: .model)
        g.edge("app", .dependsOn, "x")
        g.edge("x", .fineTunedFrom, "y")
        g.edge("y", .fineTunedFrom, "z")
        g.edge("z", .fineTunedFrom, "x")
        g.root("app")
        let result = g.audit()
        // The merge that builds the graph reports each loop once; the engine only propagates around it.
        #expect(result.diagnostics.filter { $0.code == "graph.cycle" }.isEmpty)
        #expect(result.findings(.nonCommercial).map(\.pathText) == ["app (depends-on) → x (fine-tuned-from) → y"])
        let z = try #require(result.explain(component: "z"))
        #expect(z.terms.contains { $0.license == "CC-BY-NC-4.0" && $0.path.map(\.ref.rawValue) == ["z", "x", "y"] })
    }

    @Test func allCyclesWithoutRootPickACanonicalRoot() {
        var g = GraphBuilder()
        g.component("b", license: "MIT")
        g.component("a", license: "CC-BY-NC-4.0")
        g.edge("a", .dependsOn, "b")
        g.edge("b", .dependsOn, "a")
        let result = g.audit()
        #expect(result.context.roots == ["a"])
        #expect(result.context.assumptions.contains { $0.contains("'a' is taken as the product") })
    }

    @Test func fingerprintsAreStableAcrossInputOrderRefsAndVersions() {
        func build(reversed: Bool, suffix: String, version: String) -> AuditResult {
            var parts: [(String, String?, ComponentKind, String?)] = [
                ("app\(suffix)", nil, .application, "pkg:generic/app@\(version)"),
                ("m1\(suffix)", "MIT", .model, "pkg:huggingface/org/m1@\(version)"),
                ("nc-a\(suffix)", "CC-BY-NC-4.0", .dataset, "pkg:huggingface/org/nc-a@\(version)"),
                ("nc-b\(suffix)", "CC-BY-NC-4.0", .dataset, "pkg:huggingface/org/nc-b@\(version)"),
                ("gpl\(suffix)", "GPL-2.0-only", .library, "pkg:generic/gpl@\(version)"),
            ]
            var edges: [(String, EdgeKind, String)] = [
                ("app", .dependsOn, "m1"), ("m1", .trainedOn, "nc-a"), ("m1", .trainedOn, "nc-b"),
                ("app", .staticLink, "gpl"), ("app", .dependsOn, "nc-a"),
            ]
            if reversed {
                parts.reverse()
                edges.reverse()
            }
            var g = GraphBuilder()
            for (ref, license, kind, purl) in parts { g.component(ref, license: license, kind: kind, purl: purl, version: version) }
            for (from, kind, to) in edges { g.edge(from + suffix, kind, to + suffix) }
            g.root("app\(suffix)")
            return g.audit()
        }
        let first = build(reversed: false, suffix: "", version: "1.0")
        let second = build(reversed: true, suffix: "-regenerated", version: "2.0")
        #expect(first.findings.count == second.findings.count)
        #expect(first.findings.count > 4)
        #expect(Set(first.findings.map(\.fingerprint)) == Set(second.findings.map(\.fingerprint)))
        #expect(Set(first.findings.map(\.fingerprint)).count == first.findings.count)
    }

    @Test func fingerprintIsFNV1a() {
        #expect(Fingerprint.make([""]) == "cbf29ce484222325")
        #expect(Fingerprint.make(["a"]) == "af63dc4c8601ec8c")
        #expect(Fingerprint.make(["ab", "c"]) != Fingerprint.make(["a", "bc"]))
        #expect(Fingerprint.identity(purl: "pkg:npm/left-pad@1.3.0?arch=x64#lib", name: "x") == "pkg:npm/left-pad")
        #expect(Fingerprint.identity(purl: nil, name: " Llama-3 ") == "llama-3")
    }

    @Test func orChoicePicksTheLeastSevereAlternative() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("lib", license: "GPL-3.0-only OR MIT")
        g.edge("app", .dependsOn, "lib")
        g.root("app")
        let result = g.audit()
        let choice = try #require(result.choices.first)
        #expect(choice.chosen == "MIT")
        #expect(choice.alternatives.map(\.errors) == [1, 0])
        #expect(choice.alternatives[0].rules.contains(.copyleftDistribution))
        #expect(choice.reason.hasPrefix("'MIT' raises 0 errors"))
        #expect(result.findings(.copyleftDistribution).isEmpty)
        #expect(result.components.first { $0.ref == "lib" }?.license == "MIT")
    }

    @Test func orChoiceTiesGoToTheFirstAlternative() throws {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("lib", license: "Apache-2.0 OR MIT")
        g.component("lib2", license: "MIT OR CC-BY-4.0")
        g.edge("app", .dependsOn, "lib")
        g.edge("app", .dependsOn, "lib2")
        g.root("app")
        let result = g.audit()
        // Apache-2.0 and MIT each owe one attribution: a tie, so the first as written wins.
        #expect(result.choices.map(\.chosen) == ["Apache-2.0", "MIT"])
        #expect(result.choices.allSatisfy { $0.reason.contains("equal scores go to the first alternative") })
    }

    @Test func orChoiceAvoidsNonCommercialAndKeepsGPLForGPLProducts() {
        var g = GraphBuilder()
        g.component("app", license: "GPL-3.0-only", kind: .application)
        g.component("data", license: "CC-BY-NC-4.0 OR GPL-3.0-or-later", kind: .dataset)
        g.edge("app", .dependsOn, "data")
        g.root("app")
        let result = g.audit()
        #expect(result.choices.first?.chosen == "GPL-3.0-or-later")
        #expect(result.summary.blocking == 0)
    }

    @Test func andRequiresBoth() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("lib", license: "MIT AND CC-BY-NC-4.0")
        g.edge("app", .dependsOn, "lib")
        g.root("app")
        let result = g.audit()
        #expect(result.choices.isEmpty)
        #expect(result.findings(.nonCommercial).count == 1)
    }

    @Test func findingsAreSortedByLocationThenRule() {
        var g = GraphBuilder()
        g.component("app", kind: .application)
        g.component("b", license: "GPL-3.0-only", line: 50)
        g.component("a", license: "CC-BY-NC-4.0", line: 5)
        g.edge("app", .dependsOn, "a")
        g.edge("app", .dependsOn, "b")
        g.root("app")
        let findings = g.audit().findings
        let keys = findings.map { ($0.location?.line ?? 0) * 100 + $0.rule.catalogueIndex }
        #expect(keys == keys.sorted())
        #expect(findings.first?.rule == .nonCommercial)
    }

    @Test func calendarDates() {
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate("2024-13-01") == nil)
        #expect(CalendarDate("yesterday") == nil)
        #expect(CalendarDate(unixSeconds: 0).description == "1970-01-01")
        #expect(CalendarDate(unixSeconds: 1_700_000_000).description == "2023-11-14")
    }
}
