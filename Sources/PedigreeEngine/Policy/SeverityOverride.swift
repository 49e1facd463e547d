/// A policy's severity for one rule: one of the finding severities, or `off` to skip the rule.
public enum SeverityOverride: String, Sendable, Hashable, Codable, CaseIterable {
    case error, warning, info, off

    public var severity: FindingSeverity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .off: nil
        }
    }
}
