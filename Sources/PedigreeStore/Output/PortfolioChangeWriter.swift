import Foundation
import PedigreeCore

/// Renders what `impact` and `reaudit` found: per release, the findings gained and lost.
public enum PortfolioChangeWriter {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public static func write(_ report: ImpactReport, format: Format) throws(StoreError) -> String {
        guard format == .text else { return try json(report) }
        var out = "if '\(TerminalText.escape(report.relabel.component))' were licensed '\(TerminalText.escape(report.relabel.license))':\n"
        for release in report.changed {
            out += "\(TerminalText.escape(release.product)) \(TerminalText.escape(release.release))\n"
            out += lines(release.gained, marker: "+") + lines(release.lost, marker: "-")
        }
        out += "\(report.changed.count) of \(report.releasesChecked) release\(report.releasesChecked == 1 ? "" : "s") containing it would change; the store was not changed\n"
        return out
    }

    public static func write(_ report: ReauditReport, format: Format) throws(StoreError) -> String {
        guard format == .text else { return try json(report) }
        var out = ""
        for release in report.reaudited {
            let why = release.reasons.isEmpty ? "requested" : release.reasons.joined(separator: ", ") + " changed"
            out += "\(TerminalText.escape(release.product)) \(TerminalText.escape(release.release)): evaluation #\(release.evaluation) (\(why)), \(release.new.count) new, \(release.resolved.count) resolved, \(release.blocking) blocking\n"
            out += lines(release.new, marker: "+") + lines(release.resolved, marker: "-")
        }
        out += "\(report.reaudited.count) of \(report.releasesChecked) release\(report.releasesChecked == 1 ? "" : "s") audited again\n"
        return out
    }

    /// One line per finding; a finding whose term another component's license imposes names it on a
    /// second line, with where that license is stated.
    static func lines(_ findings: [StoredFinding], marker: String) -> String {
        findings.map { finding in
            var out = "  \(marker) \(finding.severity) \(finding.rule) \(TerminalText.escape(finding.component)): "
                + "\(TerminalText.escape(finding.message))\n"
            if let cause = finding.cause {
                out += "      because of \(TerminalText.escape(cause))"
                out += finding.sourceLocation.map { " at \(TerminalText.escape($0.description))" } ?? ""
                out += "\n"
            }
            return out
        }.joined()
    }

    static func json(_ value: some Encodable) throws(StoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw StoreError.damaged("the answer cannot be encoded: \(error)")
        }
    }
}
