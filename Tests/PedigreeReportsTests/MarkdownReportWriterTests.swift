import PedigreeEngine
import PedigreeModel
import Testing
@testable import PedigreeReports

@Suite struct MarkdownReportWriterTests {
    @Test(arguments: [
        ("plain text 1.2", "plain text 1.2"),
        ("a|b", "a\\|b"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("![img](http://e/x.png)", "\\!\\[img\\](http://e/x.png)"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("# heading", "\\# heading"),
        ("`code` *em* _u_ ~s~ $x$", "\\`code\\` \\*em\\* \\_u\\_ \\~s\\~ \\$x\\$"),
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("line\nbreak", "line break"),
        ("@angular/core", "@&#8203;angular/core"),
        ("a & b", "a \\& b"),
        ("back\\slash", "back\\\\slash"),
    ])
    func escapesInputText(input: String, expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }

    @Test func blockingFindingsComeFirstWithTheirLineage() throws {
        let report = ReportFixture.chatApp().report()
        let text = MarkdownReportWriter().write(report)
        #expect(text.hasPrefix("## Pedigree license audit: Acme Chat\n"))
        let blockingCount = report.result.blocking.count
        #expect(text.contains("❌ **\(blockingCount) blocking finding"))
        let blocking = try #require(text.range(of: "### Blocking findings"))
        let others = try #require(text.range(of: "<summary>Other findings ("))
        #expect(blocking.lowerBound < others.lowerBound)
        #expect(text.contains("#### 1. non-commercial: nc-dialogues"))
        // The lineage of the non-commercial dataset, drawn top-down with edge kinds.
        #expect(text.contains("""
            ```mermaid
            flowchart TD
              n0["acme-chat 1.0.0<br/>unknown"]
              n1["Llama-acme-chat-8b 2<br/>
            """))
        #expect(text.contains("  n0 -->|depends-on| n1\n  n1 -->|trained-on| n2\n"))
        #expect(text.contains("  class n2 term\n```"))
    }

    @Test func oneTableRowPerComponentWhateverTheNames() throws {
        let hostile = "evil | name [x](javascript:alert(1)) <b>\n| forged | row |"
        let report = ReportFixture.chatApp(hostile: hostile).report()
        let text = MarkdownReportWriter().write(report)
        let table = try #require(text.components(after: "<summary>Components (", until: "</details>"))
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") }
        #expect(rows.count == report.result.components.count + 1)
        // Outside the Mermaid blocks (code, where Markdown means nothing) no input markup survives.
        var prose = text
        while let block = prose.components(after: "```mermaid", until: "```") {
            prose = prose.replacingOccurrences(of: "```mermaid" + block + "```", with: "")
        }
        #expect(!prose.contains("[x]("))
        #expect(!prose.contains("<b>"))
        #expect(!prose.contains("\n| forged"))
        #expect(text.contains("evil \\| name \\[x\\](javascript:alert(1)) \\<b\\> \\| forged \\| row \\|"))
        // Mermaid labels use entity codes, so the label cannot end early.
        #expect(text.contains("#lt;b#gt;"))
    }

    @Test func baselineSectionsNameNewAndResolved() throws {
        let fixture = ReportFixture.chatApp()
        let gone = BaselineComparison.Entry(
            fingerprint: "00000000deadbeef", rule: "naming", severity: "error", component: "old-model", message: "an old problem")
        let report = fixture.report(baseline: [gone])
        let text = MarkdownReportWriter().write(report)
        #expect(text.contains("### New blocking findings"))
        #expect(text.contains("Compared with the baseline base.json: **\(report.result.findings.count) new**, 0 unchanged, 1 resolved."))
        #expect(text.contains("<summary>Resolved since the baseline (1)</summary>"))
        #expect(text.contains("| naming | old\\-model | an old problem |") || text.contains("| naming | old-model | an old problem |"))
    }

    @Test func findingsAreCountedPerRuleFirst() throws {
        let report = ReportFixture.chatApp().report()
        let text = MarkdownReportWriter().write(report)
        let table = try #require(text.components(after: "| Rule | Blocking | Errors | Warnings | Infos | Waived |\n|---|---:|---:|---:|---:|---:|\n", until: "\n\n"))
        let rows = table.split(separator: "\n")
        let fired = RuleID.allCases.filter { rule in report.result.findings.contains { $0.rule == rule } }
        #expect(rows.map { String($0.split(separator: "|").first ?? "").trimmingCharacters() } == fired.map(\.rawValue))
        let nonCommercial = report.result.findings.filter { $0.rule == .nonCommercial }
        #expect(rows.contains("| non-commercial | \(nonCommercial.filter(\.isBlocking).count) | \(nonCommercial.count) | 0 | 0 | 0 |"))
        let counts = try #require(text.range(of: "| Rule | Blocking |"))
        let blocking = try #require(text.range(of: "### Blocking findings"))
        #expect(counts.lowerBound < blocking.lowerBound)
    }

    /// The 20,000-component product's comment fits GitHub's 65,536 characters, still leads with the
    /// counts per rule, and says what it left out.
    @Test func aTwentyThousandComponentProductFitsAPullRequestComment() throws {
        let report = LargeProduct.report
        let text = MarkdownReportWriter().write(report)
        #expect(text.utf8.count <= 65_536)
        #expect(text.count > 30_000, "the comment uses its room")
        #expect(text.contains("| non-commercial | \(report.result.findings.filter { $0.rule == .nonCommercial && $0.isBlocking }.count) |"))
        #expect(text.contains("#### 1. "))
        #expect(text.contains("more not shown; see the full report"))
        #expect(text.hasSuffix("</sub>\n"))
    }

    @Test(arguments: [2_000, 5_000, 20_000])
    func everyLimitIsKept(limit: Int) throws {
        var fixture = ReportFixture.chatApp()
        for index in 0..<60 {
            fixture.add("extra\(index)", "extra-library-with-a-long-name-\(index)", license: "MIT", line: 100 + index)
            fixture.edge("app", .dependsOn, "extra\(index)")
        }
        let text = MarkdownReportWriter(maxCharacters: limit).write(fixture.report())
        #expect(text.utf8.count <= limit)
        #expect(text.contains("| Rule | Blocking |"))
        #expect(text.components(separatedBy: "<details>").count == text.components(separatedBy: "</details>").count)
    }

    @Test func largeResultsAreCutAndSaySo() throws {
        let report = ReportFixture.chatApp().report()
        let text = MarkdownReportWriter(maxDiagrams: 0, maxSections: 0, maxTableRows: 2).write(report)
        #expect(!text.contains("```mermaid"))
        #expect(!text.contains("#### 1."))
        #expect(text.contains("<summary>More blocking findings (\(report.result.blocking.count))</summary>"))
        #expect(text.contains("_\(report.result.components.count - 2) more not shown;"))
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }

    /// The text between the first `start` and the next `end` after it.
    func components(after start: String, until end: String) -> Substring? {
        guard let from = range(of: start), let to = self[from.upperBound...].range(of: end) else { return nil }
        return self[from.upperBound..<to.lowerBound]
    }
}
