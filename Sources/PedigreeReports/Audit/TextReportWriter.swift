import PedigreeDiagnostics
import PedigreeEngine
import PedigreeModel

/// Writes the audit for a terminal: the totals per rule first (like Trivy's summary line), then the
/// findings grouped by rule, each with its path drawn as `product (depends-on) → model (fine-tuned-from) → base`.
///
/// Every text that comes from an input (names, refs, license texts, messages quoting them) goes
/// through `TerminalText.escape`, so a hostile SBOM cannot move the cursor or reorder the console.
///
/// Decisions: lines fit `width` (the terminal's, else 100) except where a single path, purl or id is
/// longer: it is never broken. Colour marks severities only when `style` asks for it, and the words
/// are the same without it.
public struct TextReportWriter: ReportWriter {
    public var width: Int
    public var style: TerminalStyle
    /// Whether diagnostics of severity note are printed; hidden ones are counted in the last line.
    public var showNotes: Bool

    public init(width: Int = 100, style: TerminalStyle = .plain, showNotes: Bool = false) {
        self.width = max(40, width)
        self.style = style
        self.showNotes = showNotes
    }

    public func write(_ report: AuditReport) -> String {
        var out = TextLines(width: width, style: style)
        writeHeader(report, into: &out)
        writeTotals(report.result, into: &out)
        for rule in RuleID.allCases {
            let findings = report.result.findings.filter { $0.rule == rule }
            if !findings.isEmpty { writeRule(rule, findings, into: &out) }
        }
        writeChoicesAndObligations(report.result, into: &out)
        let shown = report.result.diagnostics.filter { showNotes || $0.severity != .note }
        writeDiagnostics(shown, into: &out)
        out.blank()
        out.para(Self.closingLine(report.result, diagnostics: shown))
        return out.text
    }

    func writeHeader(_ report: AuditReport, into out: inout TextLines) {
        let context = report.result.context
        let productName = context.name ?? context.roots.first?.rawValue ?? "product"
        out.para("\(report.toolName) \(report.toolVersion) audit of '\(productName)'")
        let use = context.commercial ? "commercial" : "non-commercial"
        out.para("context: \(use); distributed as \(context.distribution.map(\.rawValue).joined(separator: ", ")); license: \(context.license ?? "not stated")", "  ", "    ")
        if !context.roots.isEmpty {
            out.para("product: " + context.roots.map(\.rawValue).joined(separator: ", "), "  ", "    ")
        }
        for assumption in context.assumptions { out.para("assumed: " + assumption, "  ", "    ") }
    }

    /// `Total: 5 findings (1 error, 2 warnings, 2 info); 1 blocking, 0 waived`, then one line per rule.
    func writeTotals(_ result: AuditResult, into out: inout TextLines) {
        let summary = result.summary
        out.blank()
        let total = summary.errors + summary.warnings + summary.infos
        out.append(style.paint("Total: \(total) finding\(total == 1 ? "" : "s")", .heading)
            + " (\(Self.severityCounts(summary))); \(summary.blocking) blocking, \(summary.waived) waived")
        let rules = RuleID.allCases.compactMap { rule -> (RuleID, [Finding])? in
            let findings = result.findings.filter { $0.rule == rule }
            return findings.isEmpty ? nil : (rule, findings)
        }
        let column = (rules.map(\.0.rawValue.count).max() ?? 0) + 2
        for (rule, findings) in rules {
            out.append("  " + rule.rawValue.padding(to: column) + Self.counts(findings, style: style))
        }
    }

