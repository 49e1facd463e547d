import PedigreeDiagnostics
import PedigreeEngine
import PedigreeModel

/// Writes the audit for a terminal: findings grouped by rule, each with its path drawn as
/// `product (depends-on) → model (fine-tuned-from) → base`, in lines of at most 100 columns.
///
/// Every text that comes from an input (names, refs, license texts, messages quoting them) goes
/// through `TerminalText.escape`, so a hostile SBOM cannot move the cursor or reorder the console.
public struct TextReportWriter: ReportWriter {
    public var width: Int

    public init(width: Int = 100) { self.width = max(40, width) }

    public func write(_ report: AuditReport) -> String {
        let result = report.result
        let wrapper = TextWrapper(width: width)
        var lines: [String] = []
        func para(_ text: String, _ first: String = "", _ rest: String = "  ") {
            lines += wrapper.wrap(TerminalText.escape(text), first: first, rest: rest)
        }
        let context = result.context
        let productName = context.name ?? context.roots.first?.rawValue ?? "product"
        para("\(report.toolName) \(report.toolVersion) audit of '\(productName)'")
        let use = context.commercial ? "commercial" : "non-commercial"
        para("context: \(use); distributed as \(context.distribution.map(\.rawValue).joined(separator: ", ")); license: \(context.license ?? "not stated")", "  ", "    ")
        if !context.roots.isEmpty {
            para("product: " + context.roots.map(\.rawValue).joined(separator: ", "), "  ", "    ")
        }
        for assumption in context.assumptions { para("assumed: " + assumption, "  ", "    ") }
        for rule in RuleID.allCases {
            let findings = result.findings.filter { $0.rule == rule }
            guard !findings.isEmpty else { continue }
            lines.append("")
            lines.append(rule.rawValue + " (" + Self.counts(findings) + ")")
            for finding in findings {
                let marker = finding.waived ? "waived" : finding.inBaseline ? "baseline" : finding.severity.rawValue
                para(finding.message, "  " + marker.padding(to: 9), String(repeating: " ", count: 11))
                para("path: " + Self.draw(finding.path), String(repeating: " ", count: 11), String(repeating: " ", count: 17))
                if let location = finding.location {
                    para("at:   " + location.description, String(repeating: " ", count: 11), String(repeating: " ", count: 17))
                }
                for note in finding.notes {
                    para("note: " + note, String(repeating: " ", count: 11), String(repeating: " ", count: 17))
                }
                if let reason = finding.waiverReason, finding.waived {
                    para("waived: " + reason, String(repeating: " ", count: 11), String(repeating: " ", count: 19))
                }
                para("fix:  " + finding.remediation, String(repeating: " ", count: 11), String(repeating: " ", count: 17))
                para("fingerprint " + finding.fingerprint, String(repeating: " ", count: 11), String(repeating: " ", count: 11))
            }
        }
        if !result.choices.isEmpty {
            lines.append("")
            lines.append("license choices")
            for choice in result.choices {
                para("\(choice.component): '\(choice.expression)' → '\(choice.chosen)': \(choice.reason)", "  ", "    ")
            }
        }
        if !result.obligations.isEmpty {
            lines.append("")
            lines.append("obligations for the release")
            for obligation in result.obligations {
                var text = "\(obligation.kind.rawValue) (\(obligation.license))"
                if let owed = obligation.text { text += ": \"\(owed)\"" }
                text += " — " + Self.list(obligation.components.map(\.rawValue))
                para(text, "  ", "    ")
            }
        }
        if !result.diagnostics.isEmpty {
            lines.append("")
            lines.append("diagnostics")
            for diagnostic in result.diagnostics { para(diagnostic.description, "  ", "    ") }
        }
        lines.append("")
        let summary = result.summary
        para(
            "\(summary.components) components, \(summary.relationships) relationships; \(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), \(summary.infos) info; \(summary.waived) waived; \(summary.blocking) blocking")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every term that reaches one component and how (`pedigree explain`).
    public func write(_ explanation: Explanation) -> String {
        let wrapper = TextWrapper(width: width)
        var lines: [String] = []
        func para(_ text: String, _ first: String = "", _ rest: String = "  ") {
            lines += wrapper.wrap(TerminalText.escape(text), first: first, rest: rest)
        }
        para("\(explanation.component): \(explanation.license ?? "no usable license")")
        para("from the product: " + Self.draw(explanation.pathFromProduct), "  ", "    ")
        if explanation.terms.isEmpty { para("no license terms reach it", "  ", "    ") }
        for term in explanation.terms {
            let how = term.own ? "its own license" : "from '\(term.source)': " + Self.draw(term.path)
            para("\(term.license) [\(term.aspects.joined(separator: ", "))] — \(how)", "  ", "    ")
        }
        if !explanation.unknown.isEmpty {
            lines.append("terms unknown")
            for unknown in explanation.unknown {
                let stated = unknown.statedLicense.map { "'\($0)'" } ?? "no license"
                para("\(unknown.component) states \(stated) — " + Self.draw(unknown.path), "  ", "    ")
            }
        }
        if !explanation.findings.isEmpty {
            lines.append("findings")
            for finding in explanation.findings {
                para("\(finding.severity.rawValue) [\(finding.rule.rawValue)] \(finding.message)", "  ", "    ")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `app (depends-on) → model (fine-tuned-from) → base`; edges Pedigree added are marked.
    public static func draw(_ path: [PathStep]) -> String {
        path.map { step in
            var text = step.ref.rawValue
            if let edge = step.edge { text += " (" + edge.rawValue + (step.attached ? ", attached" : "") + ")" }
            return text
        }.joined(separator: " → ")
    }

    static func counts(_ findings: [Finding]) -> String {
        var parts: [String] = []
        for severity in FindingSeverity.allCases {
            let count = findings.filter { $0.severity == severity }.count
            if count > 0 { parts.append("\(count) \(severity.rawValue)\(count == 1 || severity == .info ? "" : "s")") }
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
