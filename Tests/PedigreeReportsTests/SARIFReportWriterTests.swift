import PedigreeDiagnostics
import PedigreeEngine
import PedigreeModel
import SafeJSON
import Testing
@testable import PedigreeReports

@Suite struct SARIFReportWriterTests {
    static func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), file: "out.sarif")
    }

    @Test func logHasTheStructureTheSchemaRequires() throws {
        let report = ReportFixture.chatApp().report()
        let log = try Self.parse(SARIFReportWriter(workingDirectory: "/work/app").write(report))
        #expect(SARIFStructure.violations(log) == [])
        let run = try #require(log["runs"]?.array?.first)
        #expect(run["tool"]?["driver"]?["name"]?.string == "Pedigree")
        #expect(run["tool"]?["driver"]?["version"]?.string == "9.9.9")
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.array)
        #expect(rules.compactMap { $0["id"]?.string } == RuleID.allCases.map(\.rawValue))
        #expect(rules.allSatisfy { $0["help"]?["text"]?.string?.contains("How to fix:") == true })
        #expect(rules.first { $0["id"]?.string == "territory" }?["defaultConfiguration"]?["level"]?.string == "warning")
        #expect(rules.first { $0["id"]?.string == "attribution" }?["defaultConfiguration"]?["level"]?.string == "note")
        #expect(run["results"]?.array?.count == report.result.findings.filter { $0.severity != .info }.count)
    }

    @Test func obligationsAreResultsOnlyWhenAskedFor() throws {
        let report = ReportFixture.chatApp().report()
        let infos = report.result.findings.filter { $0.severity == .info }
        #expect(!infos.isEmpty)
        let plain = try #require(try Self.parse(SARIFReportWriter().write(report))["runs"]?.array?.first)
        #expect(plain["results"]?.array?.contains { $0["level"]?.string == "note" } == false)
        #expect(plain["properties"]?["omitted"]?["infoFindings"]?.int == infos.count)
        let all = try #require(try Self.parse(SARIFReportWriter(includeInfo: true).write(report))["runs"]?.array?.first)
        #expect(all["results"]?.array?.count == report.result.findings.count)
        #expect(all["results"]?.array?.filter { $0["level"]?.string == "note" }.count == infos.count)
        #expect(all["properties"]?["omitted"]?["infoFindings"]?.int == 0)
    }

    @Test func resultsBeyondTheLimitsAreTheLowestRanked() throws {
        var fixture = ReportFixture.chatApp()
        fixture.add("odd", "odd-lib", line: 70)
        fixture.edge("app", .dependsOn, "odd")
        let report = fixture.report()
        let errors = report.result.findings.filter { $0.severity == .error }.count
        #expect(errors >= 1 && report.result.findings.contains { $0.severity == .warning })
        let limits = SARIFLimits(resultsPerRun: errors, relatedLocationsPerResult: 2, bytes: 10_000_000)
        let log = try Self.parse(SARIFReportWriter(includeInfo: true, limits: limits).write(report))
        #expect(SARIFStructure.violations(log) == [])
        let run = try #require(log["runs"]?.array?.first)
        let results = try #require(run["results"]?.array)
        #expect(results.count == errors)
        #expect(results.allSatisfy { $0["level"]?.string == "error" })
        #expect(results.allSatisfy { ($0["relatedLocations"]?.array?.count ?? 0) <= 2 })
        let omitted = try #require(run["properties"]?["omitted"])
        #expect(omitted["beyondResultLimit"]?.int == report.result.findings.count - errors)
        #expect(omitted["cutLineagePaths"]?.int == report.result.findings.filter { $0.severity == .error && $0.path.count > 2 }.count)
        let notifications = run["invocations"]?.array?.first?["toolExecutionNotifications"]?.array ?? []
        #expect(notifications.contains { $0["descriptor"]?["id"]?.string == "sarif.results-left-out" })
    }

    /// A naming result is located at the fine-tune and relates, after its lineage, the base whose license
    /// imposes the prefix; the source keeps its place when the lineage is cut to the location limit.
    @Test(arguments: [(100, 3, 0), (3, 2, 1)])
    func aDerivativeResultRelatesItsSourceWithinTheLocationLimit(limit: Int, steps: Int, cut: Int) throws {
        var fixture = ReportFixture()
        fixture.add("app", "acme-chat", kind: .application, license: "MIT", line: 3)
        fixture.add("tune", "acme-chat-8b", kind: .model, license: "llama3.1", line: 10)
        fixture.add("base", "meta-llama/Llama-3.1-8B", kind: .model, license: "llama3.1", line: 20)
        fixture.edge("app", .dependsOn, "tune")
        fixture.edge("tune", .fineTunedFrom, "base")
        fixture.roots = ["app"]
        let limits = SARIFLimits(resultsPerRun: 100, relatedLocationsPerResult: limit, bytes: 10_000_000)
        let log = try Self.parse(SARIFReportWriter(limits: limits).write(fixture.report()))
        #expect(SARIFStructure.violations(log) == [])
        let run = try #require(log["runs"]?.array?.first)
        let naming = try #require(run["results"]?.array?.first { $0["ruleId"]?.string == "naming" })
        #expect(naming["locations"]?.array?.first?["physicalLocation"]?["region"]?["startLine"]?.int == 10)
        #expect(naming["properties"]?["component"]?.string == "tune")
        #expect(naming["properties"]?["source"]?.string == "base")
        let related = try #require(naming["relatedLocations"]?.array)
        #expect(related.count == steps + 1)
        let source = try #require(related.last)
        #expect(source["id"]?.int == 4)
        #expect(source["physicalLocation"]?["region"]?["startLine"]?.int == 20)
        #expect(source["message"]?["text"]?.string == "because of the license 'LicenseRef-scancode-llama-3.1-license-2024' of 'meta-llama/Llama-3.1-8B'")
        #expect(run["properties"]?["omitted"]?["cutLineagePaths"]?.int == cut)
    }

    /// A conflict is located at one party and relates, after its lineage, where the other party's
    /// license is stated (DOMAIN §8.5: parties named without prose).
    @Test func aConflictResultRelatesTheOtherParty() throws {
        var fixture = ReportFixture()
        fixture.add("tool", "tokcount", kind: .application, license: "GPL-2.0-only", line: 3)
        fixture.add("lib", "sentencepiece", license: "Apache-2.0", line: 30)
        fixture.edge("tool", .staticLink, "lib")
        fixture.roots = ["tool"]
        let report = fixture.report()
        let finding = try #require(report.result.findings.first { $0.rule == .copyleftConflict })
        #expect(finding.parties.map(\.component.rawValue) == ["tool", "lib"])
        #expect(finding.parties.map(\.license) == ["GPL-2.0-only", "Apache-2.0"])
        let run = try #require(try Self.parse(SARIFReportWriter().write(report))["runs"]?.array?.first)
        let conflict = try #require(run["results"]?.array?.first { $0["ruleId"]?.string == "copyleft-conflict" })
        #expect(conflict["locations"]?.array?.first?["physicalLocation"]?["region"]?["startLine"]?.int == 3)
        let other = try #require(conflict["relatedLocations"]?.array?.last)
        #expect(other["id"]?.int == finding.path.count + 1)
        #expect(other["physicalLocation"]?["region"]?["startLine"]?.int == 30)
        #expect(other["message"]?["text"]?.string == "meets 'Apache-2.0' of 'sentencepiece'")
    }

    @Test func aLogOverTheByteLimitLeavesOutItsLowestResults() throws {
        let report = ReportFixture.chatApp().report()
        let full = SARIFReportWriter(includeInfo: true).write(report)
        let limit = full.utf8.count - 200
        let text = SARIFReportWriter(includeInfo: true, limits: SARIFLimits(resultsPerRun: 100, relatedLocationsPerResult: 100, bytes: limit)).write(report)
        #expect(text.utf8.count <= limit)
        let run = try #require(try Self.parse(text)["runs"]?.array?.first)
        let left = try #require(run["properties"]?["omitted"]?["beyondSizeLimit"]?.int)
        #expect(left >= 1)
        #expect(run["results"]?.array?.count == report.result.findings.count - left)
        // What was left out is info: the error is still there.
        #expect(run["results"]?.array?.contains { $0["ruleId"]?.string == "non-commercial" } == true)
    }

    /// GitHub's documented limits: 5,000 results shown per run (25,000 accepted), 100 locations shown per
    /// result (1,000 accepted), 20 runs per file, 10 MB gzipped upload, 20 tags per rule.
    @Test func aTwentyThousandComponentProductFitsCodeScanning() throws {
        let report = LargeProduct.report
        let findings = report.result.findings
        let text = SARIFReportWriter(workingDirectory: "/work/big").write(report)
        #expect(text.utf8.count <= 10_000_000)
        let log = try Self.parse(text)
        #expect(SARIFStructure.violations(log) == [])
        let runs = try #require(log["runs"]?.array)
        #expect(runs.count <= 20)
        let run = try #require(runs.first)
        let results = try #require(run["results"]?.array)
        let problems = findings.filter { $0.severity != .info }
        #expect(problems.count > 5_000, "the product must overflow the limit for this test to mean anything")
        let omitted = try #require(run["properties"]?["omitted"])
        #expect(results.count + (omitted["beyondSizeLimit"]?.int ?? -1) == 5_000)
        #expect(results.allSatisfy { ($0["relatedLocations"]?.array?.count ?? 0) <= 100 && ($0["locations"]?.array?.count ?? 0) <= 100 })
        #expect(run["tool"]?["driver"]?["rules"]?.array?.allSatisfy { ($0["properties"]?["tags"]?.array?.count ?? 0) <= 20 } == true)
        // Blocking errors outrank the rest: every kept result is an error when errors fill the limit.
        let blocking = findings.filter(\.isBlocking).count
        #expect(blocking >= 5_000 && results.allSatisfy { $0["level"]?.string == "error" })
        #expect(omitted["infoFindings"]?.int == findings.count - problems.count)
        #expect(omitted["beyondResultLimit"]?.int == problems.count - 5_000)
        #expect(run["properties"]?["summary"]?["components"]?.int == LargeProduct.componentCount)
    }

    @Test func resultsPointAtTheComponentInTheSBOM() throws {
        let report = ReportFixture.chatApp().report()
        let log = try Self.parse(SARIFReportWriter(workingDirectory: "/work/app/").write(report))
        let results = try #require(log["runs"]?.array?.first?["results"]?.array)
        let nonCommercial = try #require(results.first { $0["ruleId"]?.string == "non-commercial" })
        #expect(nonCommercial["level"]?.string == "error")
        let physical = try #require(nonCommercial["locations"]?.array?.first?["physicalLocation"])
        #expect(physical["artifactLocation"]?["uri"]?.string == "sbom.cdx.json")
        #expect(physical["artifactLocation"]?["uriBaseId"]?.string == "%SRCROOT%")
        #expect(physical["region"]?["startLine"]?.int == 30)
        #expect(physical["region"]?["startColumn"]?.int == 7)
        let finding = try #require(report.result.findings.first { $0.rule == .nonCommercial })
        #expect(nonCommercial["partialFingerprints"]?["pedigree/v1"]?.string == finding.fingerprint)
        // The lineage app → tune → data, one related location per step, in order.
        let related = try #require(nonCommercial["relatedLocations"]?.array)
        #expect(related.compactMap { $0["physicalLocation"]?["region"]?["startLine"]?.int } == [3, 10, 30])
        #expect(related.first?["message"]?["text"]?.string == "lineage step 1: acme-chat (depends-on)")
        #expect(nonCommercial["message"]?["text"]?.string?.contains(" Fix: ") == true)
    }

    @Test(arguments: [
        ("/work/app/sbom.cdx.json", "/work/app", "sbom.cdx.json", true),
        ("./boms/a b#1.json", "/work/app", "boms/a%20b%231.json", true),
        ("/elsewhere/bom.json", "/work/app", "file:///elsewhere/bom.json", false),
        ("/work/application/bom.json", "/work/app", "file:///work/application/bom.json", false),
        ("/work/app/ünï.json", "/work/app", "%C3%BCn%C3%AF.json", true),
    ])
    func artifactURIsAreRelativeAndEncoded(path: String, root: String, uri: String, relative: Bool) {
        let (written, base) = SARIFReportWriter(workingDirectory: root).artifactURI(path)
        #expect(written == uri)
        #expect((base == "%SRCROOT%") == relative)
    }

    @Test func waiversAndTheBaselineAreStated() throws {
        let fixture = ReportFixture.chatApp()
        let first = fixture.report()
        let naming = try #require(first.result.findings.first { $0.rule == .nonCommercial })
        let policy = AuditPolicy(waivers: [Waiver(component: "nc-dialogues", rule: .nonCommercial, reason: "licensed separately")])
        let report = fixture.report(policy: policy, baseline: [BaselineComparison.Entry(fingerprint: naming.fingerprint)])
        let log = try Self.parse(SARIFReportWriter().write(report))
        #expect(SARIFStructure.violations(log) == [])
        let results = try #require(log["runs"]?.array?.first?["results"]?.array)
        let waived = try #require(results.first { $0["ruleId"]?.string == "non-commercial" })
        #expect(waived["suppressions"]?.array?.first?["kind"]?.string == "external")
        #expect(waived["suppressions"]?.array?.first?["justification"]?.string == "licensed separately")
        #expect(waived["baselineState"]?.string == "unchanged")
        #expect(results.filter { $0["ruleId"]?.string != "non-commercial" }.allSatisfy { $0["baselineState"]?.string == "new" })
        #expect(log["runs"]?.array?.first?["properties"]?["baseline"]?["unchanged"]?.int == 1)
    }

    @Test func inputTextStaysPlainText() throws {
        let hostile = "[click](javascript:alert(1)) <img src=x onerror=alert(1)> \u{1B}[31m"
        let report = ReportFixture.chatApp(hostile: hostile).report()
        let text = SARIFReportWriter().write(report)
        let log = try Self.parse(text)
        #expect(SARIFStructure.violations(log) == [])
        #expect(!text.contains("\u{1B}"))
        let results = try #require(log["runs"]?.array?.first?["results"]?.array)
        let message = try #require(results.first { $0["ruleId"]?.string == "non-commercial" }?["message"]?["text"]?.string)
        #expect(message.contains(hostile))
    }

    @Test func diagnosticsBecomeToolNotifications() throws {
        var fixture = ReportFixture.chatApp()
        fixture.add("odd", "odd-lib", license: "Some Custom License", line: 70)
        fixture.edge("app", .dependsOn, "odd")
        let report = fixture.report(policy: AuditPolicy(waivers: [Waiver(component: "ghost", reason: "gone", location: SourceLocation(file: "/work/app/policy.yaml", line: 4, column: 5))]))
        let log = try Self.parse(SARIFReportWriter(workingDirectory: "/work/app").write(report))
        let notifications = try #require(log["runs"]?.array?.first?["invocations"]?.array?.first?["toolExecutionNotifications"]?.array)
        let stale = try #require(notifications.first { $0["descriptor"]?["id"]?.string == "policy.waiver-stale" })
        #expect(stale["level"]?.string == "warning")
        #expect(stale["locations"]?.array?.first?["physicalLocation"]?["artifactLocation"]?["uri"]?.string == "policy.yaml")
        #expect(stale["locations"]?.array?.first?["physicalLocation"]?["region"]?["startLine"]?.int == 4)
    }

    @Test func structureCheckFindsViolations() throws {
        let broken = """
            {"version": "2.0.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "a"}]}},
              "results": [{"ruleId": "b", "ruleIndex": 0, "level": "fatal", "message": {"markdown": "*x*"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a b"}, "region": {"startColumn": 0}}}]}]}]}
            """
        let problems = SARIFStructure.violations(try Self.parse(broken))
        #expect(problems.contains("$.version: '2.0.0' is not one of [\"2.1.0\"]"))
        #expect(problems.contains("$.$schema: expected a string"))
        #expect(problems.contains("$.runs[0].results[0].message.text: expected a string"))
        #expect(problems.contains("$.runs[0].results[0].message: messages must be plain text, found markdown"))
        #expect(problems.contains("$.runs[0].results[0].ruleIndex: does not point at the rule 'b'"))
        #expect(problems.contains { $0.hasPrefix("$.runs[0].results[0].level:") })
        #expect(problems.contains("$.runs[0].results[0].locations[0].physicalLocation.region: expected startLine, charOffset or byteOffset"))
        #expect(problems.contains("$.runs[0].results[0].locations[0].physicalLocation: uri 'a b' is not percent-encoded"))
    }
}
