import PedigreeDiagnostics
import PedigreeEngine
import PedigreeLicenses
import PedigreeModel

/// Writes an audit as one self-contained HTML page for release review: the verdict and the findings
/// per rule first, the lineage graph drawn as inline SVG right after, then the product context, the
/// findings with their lineage paths, the components with their licenses (each id linked to its text)
/// and `OR` choices, obligations, and notes on the inputs and the policy.
///
/// Decisions (HARDENING.md §Output): no scripts and no external assets — a Content-Security-Policy
/// of `default-src 'none'; style-src 'unsafe-inline'; img-src data:` forbids both even if input text
/// got through; every input string is escaped with `HTMLText`; links are written only for `http(s)`
/// URLs. A large product is summarised within `HTMLLimits` (blocking findings in full, the rest
/// listed per rule and folded, components capped, the holders of blocking findings first), so the
/// page opens in seconds; below the limits nothing is folded and the page prints whole. The print
/// style keeps findings and table rows whole, breaks ids and paths only at their separators, and lets
/// the drawing shrink to the page instead of leaving the first page half empty. No timestamp is
/// written, so the same audit gives the same bytes.
public struct HTMLReportWriter: ReportWriter {
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    public var limits: HTMLLimits
    let links: LicenseTextLink

    public init(catalog: any LicenseCatalog = KnowledgeBase.shared, limits: HTMLLimits = .standard) {
        self.limits = limits
        links = LicenseTextLink(catalog: catalog)
    }

