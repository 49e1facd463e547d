import PedigreeEngine

/// Which findings fail the run (`--fail-on`): errors (the default, DOMAIN §6), warnings too, or none.
///
/// A finding that is waived or whose fingerprint is in the baseline never fails the run, so a pull
/// request is judged only on what it introduces.
public enum FailOn: String, Sendable, Hashable, CaseIterable {
    case error, warning, never

    /// The lowest severity that fails, nil for `never`.
    public var threshold: FindingSeverity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .never: nil
        }
    }

    public func fails(_ finding: Finding) -> Bool {
        guard let threshold else { return false }
        return finding.severity >= threshold && !finding.waived && !finding.inBaseline
    }

    /// The findings that fail the run, in report order.
    public func failing(_ result: AuditResult) -> [Finding] { result.findings.filter(fails) }

    /// The exit code (DOMAIN §6): 2 when an input could not be used, else 1 when a finding fails, else 0.
    public func exitCode(_ result: AuditResult, inputErrors: Bool) -> Int32 {
        if inputErrors { return 2 }
        return failing(result).isEmpty ? 0 : 1
    }
}
