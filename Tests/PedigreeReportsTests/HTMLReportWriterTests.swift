import PedigreeDiagnostics
import PedigreeEngine
import PedigreeLicenses
import PedigreeModel
import Testing
@testable import PedigreeReports

@Suite struct HTMLReportWriterTests {
    @Test func pageIsSelfContainedAndForbidsScripts() {
        let html = HTMLReportWriter().write(ReportFixture.chatApp().report())
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
        let lowered = html.lowercased()
        for forbidden in ["<script", "<link", "<img", "<iframe", "<object", "src=", "@import", "url(http", "javascript:"] {
            #expect(!lowered.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("@media print"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func inputMarkupIsEscapedEverywhere() {
        let hostile = "<script>alert(1)</script>\" onmouseover=\"alert(2)"
        var fixture = ReportFixture.chatApp(hostile: hostile)
        fixture.add("linked", "linked-lib", license: "javascript:alert(3)", line: 90)
        fixture.add("web", "web-lib", license: "https://example.com/LICENSE.txt", line: 91)
        fixture.edge("app", .dependsOn, "linked")
        fixture.edge("app", .dependsOn, "web")
        let html = HTMLReportWriter().write(fixture.report())
        #expect(!html.contains("<script"))
        #expect(!html.contains("onmouseover=\""))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("javascript:alert(3)"))
        #expect(html.contains("<a href=\"https://example.com/LICENSE.txt\" rel=\"noopener noreferrer\">https://example.com/LICENSE.txt</a>"))
        // The drawing escapes it too (in the box label and its title).
        let svg = html.components(after: "<svg", until: "</svg>") ?? ""
        #expect(svg.contains("&lt;script&gt;"))
        #expect(!svg.contains("<script"))
    }

    @Test(arguments: [
        ("https://example.com/x", true), ("HTTP://example.com", true), ("javascript:alert(1)", false),
        ("data:text/html,x", false), ("https://", false), ("https:///path", false), ("https://a.b/\"x", false),
        ("//example.com", false), ("https://a.b/ x", false), ("file:///etc/passwd", false),
    ])
    func onlyWebURLsAreLinked(url: String, linked: Bool) {
        #expect(HTMLText.isWebURL(url) == linked)
        #expect(HTMLText.link(url).hasPrefix("<a href=") == linked)
    }

    @Test func reportHasEverySection() {
        let report = ReportFixture.chatApp().report()
        let html = HTMLReportWriter().write(report)
        for id in ["product", "summary", "findings", "lineage", "components", "obligations", "rules"] {
            #expect(html.contains("<section id=\"\(id)\">"), "missing \(id)")
        }
        #expect(html.contains("<p class=\"verdict fail\">\(report.result.blocking.count) blocking finding"))
        // One box per component, one line per relationship, a path for each finding with a lineage.
        #expect(html.components(separatedBy: "<g class=\"node ").count - 1 == report.result.components.count)
        #expect(html.components(separatedBy: "<polyline class=\"edge").count - 1 == report.result.relationships.count)
        #expect(html.contains("<ol class=\"path\"><li>acme-chat 1.0.0 <span class=\"edge-kind\">depends-on</span></li>"))
        #expect(html.contains("<tr><td><strong>acme-chat</strong> <span class=\"tag\">product</span></td>"))
    }

    @Test func verdictAndPerRuleCountsComeFirstThenTheDrawing() throws {
        let report = ReportFixture.chatApp().report()
        let html = HTMLReportWriter().write(report)
        let verdict = try #require(html.range(of: "<p class=\"verdict"))
        let counts = try #require(html.range(of: "<section id=\"summary\">"))
        let drawing = try #require(html.range(of: "<section id=\"lineage\">"))
        let findings = try #require(html.range(of: "<section id=\"findings\">"))
        let product = try #require(html.range(of: "<section id=\"product\">"))
        #expect(verdict.lowerBound < counts.lowerBound && counts.lowerBound < drawing.lowerBound)
        #expect(drawing.lowerBound < product.lowerBound && drawing.lowerBound < findings.lowerBound)
        for rule in Set(report.result.findings.map(\.rule)) {
            let fired = report.result.findings.filter { $0.rule == rule }
            let errors = fired.filter { $0.severity == .error }.count
            #expect(html.contains("<tr><th><a href=\"#rule-\(rule.rawValue)\"><code>\(rule.rawValue)</code></a></th><td>\(errors)</td>"), "\(rule)")
            #expect(html.contains("<dt id=\"rule-\(rule.rawValue)\">"))
        }
    }

    @Test func licenseIDsLinkToTheirText() {
        let html = HTMLReportWriter().write(ReportFixture.chatApp().report())
        #expect(html.contains("<a class=\"license\" href=\"https://spdx.org/licenses/CC-BY-NC-4.0.html\" rel=\"noopener noreferrer\">CC-BY-NC-4.0</a>"))
        // Operators and unknown ids stay text.
        let link = LicenseTextLink(catalog: KnowledgeBase.shared)
        #expect(link.html("MIT OR Foo-1.0") == "<a class=\"license\" href=\"https://spdx.org/licenses/MIT.html\" rel=\"noopener noreferrer\">MIT</a> OR Foo-1.0")
        #expect(link.html("<b>") == "&lt;b&gt;")
    }

    @Test func fullNodeLabelsWrapInsteadOfBeingCut() {
        let long = "acme-research/an-exceptionally-long-model-name-for-testing-wrapping-7B-instruct"
        var fixture = ReportFixture.chatApp()
        fixture.add("long", long, kind: .model, license: "MIT", line: 95)
        fixture.edge("app", .dependsOn, "long")
        let html = HTMLReportWriter().write(fixture.report())
        let lines = LineageDiagram.wrap(long)
        #expect(lines.count > 1 && lines.allSatisfy { $0.count <= LineageDiagram.labelLength })
        #expect(lines.joined() == long)
        #expect(!(html.components(after: "<svg", until: "</svg>") ?? "").contains("…"))
        for line in lines { #expect(html.contains(">\(line)</tspan>")) }
    }

    @Test func largeProductsAreSummarisedWithinTheSizeLimit() throws {
        let report = LargeProduct.report
        let html = HTMLReportWriter().write(report)
        let limits = HTMLLimits.standard
        #expect(html.utf8.count < limits.bytes, "\(html.utf8.count) bytes")
        print("HTML at \(report.result.components.count) components: \(html.utf8.count) bytes")
        #expect(html.components(separatedBy: "<article class=\"finding").count - 1 == limits.findingCards)
        let rows = html.components(after: "<section id=\"components\">", until: "</section>")?.components(separatedBy: "</tr>\n").count ?? 0
        #expect(rows - 1 == limits.componentRows)
        #expect(html.contains("\(limits.componentRows) of \(report.result.components.count) components are listed"))
        #expect(html.contains("<details class=\"more\">"))
        let lowered = html.lowercased()
        for forbidden in ["<script", "<iframe", "<object", "<link", "javascript:"] { #expect(!lowered.contains(forbidden)) }
    }

    @Test func tooLargeGraphsAreNotDrawn() {
        var fixture = ReportFixture()
        fixture.add("app", "big-app", kind: .application, line: 1)
        for index in 0..<LineageDiagram.maxComponents {
            fixture.add("lib\(index)", license: "MIT", line: index + 2)
            fixture.edge("app", .dependsOn, "lib\(index)")
        }
        fixture.roots = ["app"]
        let html = HTMLReportWriter().write(fixture.report())
        #expect(!html.contains("<svg"))
        #expect(html.contains("too many to draw legibly"))
    }
}

extension String {
    func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.range(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
