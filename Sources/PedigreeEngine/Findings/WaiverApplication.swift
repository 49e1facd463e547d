import PedigreeDiagnostics
import PedigreeModel

/// Applies waivers and the baseline to findings, and reports waivers that no longer do anything.
///
/// Decisions: a waiver matches a finding's `component` or its `source` by ref, name or purl (a purl
/// without version matches every version), so a waiver written for a base model still covers the
/// findings its license raises on derivatives, and one written for the derivative covers them too;
/// an expired waiver does not apply and is reported once (`policy.waiver-expired`, warning), naming
/// how many findings it would have covered; a waiver that matches nothing is stale
/// (`policy.waiver-stale`, warning) so that policies do not collect dead entries.
public enum WaiverApplication {
    public struct Identity: Sendable {
        public var name: String
        public var purl: String?

        public init(name: String, purl: String?) {
            self.name = name
            self.purl = purl
        }
    }

    public static func apply(
        _ waivers: [Waiver], to findings: inout [Finding], identities: [ComponentRef: Identity], today: CalendarDate?
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for waiver in waivers {
            var matched = 0
            let expired = waiver.isExpired(on: today)
            for position in findings.indices where matches(waiver, findings[position], identities) {
                matched += 1
                if !expired, !findings[position].waived {
                    findings[position].waived = true
                    findings[position].waiverReason = waiver.reason
                }
            }
            let what = "waiver for \(waiver.rule.map { "rule '\($0.rawValue)'" } ?? "every rule") on '\(waiver.component)'"
            if expired, let expires = waiver.expires {
                diagnostics.append(.warning(
                    "policy.waiver-expired",
                    "\(what) expired on \(expires) and no longer applies (\(matched) finding\(matched == 1 ? "" : "s") it would cover)",
                    at: waiver.location))
            } else if matched == 0 {
                diagnostics.append(.warning("policy.waiver-stale", "\(what) matches no finding", at: waiver.location))
            }
        }
        return diagnostics
    }

    static func matches(_ waiver: Waiver, _ finding: Finding, _ identities: [ComponentRef: Identity]) -> Bool {
        if let rule = waiver.rule, rule != finding.rule { return false }
        return names(waiver, finding.component, identities)
            || (finding.source != finding.component && names(waiver, finding.source, identities))
    }

    /// Whether the waiver's `component` names this component by ref, name or purl.
    static func names(_ waiver: Waiver, _ ref: ComponentRef, _ identities: [ComponentRef: Identity]) -> Bool {
        if waiver.component == ref.rawValue { return true }
        guard let identity = identities[ref] else { return false }
        if waiver.component == identity.name { return true }
        guard let purl = identity.purl else { return false }
        if waiver.component == purl { return true }
        let bare = !waiver.component.dropFirst(4).contains("@")
        return bare && waiver.component.hasPrefix("pkg:")
            && Fingerprint.identity(purl: waiver.component, name: "") == Fingerprint.identity(purl: purl, name: "")
    }

    /// Marks findings whose fingerprint the baseline holds.
    public static func applyBaseline(_ baseline: Set<String>, to findings: inout [Finding]) {
        guard !baseline.isEmpty else { return }
        for position in findings.indices where baseline.contains(findings[position].fingerprint) {
            findings[position].inBaseline = true
        }
    }
}
