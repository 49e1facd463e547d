import PedigreeEngine
import PedigreeModel
import SafeXML
import Testing
@testable import PedigreeReports

@Suite struct JUnitReportWriterTests {
    static func parse(_ text: String) throws -> XMLElement {
        try XMLParser.parse(Array(text.utf8), file: "junit.xml")
    }

    @Test func oneCasePerFindingSoCountsMatchTheReport() throws {
        let report = ReportFixture.chatApp().report()
        let findings = report.result.findings
        let root = try Self.parse(JUnitReportWriter().write(report))
        #expect(root.name == "testsuites")
        let all = root.children("testsuite")
        // The first suite has no cases: its properties state the roots, the attached components and
        // every assumption once; one suite per rule follows.
        #expect(all.first?.attribute("name") == "product")
        #expect(all.first?.attribute("tests") == "0")
        let suites = Array(all.dropFirst())
        #expect(suites.map { $0.attribute("name") } == RuleID.allCases.map(\.rawValue))
        #expect(root.attribute("tests") == String(findings.count))
        #expect(root.attribute("failures") == String(report.result.summary.blocking))
        for suite in suites {
            let cases = suite.children("testcase")
            let rule = findings.filter { $0.rule.rawValue == suite.attribute("name") }
            #expect(cases.count == rule.count)
            #expect(suite.attribute("tests") == String(cases.count))
            #expect(suite.attribute("failures") == String(cases.filter { $0.child("failure") != nil }.count))
            #expect(suite.attribute("skipped") == String(cases.filter { $0.child("skipped") != nil }.count))
            // Each case names its finding's fingerprint, so names are unique and stable.
            #expect(Set(cases.compactMap { $0.attribute("name") }).count == cases.count)
            for finding in rule {
                #expect(cases.contains { $0.attribute("name")?.hasSuffix("[\(finding.fingerprint)]") == true })
            }
        }
        let failed = suites.flatMap { $0.children("testcase").filter { $0.child("failure") != nil } }
        let failedFingerprints = failed.compactMap { $0.attribute("name")?.split(separator: "[").last?.dropLast() }.map(String.init)
        #expect(!failedFingerprints.isEmpty)
        #expect(Set(failedFingerprints) == Set(report.result.blocking.map(\.fingerprint)))
        let nonCommercial = try #require(suites.first { $0.attribute("name") == "non-commercial" })
        let failure = try #require(nonCommercial.children("testcase").compactMap { $0.child("failure") }.first)
        #expect(failure.attribute("type") == "non-commercial")
        #expect(failure.text.contains("path: app --depends-on--> tune --trained-on--> data"))
        #expect(failure.text.contains("fingerprint: "))
    }

    /// The 20,000-component product: as many cases as findings, as many failures as blocking findings.
    @Test func aTwentyThousandComponentProductHasOneCasePerFinding() throws {
        let report = LargeProduct.report
        let text = JUnitReportWriter().write(report)
        let root = try Self.parse(text)
        #expect(root.attribute("tests") == String(report.result.findings.count))
        #expect(root.attribute("failures") == String(report.result.summary.blocking))
        let cases = root.children("testsuite").reduce(0) { $0 + $1.children("testcase").count }
        #expect(cases == report.result.findings.count)
    }

    @Test func inputTextRoundTripsThroughXML() throws {
        let hostile = "a<b>&\"c\" 'd'\u{01}\nnext"
        let report = ReportFixture.chatApp(hostile: hostile).report()
        let root = try Self.parse(JUnitReportWriter().write(report))
        let names = root.children("testsuite").dropFirst().first?.children("testcase").compactMap { $0.attribute("name") } ?? []
        #expect(names.contains { $0.hasPrefix("a<b>&\"c\" 'd'\\u{1}\nnext (data) [") })
        let failure = try #require(
            root.children("testsuite").first { $0.attribute("name") == "non-commercial" }?.children("testcase")
                .compactMap { $0.child("failure") }.first)
        #expect(failure.attribute("message")?.contains("a<b>&\"c\" 'd'\\u{1}\nnext") == true)
    }

    @Test func waivedAndBaselineFindingsAreSkippedWithTheirReason() throws {
        let fixture = ReportFixture.chatApp()
        let policy = AuditPolicy(waivers: [Waiver(component: "data", rule: .nonCommercial, reason: "research licence bought")])
        let root = try Self.parse(JUnitReportWriter().write(fixture.report(policy: policy)))
        let suite = try #require(root.children("testsuite").first { $0.attribute("name") == "non-commercial" })
        let skipped = suite.children("testcase").compactMap { $0.child("skipped") }
        #expect(skipped.map { $0.attribute("message") } == ["waived: research licence bought"])
        #expect(suite.attribute("failures") == "0")
        #expect(suite.attribute("skipped") == "1")
    }

    @Test(arguments: [(FindingSeverity?.some(.warning), true), (nil, false)])
    func failOnDecidesWhichSeverityFails(failOn: FindingSeverity?, warningsFail: Bool) throws {
        var fixture = ReportFixture.chatApp()
        fixture.add("mystery", "mystery-lib", line: 80)
        fixture.edge("app", .dependsOn, "mystery")
        let report = fixture.report()
        let root = try Self.parse(JUnitReportWriter(failOn: failOn).write(report))
        let unknown = try #require(root.children("testsuite").first { $0.attribute("name") == "unknown-license" })
        #expect((unknown.attribute("failures") != "0") == warningsFail)
        if failOn == nil { #expect(root.attribute("failures") == "0") }
        let passing = unknown.children("testcase").first { $0.attribute("name")?.hasPrefix("mystery-lib") == true }
        if !warningsFail { #expect(passing?.child("system-out")?.text.contains("[warning]") == true) }
    }

    @Test func rulesTheCallerLeavesOutAreNotReported() throws {
        let root = try Self.parse(JUnitReportWriter(rules: [.naming, .attribution]).write(ReportFixture.chatApp().report()))
        #expect(root.children("testsuite").map { $0.attribute("name") } == ["product", "naming", "attribution"])
    }

    @Test func theProductSuiteSaysOnceWhatWasAttachedAndWhetherRootsWereInferred() throws {
        var context = ResolvedContext(commercial: true, distribution: [.saas])
        context.roots = ["model"]
        context.rootsAreInferred = true
        context.attached = ["stray-a", "stray-b"]
        context.assumptions = ["2 components that no path from the product reaches are audited as part of it"]
        let root = try Self.parse("<r>" + JUnitReportWriter.contextSuite(context) + "</r>")
        let properties = try #require(root.child("testsuite")?.child("properties")).children("property")
        let pairs = properties.map { "\($0.attribute("name") ?? "")=\($0.attribute("value") ?? "")" }
        #expect(pairs == [
            "roots=model", "rootsAreInferred=true", "attached=stray-a, stray-b",
            "assumption=2 components that no path from the product reaches are audited as part of it",
        ])
    }
}
