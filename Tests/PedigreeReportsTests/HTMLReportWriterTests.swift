import PedigreeDiagnostics
import PedigreeEngine
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
