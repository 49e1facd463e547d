import PedigreeDiagnostics
import PedigreeModel

/// One problem (or owed duty) the rules found, with everything a reader needs to act on it.
///
/// `component` is the component whose license term is broken: the last ref of `path`. `firedAt` is
/// where the rule was evaluated (the product for product-wide rules, the derivative for derivative
/// rules); both enter the fingerprint, versions and refs do not.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: RuleID
    public var severity: FindingSeverity
    public var message: String
    public var component: ComponentRef
    public var firedAt: ComponentRef
    /// License ids concerned, in the order the message names them.
    public var licenses: [String]
    /// From the product down to `component`, with edge kinds.
    public var path: [PathStep]
    /// Where `component` (or its license) is stated in the input.
    public var location: SourceLocation?
    public var remediation: String
    /// Stable across runs and input order (DOMAIN §8.7).
    public var fingerprint: String
    /// Extra facts: the threshold's measuring date, a known license, the other side of a conflict.
    public var notes: [String]
    public var waived: Bool
    public var waiverReason: String?
    /// Set when the same fingerprint was present in the baseline: reported, not blocking.
    public var inBaseline: Bool

    public init(
        rule: RuleID, severity: FindingSeverity, message: String, component: ComponentRef, firedAt: ComponentRef,
        licenses: [String], path: [PathStep], location: SourceLocation?, remediation: String,
        fingerprint: String = "", notes: [String] = [], waived: Bool = false, waiverReason: String? = nil,
        inBaseline: Bool = false
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.component = component
        self.firedAt = firedAt
        self.licenses = licenses
        self.path = path
        self.location = location
        self.remediation = remediation
        self.fingerprint = fingerprint
        self.notes = notes
        self.waived = waived
        self.waiverReason = waiverReason
        self.inBaseline = inBaseline
    }

    /// The lowest severity that blocks in this run (`AuditOptions.blockingSeverity`); nil: none does.
    public var blockingSeverity: FindingSeverity? = .error

    /// Blocking = at least the run's blocking severity (`error` by default), not waived, and not
    /// already accepted in the baseline.
    public var isBlocking: Bool {
        guard let blockingSeverity else { return false }
        return severity >= blockingSeverity && !waived && !inBaseline
    }
}
