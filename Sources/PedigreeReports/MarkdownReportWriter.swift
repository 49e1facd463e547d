import PedigreeDiagnostics
import PedigreeEngine
import PedigreeModel

/// Writes an audit as GitHub-flavoured Markdown for a pull-request comment.
///
/// Layout: a verdict line and a summary table; the blocking findings (new ones, with a baseline)
/// first, each with its lineage drawn as a Mermaid flowchart; then, folded in `<details>`, the other
/// findings, what the baseline had that is now resolved, the components (one table row each), the
/// `OR` choices, the obligations and the notes on the inputs and the policy.
///
/// Decisions: input text is escaped with `MarkdownText` (HARDENING.md §Output) in Markdown and with
/// `HTMLText` inside the HTML of `<summary>`; Mermaid labels use Mermaid's entity codes. A comment is
/// limited in size (GitHub: 65,536 characters), so at most `maxSections` blocking findings are written
/// in full (`maxDiagrams` of them with a drawing) and at most `maxTableRows` rows per table, each cut
/// said so.
public struct MarkdownReportWriter: ReportWriter {
    public var maxDiagrams: Int
    /// Blocking findings written out in full; the rest go into a folded table.
    public var maxSections: Int
    public var maxTableRows: Int

    public init(maxDiagrams: Int = 10, maxSections: Int = 10, maxTableRows: Int = 50) {
        self.maxDiagrams = maxDiagrams
        self.maxSections = maxSections
        self.maxTableRows = maxTableRows
    }

    public func write(_ report: AuditReport) -> String {
        let result = report.result
        let digest = ReportDigest(result)
        let summary = result.summary
        var out = "## Pedigree license audit: \(md(digest.productName))\n\n"
        if summary.blocking == 0 {
            out += "✅ **No blocking findings.**"
        } else {
            let new = result.baseline == nil ? "" : " (new since the baseline)"
            out += "❌ **\(summary.blocking) blocking finding\(summary.blocking == 1 ? "" : "s")\(new).**"
        }
        out += " \(summary.errors) error\(plural(summary.errors)), \(summary.warnings) warning\(plural(summary.warnings)), \(summary.infos) info, \(summary.waived) waived.\n\n"
        out += "| Components | Relationships | Errors | Warnings | Infos | Waived | Blocking |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|\n"
        out += "| \(summary.components) | \(summary.relationships) | \(summary.errors) | \(summary.warnings) | \(summary.infos) | \(summary.waived) | \(summary.blocking) |\n\n"
        if let baseline = result.baseline {
            out += "Compared with the baseline \(md(baseline.source)): **\(baseline.new.count) new**, \(baseline.unchanged.count) unchanged, \(baseline.resolved.count) resolved.\n\n"
        }
        out += "**Product:** " + digest.contextPhrases.map { "\($0.label.lowercased()) \(md($0.value))" }.joined(separator: " · ") + "\n"
        for assumption in result.context.assumptions { out += "- _Assumed:_ \(md(assumption))\n" }
        out += "\n"

        let blocking = digest.blocking
        if !blocking.isEmpty {
            out += result.baseline == nil ? "### Blocking findings\n\n" : "### New blocking findings\n\n"
            for (position, finding) in blocking.prefix(maxSections).enumerated() {
                out += section(finding, number: position + 1, digest: digest, diagram: position < maxDiagrams)
            }
            if blocking.count > maxSections {
                let rest = Array(blocking.dropFirst(maxSections))
                out += details("More blocking findings (\(rest.count))") {
                    var text = "| Rule | Component | Finding | Lineage |\n|---|---|---|---|\n"
                    for finding in rest.prefix(maxTableRows) {
                        let path = shortPath(finding.path, digest)
                        text += "| \(finding.rule.rawValue) | \(md(digest.label(finding.component))) | \(md(finding.message)) | \(md(path)) |\n"
                    }
                    return text + cut(rest.count)
                }
            }
        }

        let others = digest.others
        if !others.isEmpty {
            out += details("Other findings (\(others.count))") {
                var text = "| Severity | Rule | Component | Finding | Lineage | Status |\n|---|---|---|---|---|---|\n"
                for finding in others.prefix(maxTableRows) {
                    let path = shortPath(finding.path, digest)
                    text += "| \(finding.severity.rawValue) | \(finding.rule.rawValue) | \(md(digest.label(finding.component))) | \(md(finding.message)) | \(md(path)) | \(md(digest.status(finding))) |\n"
                }
                return text + cut(others.count)
            }
        }
        if let baseline = result.baseline, !baseline.resolved.isEmpty {
            out += details("Resolved since the baseline (\(baseline.resolved.count))") {
                var text = "| Rule | Component | Finding |\n|---|---|---|\n"
                for entry in baseline.resolved.prefix(maxTableRows) {
                    text += "| \(md(entry.rule ?? "?")) | \(md(entry.component ?? "?")) | \(md(entry.message ?? entry.fingerprint)) |\n"
                }
                return text + cut(baseline.resolved.count)
            }
        }
        out += details("Components (\(result.components.count))") {
            var text = "| Component | Version | Kind | License | Declared | Concluded | Ships |\n|---|---|---|---|---|---|---|\n"
            for component in result.components.prefix(maxTableRows) {
                var name = md(component.name.isEmpty ? component.ref.rawValue : component.name)
                if component.isProduct { name = "**" + name + "** (product)" }
                text += "| \(name) | \(md(component.version ?? "")) | \(component.kind.rawValue) | \(md(digest.licenseText(component))) | \(md(component.declaredLicense ?? "")) | \(md(component.concludedLicense ?? "")) | \(component.ships ? "yes" : "no") |\n"
            }
            return text + cut(result.components.count)
        }
        if !result.choices.isEmpty {
            out += details("License choices (\(result.choices.count))") {
                var text = "| Component | Expression | Chosen | Why |\n|---|---|---|---|\n"
                for choice in result.choices.prefix(maxTableRows) {
                    text += "| \(md(digest.label(choice.component))) | \(md(choice.expression)) | \(md(choice.chosen)) | \(md(choice.reason)) |\n"
                }
                return text + cut(result.choices.count)
            }
        }
        if !result.obligations.isEmpty {
            out += details("Obligations (\(result.obligations.count))") {
                var text = "| Duty | License | Text | Components |\n|---|---|---|---|\n"
                for obligation in result.obligations.prefix(maxTableRows) {
                    let names = digest.labels(obligation.components)
                    var owers = names.prefix(maxTableRows).joined(separator: ", ")
                    if names.count > maxTableRows { owers += " and \(names.count - maxTableRows) more" }
                    text += "| \(obligation.kind.rawValue) | \(md(obligation.license)) | \(md(obligation.text ?? "")) | \(md(owers)) |\n"
                }
                return text + cut(result.obligations.count)
            }
        }
        let notes = digest.policyDiagnostics + digest.otherDiagnostics
        if !notes.isEmpty {
            out += details("Notes on the inputs and the policy (\(notes.count))") {
                var text = ""
                for diagnostic in notes.prefix(maxTableRows) {
                    let place = diagnostic.location.map { md($0.description) + ": " } ?? ""
                    text += "- \(place)\(diagnostic.severity.rawValue) [\(md(diagnostic.code))] \(md(diagnostic.message))\n"
                }
                return text + cut(notes.count)
            }
        }
        out += "<sub>Pedigree \(HTMLText.escape(report.toolVersion)) · blocking = an error neither waived nor in the baseline</sub>\n"
        return out
    }