    func writeRule(_ rule: RuleID, _ findings: [Finding], into out: inout TextLines) {
        out.blank()
        out.append(style.paint(rule.rawValue, .heading) + " (" + Self.counts(findings) + ")")
        let indent = String(repeating: " ", count: 11)
        let deeper = String(repeating: " ", count: 17)
        for finding in findings {
            let marker = finding.waived ? "waived" : finding.inBaseline ? "baseline" : finding.severity.rawValue
            let paint = finding.waived || finding.inBaseline ? .muted : TerminalStyle.paint(for: finding.severity)
            out.para(finding.message, "  " + marker.padding(to: 9), indent, marker: paint)
            out.words(["path:"] + Self.steps(finding.path), indent, deeper)
            if let location = finding.location {
                out.words(["at:", TerminalText.escape(location.description)], indent, deeper)
            }
            if let cause = SourceText.phrase(finding, name: \.rawValue) {
                let place = finding.sourceLocation.map { ["at", $0.description] } ?? []
                out.words((["because", "of"] + cause.split(separator: " ").map(String.init) + place).map(TerminalText.escape), indent, deeper)
            }
            for note in finding.notes { out.para("note: " + note, indent, deeper) }
            if let reason = finding.waiverReason, finding.waived {
                out.para("waived: " + reason, indent, String(repeating: " ", count: 19))
            }
            out.para("fix:  " + finding.remediation, indent, deeper)
            out.para("fingerprint " + finding.fingerprint, indent, indent)
        }
    }

    func writeChoicesAndObligations(_ result: AuditResult, into out: inout TextLines) {
        if !result.choices.isEmpty {
            out.blank()
            out.append(style.paint("license choices", .heading))
            for choice in result.choices {
                out.para("\(choice.component): '\(choice.expression)' → '\(choice.chosen)': \(choice.reason)", "  ", "    ")
            }
        }
        if !result.obligations.isEmpty {
            out.blank()
            out.append(style.paint("obligations for the release", .heading))
            for obligation in result.obligations {
                var text = "\(obligation.kind.rawValue) (\(obligation.license))"
                if let owed = obligation.text { text += ": \"\(owed)\"" }
                text += " — " + Self.list(obligation.components.map(\.rawValue))
                out.para(text, "  ", "    ")
            }
        }
    }

    func writeDiagnostics(_ diagnostics: [Diagnostic], into out: inout TextLines) {
        guard !diagnostics.isEmpty else { return }
        out.blank()
        out.append(style.paint("diagnostics", .heading) + " (" + Self.diagnosticCounts(diagnostics) + ")")
        // The description is already escaped; its notes are lines of their own.
        for diagnostic in diagnostics {
            for (index, line) in diagnostic.description.split(separator: "\n").enumerated() {
                out.words(line.split(separator: " "), index == 0 ? "  " : "    ", "      ")
            }
        }
    }

    /// The last line: sizes, the findings by severity, and the diagnostics printed above counted apart,
    /// with the notes left out, so that every count is of something the reader can see or ask for.
    static func closingLine(_ result: AuditResult, diagnostics shown: [Diagnostic]) -> String {
        let summary = result.summary
        var line = "\(summary.components) components, \(summary.relationships) relationships; "
        let hidden = result.diagnostics.count - shown.count
        if !result.diagnostics.isEmpty {
            var parts = shown.isEmpty ? [] : [diagnosticCounts(shown)]
            if hidden > 0 { parts.append("\(hidden) note\(hidden == 1 ? "" : "s") not shown (--verbose shows them)") }
            line += "diagnostics: " + parts.joined(separator: ", ") + "; findings: "
        }
        return line + "\(severityCounts(summary)); \(summary.waived) waived; \(summary.blocking) blocking"
    }

    static func severityCounts(_ summary: AuditSummary) -> String {
        "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), \(summary.infos) info"
    }

    static func diagnosticCounts(_ diagnostics: [Diagnostic]) -> String {
        [Diagnostic.Severity.error, .warning, .note].compactMap { severity in
            let count = diagnostics.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }.joined(separator: ", ")
    }

