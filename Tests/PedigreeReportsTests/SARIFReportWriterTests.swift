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
        #expect(run["results"]?.array?.count == report.result.findings.count)
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
