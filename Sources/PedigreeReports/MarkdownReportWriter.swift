import PedigreeDiagnostics
import PedigreeEngine
import PedigreeModel

/// Writes an audit as GitHub-flavoured Markdown for a pull-request comment.
///
/// Layout: a verdict line and a summary table; the findings counted per rule; the blocking findings
/// (new ones, with a baseline), grouped by rule, each with its lineage drawn as a Mermaid flowchart;
/// then, folded in `<details>`, the other findings, what the baseline had that is now resolved, the
/// components (one table row each), the `OR` choices, the obligations and the notes on the inputs
/// and the policy.
///
/// Decisions: input text is escaped with `MarkdownText` (HARDENING.md §Output) in Markdown and with
/// `HTMLText` inside the HTML of `<summary>`; Mermaid labels use Mermaid's entity codes. A comment is
/// limited in size (GitHub: 65,536 characters), so the document never exceeds `maxCharacters`: the
/// verdict and the counts per rule always come first, then parts in the order above as long as they
/// fit (`MarkdownBudget`); at most `maxSections` blocking findings are written in full (`maxDiagrams`
/// of them with a drawing) and at most `maxTableRows` rows per table, each cut said so.
public struct MarkdownReportWriter: ReportWriter {
    public var maxDiagrams: Int
    /// Blocking findings written out in full; the rest go into a folded table.
    public var maxSections: Int
    public var maxTableRows: Int
    /// The largest document written, in UTF-8 bytes.
    public var maxCharacters: Int

    public init(maxDiagrams: Int = 10, maxSections: Int = 10, maxTableRows: Int = 50, maxCharacters: Int = 65_536) {
        self.maxDiagrams = maxDiagrams
        self.maxSections = maxSections
        self.maxTableRows = maxTableRows
        self.maxCharacters = maxCharacters
    }

    public func write(_ report: AuditReport) -> String {
        let digest = ReportDigest(report.result)
        let footer = "<sub>Pedigree \(HTMLText.escape(report.toolVersion)) · blocking = a finding at the failing severity neither waived nor in the baseline</sub>\n"
        var budget = MarkdownBudget(limit: maxCharacters - footer.utf8.count)
        budget.add(head(digest))
        blockingFindings(digest, into: &budget)
        folded(digest, into: &budget)
        return budget.text + footer
    }

    /// The verdict, the summary, the baseline comparison, the product and the counts per rule.
    func head(_ digest: ReportDigest) -> String {
        let result = digest.result
        let summary = result.summary
        var out = "## Pedigree license audit: \(md(digest.productName))\n\n"
        if summary.blocking == 0 {
            out += "✅ **No blocking findings.**"
        } else {
            let new = result.baseline == nil ? "" : " (new since the baseline)"
            out += "❌ **\(summary.blocking) blocking finding\(plural(summary.blocking))\(new).**"
        }
        out += " \(summary.errors) error\(plural(summary.errors)), \(summary.warnings) warning\(plural(summary.warnings)), \(summary.infos) info, \(summary.waived) waived.\n\n"
        out += "| Components | Relationships | Errors | Warnings | Infos | Waived | Blocking |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|\n"
        out += "| \(summary.components) | \(summary.relationships) | \(summary.errors) | \(summary.warnings) | \(summary.infos) | \(summary.waived) | \(summary.blocking) |\n\n"
        if let baseline = result.baseline {
            out += "Compared with the baseline \(md(baseline.source)): **\(baseline.new.count) new**, \(baseline.unchanged.count) unchanged, \(baseline.resolved.count) resolved.\n\n"
        }
        out += "**Product:** " + digest.contextPhrases.map { "\($0.label.lowercased()) \(md($0.value))" }.joined(separator: " · ") + "\n"
        for assumption in result.context.assumptions.prefix(maxTableRows) { out += "- _Assumed:_ \(md(assumption))\n" }
        out += "\n"
        return out + ruleCounts(result.findings)
    }