    /// Every term that reaches one component and how (`pedigree explain`).
    public func write(_ explanation: Explanation) -> String {
        var out = TextLines(width: width, style: style)
        func para(_ text: String, _ first: String = "", _ rest: String = "  ") { out.para(text, first, rest) }
        para("\(explanation.component): \(explanation.license ?? "no usable license")")
        para("from the product: " + Self.draw(explanation.pathFromProduct), "  ", "    ")
        if explanation.terms.isEmpty { para("no license terms reach it", "  ", "    ") }
        for term in explanation.terms {
            let how = term.own ? "its own license" : "from '\(term.source)': " + Self.draw(term.path)
            para("\(term.license) [\(term.aspects.joined(separator: ", "))] — \(how)", "  ", "    ")
        }
        if !explanation.unknown.isEmpty {
            out.append("terms unknown")
            for unknown in explanation.unknown {
                let stated = unknown.statedLicense.map { "'\($0)'" } ?? "no license"
                para("\(unknown.component) states \(stated) — " + Self.draw(unknown.path), "  ", "    ")
            }
        }
        if !explanation.findings.isEmpty {
            out.append("findings")
            for finding in explanation.findings {
                para("\(finding.severity.rawValue) [\(finding.rule.rawValue)] \(finding.message)", "  ", "    ")
            }
        }
        return out.text
    }

    /// `app (depends-on) → model (fine-tuned-from) → base`; edges Pedigree added are marked.
    public static func draw(_ path: [PathStep]) -> String {
        path.map { step in
            var text = step.ref.rawValue
            if let edge = step.edge { text += " (" + edge.rawValue + (step.attached ? ", attached" : "") + ")" }
            return text
        }.joined(separator: " → ")
    }

    /// Each step of a path as one unbreakable word: `ref (edge)`, with `→` between steps.
    static func steps(_ path: [PathStep]) -> [String] {
        var words: [String] = []
        for (index, step) in path.enumerated() {
            if index > 0 { words.append("→") }
            var text = TerminalText.escape(step.ref.rawValue)
            if let edge = step.edge { text += " (" + edge.rawValue + (step.attached ? ", attached" : "") + ")" }
            words.append(text)
        }
        return words
    }

    static func counts(_ findings: [Finding], style: TerminalStyle = .plain) -> String {
        var parts: [String] = []
        for severity in FindingSeverity.allCases {
            let count = findings.filter { $0.severity == severity }.count
            let text = "\(count) \(severity.rawValue)\(count == 1 || severity == .info ? "" : "s")"
            if count > 0 { parts.append(style.paint(text, TerminalStyle.paint(for: severity))) }
        }
        return parts.joined(separator: ", ")
    }

    static func list(_ items: [String], limit: Int = 8) -> String {
        items.count <= limit ? items.joined(separator: ", ") : items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }
}

extension String {
    func padding(to length: Int) -> String { count >= length ? self + " " : self + String(repeating: " ", count: length - count) }
}

/// The report's lines as they are built: every input text escaped, wrapped to the width, markers painted.
struct TextLines {
    let wrapper: TextWrapper
    let style: TerminalStyle
    private(set) var lines: [String] = []

    init(width: Int, style: TerminalStyle) {
        wrapper = TextWrapper(width: width)
        self.style = style
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func blank() { lines.append("") }

    /// A line written as is (its parts are already escaped or are Pedigree's own words).
    mutating func append(_ line: String) { lines.append(line) }

    /// Text from the input or the engine, escaped and wrapped; `marker` paints the word `first` holds.
    mutating func para(_ text: String, _ first: String = "", _ rest: String = "  ", marker: TerminalStyle.Paint? = nil) {
        var wrapped = wrapper.wrap(TerminalText.escape(text), first: first, rest: rest)
        if let marker, let line = wrapped.first {
            wrapped[0] = style.paintPrefix(of: line, length: first.count, marker)
        }
        lines += wrapped
    }

    /// Words already escaped that must stay whole (lineage steps, a location), wrapped only between them.
    mutating func words<Word: StringProtocol>(_ words: [Word], _ first: String, _ rest: String) {
        lines += wrapper.wrap(words: words, first: first, rest: rest)
    }
}
