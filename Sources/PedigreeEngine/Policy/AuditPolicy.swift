import PedigreeModel

/// What the organisation decided: product context, denied and allowed licenses, severities,
/// interpretations and waivers. Parsing the policy file is the pipeline's job; this is the value.
public struct AuditPolicy: Sendable, Hashable, Codable {
    /// Product context from the policy file; the context passed to the audit overrides it field by field.
    public var product: ProductContext
    /// License ids or categories (`non-commercial`, `network-copyleft`… see `LicenseCategory`).
    public var deny: [String]
    /// License ids or categories that are allowed even when `deny` matches; when `deny` is empty and
    /// `allow` is not, every known license that `allow` does not match is denied.
    public var allow: [String]
    public var severity: [RuleID: SeverityOverride]
    public var interpretation: Interpretation
    public var waivers: [Waiver]

    public init(
        product: ProductContext = ProductContext(), deny: [String] = [], allow: [String] = [],
        severity: [RuleID: SeverityOverride] = [:], interpretation: Interpretation = Interpretation(),
        waivers: [Waiver] = []
    ) {
        self.product = product
        self.deny = deny
        self.allow = allow
        self.severity = severity
        self.interpretation = interpretation
        self.waivers = waivers
    }

    /// The severity a rule's findings get, nil when the policy turns the rule off.
    public func severity(of rule: RuleID) -> FindingSeverity? {
        guard let override = severity[rule] else { return rule.defaultSeverity }
        return override.severity
    }
}
