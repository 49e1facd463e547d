import PedigreeDiagnostics
import PedigreeModel

/// One problem (or owed duty) the rules found, with everything a reader needs to act on it.
///
/// `component` is where the user must act (DOMAIN §8.5): for a rule about a derivative (naming,
/// use-restriction-flowdown, output-restriction, no-derivatives, license drift) the derivative that must
/// change, located in its own file; otherwise the component whose license term is broken. `source` is
/// the component whose license carries the term: the base model of a derivative finding, else
/// `component` itself. `firedAt` is where the rule was evaluated (the product for product-wide rules,
/// the derivative for derivative rules).
///
/// Decisions: the fingerprint hashes the rule, `source`, `firedAt` and the license ids — the same
/// values it hashed when `component` still named the base model of a derivative finding — so moving
/// the blame to the derivative changed no fingerprint and baselines written before still match.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: RuleID
    public var severity: FindingSeverity
    public var message: String
    /// The component that must act: the derivative for derivative rules.
    public var component: ComponentRef
    /// The component whose license carries the term; `component` when its own license does.
    public var source: ComponentRef
    public var firedAt: ComponentRef
    /// License ids concerned, in the order the message names them (the term's license first).
    public var licenses: [String]
    /// From the product down to `source`, through `component` when it is a derivative of it.
    public var path: [PathStep]
    /// Where `component` (or its license) is stated in the input.
    public var location: SourceLocation?
    /// Where `source`'s license is stated, when `source` is not `component`.
    public var sourceLocation: SourceLocation?
    public var remediation: String
    /// Stable across runs and input order (DOMAIN §8.7).
    public var fingerprint: String
    /// For a conflict, each side: the component whose license meets the other, with that license
    /// (DOMAIN §8.5); empty for every other rule.
    public var parties: [FindingParty]
    /// Extra facts: the threshold's measuring date, a known license, the other side of a conflict.
    public var notes: [String]
    public var waived: Bool
    public var waiverReason: String?
    /// Set when the same fingerprint was present in the baseline: reported, not blocking.
    public var inBaseline: Bool

    public init(
        rule: RuleID, severity: FindingSeverity, message: String, component: ComponentRef, source: ComponentRef? = nil,
        firedAt: ComponentRef, licenses: [String], path: [PathStep], location: SourceLocation?,
        sourceLocation: SourceLocation? = nil, remediation: String, fingerprint: String = "", parties: [FindingParty] = [],
        notes: [String] = [],
        waived: Bool = false, waiverReason: String? = nil, inBaseline: Bool = false
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.component = component
        self.source = source ?? component
        self.firedAt = firedAt
        self.licenses = licenses
        self.path = path
        self.location = location
        self.sourceLocation = sourceLocation
        self.remediation = remediation
        self.fingerprint = fingerprint
        self.parties = parties
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

/// One side of a conflict: a component and the license it brings into the work.
public struct FindingParty: Sendable, Hashable, Codable {
    public var component: ComponentRef
    public var license: String
    /// Where the component's license is stated.
    public var location: SourceLocation?

    public init(component: ComponentRef, license: String, location: SourceLocation?) {
        self.component = component
        self.license = license
        self.location = location
    }
}