    /// One row per rule that fired, in catalogue order: how many block, and how many of each severity.
    func ruleCounts(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "" }
        var out = "| Rule | Blocking | Errors | Warnings | Infos | Waived |\n|---|---:|---:|---:|---:|---:|\n"
        for rule in RuleID.allCases {
            let fired = findings.filter { $0.rule == rule }
            guard !fired.isEmpty else { continue }
            func count(_ severity: FindingSeverity) -> Int { fired.filter { $0.severity == severity }.count }
            out += "| \(rule.rawValue) | \(fired.filter(\.isBlocking).count) | \(count(.error)) | \(count(.warning)) | \(count(.info)) | \(fired.filter(\.waived).count) |\n"
        }
        return out + "\n"
    }

    /// The blocking findings by rule: the first in full, the rest in a folded table.
    func blockingFindings(_ digest: ReportDigest, into budget: inout MarkdownBudget) {
        let blocking = digest.blocking.enumerated().sorted { l, r in
            l.element.rule.catalogueIndex != r.element.rule.catalogueIndex
                ? l.element.rule.catalogueIndex < r.element.rule.catalogueIndex : l.offset < r.offset
        }.map(\.element)
        guard !blocking.isEmpty else { return }
        budget.add(digest.result.baseline == nil ? "### Blocking findings\n\n" : "### New blocking findings\n\n")
        var written = 0
        for finding in blocking.prefix(maxSections) {
            guard budget.add(section(finding, number: written + 1, digest: digest, diagram: written < maxDiagrams)) else { break }
            written += 1
        }
        let rest = Array(blocking.dropFirst(written))
        guard !rest.isEmpty else { return }
        let rows = rest.map { finding in
            "| \(finding.rule.rawValue) | \(md(digest.label(finding.component))) | \(md(finding.message)) | \(md(shortPath(finding.path, digest))) |\n"
        }
        budget.foldedTable(
            summary: "More blocking findings (\(rest.count))", head: "| Rule | Component | Finding | Lineage |\n|---|---|---|---|\n",
            rows: rows, total: rest.count, maxRows: maxTableRows)
    }

    /// The folded tables, most useful first, each as far as the budget allows.
    func folded(_ digest: ReportDigest, into budget: inout MarkdownBudget) {
        let result = digest.result
        let others = digest.others
        if !others.isEmpty {
            let rows = others.map { finding in
                "| \(finding.severity.rawValue) | \(finding.rule.rawValue) | \(md(digest.label(finding.component))) | \(md(finding.message)) | \(md(shortPath(finding.path, digest))) | \(md(digest.status(finding))) |\n"
            }
            budget.foldedTable(
                summary: "Other findings (\(others.count))",
                head: "| Severity | Rule | Component | Finding | Lineage | Status |\n|---|---|---|---|---|---|\n", rows: rows,
                total: others.count, maxRows: maxTableRows)
        }
        if let baseline = result.baseline, !baseline.resolved.isEmpty {
            let rows = baseline.resolved.map { entry in
                "| \(md(entry.rule ?? "?")) | \(md(entry.component ?? "?")) | \(md(entry.message ?? entry.fingerprint)) |\n"
            }
            budget.foldedTable(
                summary: "Resolved since the baseline (\(baseline.resolved.count))", head: "| Rule | Component | Finding |\n|---|---|---|\n",
                rows: rows, total: rows.count, maxRows: maxTableRows)
        }
        let components = result.components.prefix(maxTableRows).map { component in
            var name = md(component.name.isEmpty ? component.ref.rawValue : component.name)
            if component.isProduct { name = "**" + name + "** (product)" }
            return "| \(name) | \(md(component.version ?? "")) | \(component.kind.rawValue) | \(md(digest.licenseText(component))) | \(md(component.declaredLicense ?? "")) | \(md(component.concludedLicense ?? "")) | \(component.ships ? "yes" : "no") |\n"
        }
        budget.foldedTable(
            summary: "Components (\(result.components.count))",
            head: "| Component | Version | Kind | License | Declared | Concluded | Ships |\n|---|---|---|---|---|---|---|\n",
            rows: components, total: result.components.count, maxRows: maxTableRows)
        if !result.choices.isEmpty {
            let rows = result.choices.prefix(maxTableRows).map { choice in
                "| \(md(digest.label(choice.component))) | \(md(choice.expression)) | \(md(choice.chosen)) | \(md(choice.reason)) |\n"
            }
            budget.foldedTable(
                summary: "License choices (\(result.choices.count))", head: "| Component | Expression | Chosen | Why |\n|---|---|---|---|\n",
                rows: rows, total: result.choices.count, maxRows: maxTableRows)
        }
        if !result.obligations.isEmpty {
            let rows = result.obligations.prefix(maxTableRows).map { obligation in
                let names = digest.labels(obligation.components)
                var owers = names.prefix(Self.namesPerCell).joined(separator: ", ")
                if names.count > Self.namesPerCell { owers += " and \(names.count - Self.namesPerCell) more" }
                return "| \(obligation.kind.rawValue) | \(md(obligation.license)) | \(md(obligation.text ?? "")) | \(md(owers)) |\n"
            }
            budget.foldedTable(
                summary: "Obligations (\(result.obligations.count))", head: "| Duty | License | Text | Components |\n|---|---|---|---|\n",
                rows: rows, total: result.obligations.count, maxRows: maxTableRows)
        }
        let notes = digest.policyDiagnostics + digest.otherDiagnostics
        if !notes.isEmpty {
            let rows = notes.prefix(maxTableRows).map { diagnostic in
                let place = diagnostic.location.map { md($0.description) + ": " } ?? ""
                return "- \(place)\(diagnostic.severity.rawValue) [\(md(diagnostic.code))] \(md(diagnostic.message))\n"
            }
            budget.foldedTable(
                summary: "Notes on the inputs and the policy (\(notes.count))", head: "", rows: rows, total: notes.count,
                maxRows: maxTableRows)
        }
    }

    /// Components named in one obligation's table cell; the rest are counted.
    static let namesPerCell = 10

    // MARK: Parts

    func section(_ finding: Finding, number: Int, digest: ReportDigest, diagram: Bool) -> String {
        var out = "#### \(number). \(finding.rule.rawValue): \(md(digest.label(finding.component)))\n\n"
        out += md(finding.message) + "\n\n"
        if !finding.licenses.isEmpty { out += "- **Licenses:** \(md(finding.licenses.joined(separator: ", ")))\n" }
        if let location = finding.location { out += "- **Where:** \(md(location.description))\n" }
        if let cause = SourceText.phrase(finding, name: digest.label) {
            out += "- **Because of:** \(md(cause))\(finding.sourceLocation.map { ", " + md($0.description) } ?? "")\n"
        }
        if finding.path.count > 1 { out += "- **Lineage:** \(md(PathText.plain(finding.path) { digest.label($0.ref) }))\n" }
        for note in finding.notes { out += "- **Note:** \(md(note))\n" }
        out += "- **Fix:** \(md(finding.remediation))\n"
        out += "- **Fingerprint:** \(md(finding.fingerprint))\n\n"
        if diagram, finding.path.count > 1 { out += lineage(finding.path, digest: digest, acting: finding.component) }
        return out
    }

    /// The finding's path as a Mermaid flowchart, product at the top, the broken term's holder marked.
    ///
    /// When another component must act on it (a derivative whose base model's license imposes the
    /// term), that component is outlined in red like the HTML drawing's and the holder dashed.
    func lineage(_ path: [PathStep], digest: ReportDigest, acting: ComponentRef) -> String {
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
        let holder = path.count - 1
        if let position = path.indices.last(where: { path[$0].ref == acting }), position != holder {
            out += "  classDef act stroke:#d73a49,stroke-width:3px\n  classDef term stroke:#d73a49,stroke-dasharray:4 3\n"
            return out + "  class n\(position) act\n  class n\(holder) term\n```\n\n"
        }
        out += "  classDef term stroke:#d73a49,stroke-width:3px\n  class n\(holder) term\n```\n\n"
        return out
    }

    /// A lineage for a table cell: long paths keep the product and the last three steps.
    func shortPath(_ path: [PathStep], _ digest: ReportDigest) -> String {
        guard path.count > 5, let first = path.first else { return PathText.plain(path) { digest.name($0.ref) } }
        return PathText.plain([first]) { digest.name($0.ref) } + "… --"
            + (path[path.count - 4].edge?.rawValue ?? "") + "--> " + PathText.plain(Array(path.suffix(3))) { digest.name($0.ref) }
    }

    func md(_ text: String) -> String { MarkdownText.escape(text) }

    func plural(_ count: Int) -> String { count == 1 ? "" : "s" }
}
