/// How the findings of this audit compare with an accepted baseline (`--baseline`, DOMAIN §8.7).
///
/// A finding is *new* when its fingerprint is absent from the baseline, *unchanged* when present; a
/// baseline finding whose fingerprint no current finding has is *resolved*. Only new findings can
/// block, which is how a pull request is gated on what it introduces rather than on old debt.
public struct BaselineComparison: Sendable, Hashable, Codable {
    /// A finding of the earlier run, as much as its report recorded (an SBOM baseline records all).
    public struct Entry: Sendable, Hashable, Codable {
        public var fingerprint: String
        /// The rule id as written (kept as text: an older report may name a rule this version lacks).
        public var rule: String?
        public var severity: String?
        public var component: String?
        public var message: String?

        public init(fingerprint: String, rule: String? = nil, severity: String? = nil, component: String? = nil, message: String? = nil) {
            self.fingerprint = fingerprint
            self.rule = rule
            self.severity = severity
            self.component = component
            self.message = message
        }

        /// The entry a finding of a baseline audit leaves.
        public init(_ finding: Finding) {
            self.init(
                fingerprint: finding.fingerprint, rule: finding.rule.rawValue, severity: finding.severity.rawValue,
                component: finding.component.rawValue, message: finding.message)
        }
    }

    /// The file the baseline was read from, as given.
    public var source: String
    /// Fingerprints of current findings absent from the baseline, in report order.
    public var new: [String]
    /// Fingerprints of current findings present in the baseline, in report order.
    public var unchanged: [String]
    /// Baseline findings that no current finding matches, sorted by rule, component and fingerprint.
    public var resolved: [Entry]

    /// Compares current findings with the baseline's entries.
    ///
    /// - Complexity: O(n + m) for n findings and m baseline entries.
    public init(source: String, findings: [Finding], baseline: [Entry]) {
        self.source = source
        let accepted = Set(baseline.map(\.fingerprint))
        let current = Set(findings.map(\.fingerprint))
        var seen = Set<String>()
        new = []
        unchanged = []
        for finding in findings where seen.insert(finding.fingerprint).inserted {
            if accepted.contains(finding.fingerprint) {
                unchanged.append(finding.fingerprint)
            } else {
                new.append(finding.fingerprint)
            }
        }
        var resolvedSeen = Set<String>()
        resolved = baseline.filter { !current.contains($0.fingerprint) && resolvedSeen.insert($0.fingerprint).inserted }
            .sorted { l, r in
                let left = (RuleID(rawValue: l.rule ?? "")?.catalogueIndex ?? Int.max, l.component ?? "", l.fingerprint)
                let right = (RuleID(rawValue: r.rule ?? "")?.catalogueIndex ?? Int.max, r.component ?? "", r.fingerprint)
                return left < right
            }
    }
}
