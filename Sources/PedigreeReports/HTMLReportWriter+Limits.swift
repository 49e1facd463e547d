import PedigreeEngine
import PedigreeModel

/// How the HTML page summarises what goes beyond `HTMLLimits`: folded tables per rule, capped lists,
/// and a sentence that says what was left out.
extension HTMLReportWriter {
    /// The findings after the cards, one folded table per rule, sharing `limits.findingRows` rows.
    func foldedFindings(_ rest: [Finding], _ digest: ReportDigest) -> String {
        guard !rest.isEmpty else { return "" }
        let rules = RuleID.allCases.compactMap { rule -> (RuleID, [Finding])? in
            let fired = rest.filter { $0.rule == rule }
            return fired.isEmpty ? nil : (rule, fired)
        }
        let rowsPerRule = max(1, limits.findingRows / rules.count)
        var out = "<h3>More findings, by rule</h3>\n<p class=\"hint\">\(rest.count) further findings, folded; the JSON and SARIF reports carry every one.</p>\n"
        for (rule, fired) in rules {
            out += "<details class=\"more\"><summary><code>\(rule.rawValue)</code>: \(TextReportWriter.counts(fired))</summary>\n"
            out += "<table>\n<thead><tr><th>Status</th><th>Component</th><th>Finding</th><th>Where</th></tr></thead>\n<tbody>\n"
            for finding in fired.prefix(rowsPerRule) {
                let location = finding.location.map { "<code>\(HTMLText.breakable($0.description))</code>" } ?? ""
                out += "<tr class=\"\(finding.severity.rawValue)\"><td>\(HTMLText.escape(digest.status(finding)))</td><td>\(HTMLText.breakable(digest.label(finding.component)))</td><td>\(HTMLText.escape(finding.message))</td><td>\(location)</td></tr>\n"
            }
            out += "</tbody>\n</table>\n" + leftOut(fired.count - rowsPerRule, "\(rule.rawValue) findings") + "</details>\n"
        }
        return out
    }

    /// The components the table lists: all of them within the limit, else the product, then the
    /// holders of blocking findings, then the rest in report order, up to `limits.componentRows`.
    func listedComponents(_ result: AuditResult, _ digest: ReportDigest) -> [AuditedComponent] {
        guard result.components.count > limits.componentRows else { return result.components }
        let flagged = Set(digest.blocking.map(\.component))
        let first = result.components.filter { $0.isProduct || flagged.contains($0.ref) }
        let rest = result.components.filter { !($0.isProduct || flagged.contains($0.ref)) }
        return Array((first + rest).prefix(limits.componentRows))
    }

    /// Escaped names joined by commas, at most `limits.namesPerList`, then "and N more".
    func namedList(_ names: [String]) -> String {
        let shown = names.prefix(limits.namesPerList).map { HTMLText.escape($0) }.joined(separator: ", ")
        let more = names.count - limits.namesPerList
        return more > 0 ? shown + " and \(more) more" : shown
    }

    /// A sentence for what a capped list left out, or nothing.
    func leftOut(_ count: Int, _ what: String) -> String {
        count > 0 ? "<p class=\"hint\">\(count) more \(what) are not listed here; the JSON report has them all.</p>\n" : ""
    }
}
