import PedigreeDiagnostics

/// An accepted finding: a component (ref, name or purl), optionally one rule, why, and until when.
public struct Waiver: Sendable, Hashable, Codable {
    /// The component's ref, name or purl (a purl without version matches every version).
    public var component: String
    /// The rule waived; nil waives every rule for the component.
    public var rule: RuleID?
    public var reason: String
    /// The last day the waiver applies; from the next day on it is reported as expired.
    public var expires: CalendarDate?
    /// Where the waiver is written, for its diagnostics.
    public var location: SourceLocation?

    public init(
        component: String, rule: RuleID? = nil, reason: String, expires: CalendarDate? = nil,
        location: SourceLocation? = nil
    ) {
        self.component = component
        self.rule = rule
        self.reason = reason
        self.expires = expires
        self.location = location
    }

    /// Whether the waiver has expired on `today` (it still applies on its `expires` day).
    public func isExpired(on today: CalendarDate?) -> Bool {
        guard let expires, let today else { return false }
        return today > expires
    }
}