    public func write(_ report: AuditReport) -> String {
        let result = report.result
        let toolVersion = report.toolVersion
        let digest = ReportDigest(result)
        let product = HTMLText.escape(digest.productName)
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Pedigree \(HTMLText.escape(toolVersion))">
            <title>License audit: \(product)</title>
            <style>
            \(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>License audit: \(product)</h1>
            <p class="byline">Pedigree \(HTMLText.escape(toolVersion)) · \(result.summary.components) components · \(result.summary.relationships) relationships</p>

            """
        out += verdict(result)
        out += summary(result)
        out += "</header>\n<main>\n"
        out += lineage(digest)
        out += context(result, digest)
        out += findings(result, digest)
        out += componentTable(result, digest)
        out += choiceTable(result, digest)
        out += obligationTable(result, digest)
        out += notes(digest)
        out += legend(result)
        out += "</main>\n<footer><p>Blocking means an error that is neither waived nor in the baseline. Pedigree reports what the inputs and its knowledge base state; it is not legal advice.</p></footer>\n</body>\n</html>\n"
        return out
    }

    // MARK: Sections

    func verdict(_ result: AuditResult) -> String {
        let blocking = result.summary.blocking
        if blocking == 0 { return "<p class=\"verdict pass\">No blocking findings.</p>\n" }
        let new = result.baseline == nil ? "" : " (new since the baseline)"
        return "<p class=\"verdict fail\">\(blocking) blocking finding\(blocking == 1 ? "" : "s")\(new).</p>\n"
    }

    func context(_ result: AuditResult, _ digest: ReportDigest) -> String {
        var out = "<section id=\"product\">\n<h2>Product</h2>\n<dl class=\"context\">\n"
        out += "<dt>Name</dt><dd>\(HTMLText.escape(digest.productName))</dd>\n"
        for phrase in digest.contextPhrases {
            out += "<dt>\(HTMLText.escape(phrase.label))</dt><dd>\(HTMLText.escape(phrase.value))</dd>\n"
        }
        out += "</dl>\n"
        if !result.context.assumptions.isEmpty {
            out += "<p>Assumed because the inputs did not say:</p>\n<ul class=\"assumptions\">\n"
            for assumption in result.context.assumptions { out += "<li>\(HTMLText.escape(assumption))</li>\n" }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    /// The findings per rule (the rules in the order of the text report), with a total row.
    func summary(_ result: AuditResult) -> String {
        let s = result.summary
        var out = "<section id=\"summary\">\n<h2>Findings per rule</h2>\n<table class=\"counts\">\n<thead><tr><th>Rule</th><th>Errors</th><th>Warnings</th><th>Infos</th><th>Waived</th><th>Blocking</th></tr></thead>\n<tbody>\n"
        for rule in RuleID.allCases {
            let fired = result.findings.filter { $0.rule == rule }
            guard !fired.isEmpty else { continue }
            let count = { (severity: FindingSeverity) in fired.filter { $0.severity == severity }.count }
            out += "<tr><th><a href=\"#rule-\(rule.rawValue)\"><code>\(rule.rawValue)</code></a></th><td>\(count(.error))</td><td>\(count(.warning))</td><td>\(count(.info))</td><td>\(fired.filter(\.waived).count)</td><td>\(fired.filter(\.isBlocking).count)</td></tr>\n"
        }
        out += "<tr class=\"total\"><th>Total</th><td>\(s.errors)</td><td>\(s.warnings)</td><td>\(s.infos)</td><td>\(s.waived)</td><td>\(s.blocking)</td></tr>\n</tbody>\n</table>\n"
        if let baseline = result.baseline {
            out += "<p>Compared with the baseline <code>\(HTMLText.escape(baseline.source))</code>: <strong>\(baseline.new.count) new</strong>, \(baseline.unchanged.count) unchanged, \(baseline.resolved.count) resolved.</p>\n"
        }
        return out + "</section>\n"
    }

    func findings(_ result: AuditResult, _ digest: ReportDigest) -> String {
        var out = "<section id=\"findings\">\n<h2>Findings</h2>\n"
        if result.findings.isEmpty { out += "<p>No findings.</p>\n" }
        let blocking = digest.blocking
        let others = digest.others
        let blockingCards = min(blocking.count, limits.findingCards)
        let otherCards = min(others.count, limits.findingCards - blockingCards)
        if !blocking.isEmpty {
            out += "<h3>\(result.baseline == nil ? "Blocking" : "New blocking")</h3>\n"
            for finding in blocking.prefix(blockingCards) { out += article(finding, digest) }
        }
        if otherCards > 0 {
            out += "<h3>\(blocking.isEmpty ? "All findings" : "Other findings")</h3>\n"
            for finding in others.prefix(otherCards) { out += article(finding, digest) }
        }
        out += foldedFindings(Array(blocking.dropFirst(blockingCards)) + others.dropFirst(otherCards), digest)
        if let baseline = result.baseline, !baseline.resolved.isEmpty {
            out += "<h3>Resolved since the baseline</h3>\n<table>\n<thead><tr><th>Rule</th><th>Component</th><th>Finding</th><th>Fingerprint</th></tr></thead>\n<tbody>\n"
            for entry in baseline.resolved {
                out += "<tr><td>\(HTMLText.escape(entry.rule ?? ""))</td><td>\(HTMLText.escape(entry.component ?? ""))</td><td>\(HTMLText.escape(entry.message ?? ""))</td><td><code>\(HTMLText.escape(entry.fingerprint))</code></td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    func article(_ finding: Finding, _ digest: ReportDigest) -> String {
        let severity = finding.severity.rawValue
        var classes = ["finding", severity]
        if finding.isBlocking { classes.append("blocking") }
        if finding.waived { classes.append("waived") }
        var out = "<article class=\"\(classes.joined(separator: " "))\">\n"
        out += "<h4><span class=\"badge \(severity)\">\(severity)</span> <code>\(finding.rule.rawValue)</code> \(HTMLText.escape(digest.label(finding.component)))</h4>\n"
        out += "<p>\(HTMLText.escape(finding.message))</p>\n<dl>\n"
        out += "<dt>Status</dt><dd>\(HTMLText.escape(digest.status(finding)))</dd>\n"
        if !finding.licenses.isEmpty {
            out += "<dt>Licenses</dt><dd>\(finding.licenses.map(links.html).joined(separator: ", "))</dd>\n"
        }
        if let location = finding.location { out += "<dt>Where</dt><dd><code>\(HTMLText.breakable(location.description))</code></dd>\n" }
        if let cause = SourceText.phrase(finding, name: digest.label) {
            let place = finding.sourceLocation.map { ", <code>\(HTMLText.breakable($0.description))</code>" } ?? ""
            out += "<dt>Because of</dt><dd>\(HTMLText.escape(cause))\(place)</dd>\n"
        }
        if finding.path.count > 1 {
            out += "<dt>Lineage</dt><dd><ol class=\"path\">"
            for step in finding.path {
                out += "<li>\(HTMLText.escape(digest.label(step.ref)))"
                if let edge = step.edge {
                    out += " <span class=\"edge-kind\">\(edge.rawValue)\(step.attached ? " (attached)" : "")</span>"
                }
                out += "</li>"
            }
            out += "</ol></dd>\n"
        }
        for note in finding.notes { out += "<dt>Note</dt><dd>\(HTMLText.escape(note))</dd>\n" }
        out += "<dt>Fix</dt><dd>\(HTMLText.escape(finding.remediation))</dd>\n"
        out += "<dt>Fingerprint</dt><dd><code>\(HTMLText.escape(finding.fingerprint))</code></dd>\n"
        return out + "</dl>\n</article>\n"
    }

    func lineage(_ digest: ReportDigest) -> String {
        var out = "<section id=\"lineage\">\n<h2>Lineage</h2>\n"
        if let svg = LineageDiagram.svg(digest) {
            out += "<p class=\"hint\">Arrows point from a component to what it uses or derives from. Dashed: development, build or test only; dotted: attached by Pedigree; red: must act on a blocking finding.</p>\n"
            out += "<div class=\"graph\">\n" + svg + "</div>\n"
        } else {
            out += "<p>The graph has \(digest.result.components.count) components, too many to draw legibly (the limit is \(LineageDiagram.maxComponents)); <code>pedigree graph</code> writes it as DOT for Graphviz.</p>\n"
        }
        return out + "</section>\n"
    }

    /// One row per component up to the limit: the product and the holders of blocking findings first.
    func componentTable(_ result: AuditResult, _ digest: ReportDigest) -> String {
        var out = "<section id=\"components\">\n<h2>Components</h2>\n"
        let shown = listedComponents(result, digest)
        if shown.count < result.components.count {
            out += "<p class=\"hint\">\(shown.count) of \(result.components.count) components are listed: the product and those holding a blocking finding first. The JSON report (<code>--format json</code>) lists every component.</p>\n"
        }
        out += "<table>\n<thead><tr><th>Component</th><th>Version</th><th>Kind</th><th>License in force</th><th>Declared</th><th>Concluded</th><th>Ships</th><th>Where</th></tr></thead>\n<tbody>\n"
        for component in shown { out += componentRow(component, digest) }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    func componentRow(_ component: AuditedComponent, _ digest: ReportDigest) -> String {
        var name = HTMLText.breakable(component.name.isEmpty ? component.ref.rawValue : component.name)
        if component.isProduct { name = "<strong>\(name)</strong> <span class=\"tag\">product</span>" }
        if let purl = component.purl { name += "<br><span class=\"purl\">\(HTMLText.breakable(purl))</span>" }
        let differ = component.licensesDiffer ? " class=\"differ\" title=\"declared and concluded licenses differ\"" : ""
        var inForce = component.license.map(links.html) ?? "unknown"
        if let choice = digest.choices[component.ref] { inForce += " (chosen from " + links.html(choice.expression) + ")" }
        var out = "<tr><td>\(name)</td><td>\(HTMLText.escape(component.version ?? ""))</td><td>\(component.kind.rawValue)</td>"
        out += "<td>\(inForce)</td>"
        out += "<td\(differ)>\(licenseCell(component.declaredLicense))</td><td\(differ)>\(licenseCell(component.concludedLicense))</td>"
        return out + "<td>\(component.ships ? "yes" : "no")</td><td>\(component.location.map { "<code>\(HTMLText.breakable($0.description))</code>" } ?? "")</td></tr>\n"
    }

    /// A license as stated: linked when it is an http(s) URL, else with each known license id linked to its text.
    func licenseCell(_ text: String?) -> String {
        guard let text else { return "" }
        return HTMLText.isWebURL(text) ? HTMLText.link(text) : links.html(text)
    }

    func choiceTable(_ result: AuditResult, _ digest: ReportDigest) -> String {
        guard !result.choices.isEmpty else { return "" }
        var out = "<section id=\"choices\">\n<h2>License choices</h2>\n<table>\n<thead><tr><th>Component</th><th>Expression</th><th>Chosen</th><th>Alternatives (errors / warnings / infos)</th><th>Why</th></tr></thead>\n<tbody>\n"
        for choice in result.choices.prefix(limits.otherRows) {
            let alternatives = choice.alternatives.map {
                "\(HTMLText.escape($0.expression)): \($0.errors) / \($0.warnings) / \($0.infos)"
            }.joined(separator: "<br>")
            out += "<tr><td>\(HTMLText.escape(digest.label(choice.component)))</td><td>\(links.html(choice.expression))</td><td>\(links.html(choice.chosen))</td><td>\(alternatives)</td><td>\(HTMLText.escape(choice.reason))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n" + leftOut(result.choices.count - limits.otherRows, "license choices") + "</section>\n"
    }

    func obligationTable(_ result: AuditResult, _ digest: ReportDigest) -> String {
        guard !result.obligations.isEmpty else { return "" }
        var out = "<section id=\"obligations\">\n<h2>Obligations</h2>\n<table>\n<thead><tr><th>Duty</th><th>License</th><th>Text</th><th>Owed by</th></tr></thead>\n<tbody>\n"
        for obligation in result.obligations {
            let owers = namedList(digest.labels(obligation.components))
            out += "<tr><td>\(Self.duty(obligation.kind))</td><td>\(links.html(obligation.license))</td><td>\(HTMLText.escape(obligation.text ?? ""))</td><td>\(owers)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n<p class=\"hint\"><code>pedigree notice</code> writes these as a NOTICE file for the release.</p>\n</section>\n"
    }

    func notes(_ digest: ReportDigest) -> String {
        let notes = digest.policyDiagnostics + digest.otherDiagnostics
        guard !notes.isEmpty else { return "" }
        var out = "<section id=\"notes\">\n<h2>Notes on the inputs and the policy</h2>\n<ul class=\"notes\">\n"
        for diagnostic in notes.prefix(limits.otherRows) {
            let place = diagnostic.location.map { "<code>\(HTMLText.escape($0.description))</code> " } ?? ""
            out += "<li class=\"\(diagnostic.severity.rawValue)\">\(place)<span class=\"badge \(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue)</span> <code>\(HTMLText.escape(diagnostic.code))</code> \(HTMLText.escape(diagnostic.message))</li>\n"
        }
        return out + "</ul>\n" + leftOut(notes.count - limits.otherRows, "notes") + "</section>\n"
    }

    func legend(_ result: AuditResult) -> String {
        let rules = Set(result.findings.map(\.rule)).sorted()
        guard !rules.isEmpty else { return "" }
        var out = "<section id=\"rules\">\n<h2>Rules that fired</h2>\n<dl class=\"rules\">\n"
        for rule in rules {
            let documentation = RuleDocumentation.of(rule)
            out += "<dt id=\"rule-\(rule.rawValue)\"><code>\(rule.rawValue)</code> (default \(rule.defaultSeverity.rawValue))</dt><dd>\(HTMLText.escape(documentation.description)) <em>Fix:</em> \(HTMLText.escape(documentation.remediation))</dd>\n"
        }
        return out + "</dl>\n</section>\n"
    }

    static func duty(_ kind: Obligation.Kind) -> String {
        switch kind {
        case .licenseCopy: "include a copy of the license"
        case .noticeFile: "pass on the NOTICE file"
        case .notice: "include the notice"
        case .display: "display"
        case .namePrefix: "name derivatives with the prefix"
        case .sourceOffer: "offer the source"
        case .useRestrictions: "pass on the use restrictions"
        case .registration: "register with the licensor"
        }
    }

    static let style = """
        :root { --error: #b3261e; --warning: #8a5a00; --info: #1f5fa8; --pass: #1a7f37; --line: #d0d7de; --muted: #57606a; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; }
        h4 { font-size: 1rem; margin: 0 0 .5rem; }
        code, .purl { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: break-word; }
        .purl { color: var(--muted); }
        .byline, .hint { color: var(--muted); }
        .verdict { font-weight: 600; padding: .6rem .9rem; border-radius: 6px; border: 1px solid; }
        .verdict.pass { color: var(--pass); border-color: var(--pass); }
        .verdict.fail { color: var(--error); border-color: var(--error); }
        dl.context { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
        dl.context dt { font-weight: 600; }
        dl.context dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        thead th { background: #f6f8fa; }
        table.counts { width: auto; }
        table.counts td { text-align: right; min-width: 4rem; }
        table.counts tr.total { font-weight: 600; }
        details.more { margin: .5rem 0; }
        details.more summary { cursor: pointer; }
        tr.error td:first-child { color: var(--error); }
        tr.warning td:first-child { color: var(--warning); }
        td.differ { background: #fff8c5; }
        .finding { border: 1px solid var(--line); border-left: 4px solid var(--muted); border-radius: 6px; padding: .75rem 1rem; margin: .75rem 0; }
        .finding.error { border-left-color: var(--error); }
        .finding.warning { border-left-color: var(--warning); }
        .finding.info { border-left-color: var(--info); }
        .finding.waived { opacity: .8; }
        .finding dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
        .finding dt { font-weight: 600; }
        .finding dd { margin: 0; }
        .badge { display: inline-block; font-size: .75rem; font-weight: 600; text-transform: uppercase; padding: 0 .4rem; border-radius: 4px; color: #fff; background: var(--muted); }
        .badge.error { background: var(--error); }
        .badge.warning { background: var(--warning); }
        .badge.info, .badge.note { background: var(--info); }
        .tag { font-size: .75rem; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 .3rem; }
        ol.path { list-style: none; margin: 0; padding: 0; }
        ol.path li { display: inline; }
        ol.path li + li::before { content: " → "; color: var(--muted); }
        .edge-kind { color: var(--muted); font-size: .85em; }
        .edge-kind::before { content: "("; }
        .edge-kind::after { content: ")"; }
        ul.notes li.warning { color: var(--warning); }
        ul.notes li.error { color: var(--error); }
        .graph { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
        svg.lineage { display: block; font: 12px system-ui, sans-serif; }
        svg.lineage .node rect { fill: #fff; stroke: #6e7781; stroke-width: 1.2; }
        svg.lineage .node.model rect { fill: #f3f0ff; }
        svg.lineage .node.dataset rect { fill: #eef7ee; }
        svg.lineage .node.service rect { fill: #fff4e5; }
        svg.lineage .node.product rect { stroke: #1f2328; stroke-width: 3; }
        svg.lineage .node.flagged rect { stroke: var(--error); stroke-width: 3; }
        svg.lineage .node.not-shipped rect { stroke-dasharray: 5 3; }
        svg.lineage .node .name { font-weight: 600; fill: #1f2328; }
        svg.lineage .node .meta { fill: var(--muted); font-size: 11px; }
        svg.lineage .edge { fill: none; stroke: #8c959f; stroke-width: 1.2; }
        svg.lineage .edge.not-shipped { stroke-dasharray: 6 4; }
        svg.lineage .edge.attached { stroke-dasharray: 2 3; }
        svg.lineage .edge.cycle { stroke: var(--warning); }
        svg.lineage .arrowhead { fill: #8c959f; }
        svg.lineage .edge-label { fill: var(--muted); font-size: 10px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
        footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); margin-top: 2rem; }
        @media print {
          @page { margin: 1.5cm; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          .verdict, .badge, .finding, td.differ, svg.lineage { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          .finding, tr { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
          code, .purl, th, td { overflow-wrap: normal; word-break: normal; hyphens: manual; }
          .graph { overflow: visible; border: none; }
          svg.lineage { width: 100%; max-width: 100%; height: auto; max-height: 23cm; }
          a { color: inherit; text-decoration: none; }
          a[href]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); }
          a.license::after, table.counts a::after { content: none; }
        }

        """
}
