import Foundation
import PedigreeStore
import Testing

@Suite("Store: export")
struct PortfolioExportTests {
    @Test("JSON Lines: one object per release with its verdict, latest marked")
    func jsonLines() throws {
        let store = try ScratchStore()
        try store.addAll()
        let text = try PortfolioExportWriter.write(try store.portfolio.overview(), format: .jsonl, toolVersion: "test")
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        let releases = try lines.map { try JSONDecoder().decode(ReleaseOverview.self, from: Data($0.utf8)) }
        #expect(releases.map { "\($0.product) \($0.release) \($0.latest) \($0.verdict)" } == [
            "Assistant 1.0 false fail", "Assistant 1.1 true fail", "Desktop 2.0 true fail", "Tool 0.1 true pass",
        ])
        #expect(releases[1].findings.contains { $0.rule == "non-commercial" && $0.isBlocking })
        #expect(releases.allSatisfy { $0.stale.isEmpty })
    }

    @Test("HTML: worst first, input escaped, no scripts")
    func html() throws {
        let store = try ScratchStore()
        try store.addAll()
        try store.add("tool-0.1", product: "<script>alert(1)</script>", release: "\"x\"")
        let page = try PortfolioExportWriter.write(try store.portfolio.overview(), format: .html, toolVersion: "test")
        #expect(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
        #expect(!page.lowercased().contains("<script"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let rows = page.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(rows == ["Assistant", "Desktop", "&lt;script&gt;alert(1)&lt;/script&gt;", "Tool"], "ties go by name")
        #expect(!page.contains(">1.0<"), "only each product's latest release is a row")
    }
}
