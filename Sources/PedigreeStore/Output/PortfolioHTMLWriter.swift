import PedigreeCore

/// One self-contained page: every product's latest release against every rule, worst first.
///
/// Decisions (HARDENING.md §Output, as the audit's HTML): no scripts and no external assets — the
/// same Content-Security-Policy as `HTMLReportWriter`; every stored string is escaped with `HTMLText`.
/// Rows are ordered by blocking findings, then errors, then warnings, then name, so what needs work
/// comes first; columns are the rules that fired anywhere, in catalogue order.
struct PortfolioHTMLWriter {
    var toolVersion: String

    func write(_ releases: [ReleaseOverview]) -> String {
        let ordered = releases.sorted {
            ($1.blocking, $1.errors, $1.warnings, $0.product, $0.release) < ($0.blocking, $0.errors, $0.warnings, $1.product, $1.release)
        }
        let fired = Set(ordered.flatMap { $0.findings.map(\.rule) })
        let rules = RuleID.allCases.map(\.rawValue).filter(fired.contains)
        let failing = ordered.filter { $0.blocking > 0 }.count
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLReportWriter.contentSecurityPolicy)">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Pedigree \(HTMLText.escape(toolVersion))">
            <title>License portfolio</title>
            <style>
            \(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>License portfolio</h1>
            <p class="byline">Pedigree \(HTMLText.escape(toolVersion)) · \(ordered.count) products · \(failing) with blocking findings</p>
            </header>
            <main>

            """
        out += table(ordered, rules: rules)
        out += "</main>\n<footer><p>Each row is a product's latest stored release; a cell counts its findings of one rule. Blocking means an error that is not waived. Pedigree reports what the inputs and its knowledge base state; it is not legal advice.</p></footer>\n</body>\n</html>\n"
        return out
    }

    func table(_ releases: [ReleaseOverview], rules: [String]) -> String {
        guard !releases.isEmpty else { return "<p>The store holds no release.</p>\n" }
        var out = "<table>\n<thead><tr><th>product</th><th>release</th><th>verdict</th>"
        out += rules.map { "<th class=\"rule\">\(HTMLText.escape($0))</th>" }.joined()
        out += "<th>evaluated</th></tr></thead>\n<tbody>\n"
        for release in releases {
            out += "<tr><th scope=\"row\">\(HTMLText.escape(release.product))</th><td>\(HTMLText.escape(release.release))</td>"
            out += "<td class=\"\(release.verdict)\">\(release.verdict)\(release.blocking > 0 ? " (\(release.blocking) blocking)" : "")</td>"
            for rule in rules { out += cell(release.findings.filter { $0.rule == rule }) }
            let stale = release.stale.isEmpty ? "" : " <span class=\"stale\">stale: \(HTMLText.escape(release.stale.joined(separator: ", ")))</span>"
            out += "<td>#\(release.evaluation), \(HTMLText.escape(release.evaluatedAt))\(stale)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A count, coloured by the worst severity among the findings (waived ones do not colour it).
    func cell(_ findings: [StoredFinding]) -> String {
        guard !findings.isEmpty else { return "<td class=\"none\"></td>" }
        let open = findings.filter { !$0.waived }
        let worst = ["error", "warning", "info"].first { severity in open.contains { $0.severity == severity } } ?? "waived"
        let title = findings.map { finding in
            "\(finding.component): \(finding.message)" + (finding.cause.map { " (because of \($0))" } ?? "")
        }.joined(separator: "\n")
        return "<td class=\"\(worst)\" title=\"\(HTMLText.escape(title))\">\(findings.count)</td>"
    }

    static let style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #1b1b1b; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; }
        th.rule { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: normal; }
        td.error, td.fail { background: #f8d7da; }
        td.warning { background: #fff3cd; }
        td.info { background: #e7f1ff; }
        td.pass { background: #d1e7dd; }
        td.waived { background: #eee; }
        .stale { color: #8a5a00; }
        .byline, footer { color: #555; }
        @media print { td, th { background: none !important; } tr { break-inside: avoid; } }

        """
}