    // MARK: Parts

    func section(_ finding: Finding, number: Int, digest: ReportDigest, diagram: Bool) -> String {
        var out = "#### \(number). \(finding.rule.rawValue): \(md(digest.label(finding.component)))\n\n"
        out += md(finding.message) + "\n\n"
        if !finding.licenses.isEmpty { out += "- **Licenses:** \(md(finding.licenses.joined(separator: ", ")))\n" }
        if let location = finding.location { out += "- **Where:** \(md(location.description))\n" }
        if finding.path.count > 1 { out += "- **Lineage:** \(md(PathText.plain(finding.path) { digest.label($0.ref) }))\n" }
        for note in finding.notes { out += "- **Note:** \(md(note))\n" }
        out += "- **Fix:** \(md(finding.remediation))\n"
        out += "- **Fingerprint:** \(md(finding.fingerprint))\n\n"
        if diagram, finding.path.count > 1 { out += lineage(finding.path, digest: digest) }
        return out
    }

    /// The finding's path as a Mermaid flowchart, product at the top, the broken term's holder marked.
    func lineage(_ path: [PathStep], digest: ReportDigest) -> String {
        let mermaid = MermaidGraphWriter()
        var out = "```mermaid\nflowchart TD\n"
        for (position, step) in path.enumerated() {
            var label = mermaid.escaped(digest.label(step.ref))
            if let license = digest.components[step.ref].map(digest.licenseText) { label += "<br/>" + mermaid.escaped(license) }
            out += "  n\(position)[\"\(label)\"]\n"
        }
        for (position, step) in path.enumerated() where position + 1 < path.count {
            // Mermaid reads parentheses in an edge label as syntax, so "attached" follows a comma.
            let kind = (step.edge?.rawValue ?? "uses") + (step.attached ? ", attached" : "")
            let arrow = step.edge?.isNotShipped == true ? "-.->" : "-->"
            out += "  n\(position) \(arrow)|\(kind)| n\(position + 1)\n"
        }
        out += "  classDef term stroke:#d73a49,stroke-width:3px\n  class n\(path.count - 1) term\n```\n\n"
        return out
    }

    /// A lineage for a table cell: long paths keep the product and the last three steps.
    func shortPath(_ path: [PathStep], _ digest: ReportDigest) -> String {
        guard path.count > 5, let first = path.first else { return PathText.plain(path) { digest.name($0.ref) } }
        return PathText.plain([first]) { digest.name($0.ref) } + "… --"
            + (path[path.count - 4].edge?.rawValue ?? "") + "--> " + PathText.plain(Array(path.suffix(3))) { digest.name($0.ref) }
    }

    func details(_ summary: String, _ body: () -> String) -> String {
        "<details><summary>\(HTMLText.escape(summary))</summary>\n\n" + body() + "\n</details>\n\n"
    }

    func cut(_ total: Int) -> String {
        total > maxTableRows ? "\n_\(total - maxTableRows) more not shown; see the full report (`--format html` or `json`)._\n" : ""
    }

    func md(_ text: String) -> String { MarkdownText.escape(text) }

    func plural(_ count: Int) -> String { count == 1 ? "" : "s" }
}
