import PedigreeDiagnostics
import PedigreeEngine

/// A policy file as read: the policy, and what was wrong with the file.
///
/// The policy is strict: any error diagnostic (unknown key, wrong type, unknown rule, bad date) makes
/// the file unusable, and the audit stops with exit code 2 rather than run under a policy that says
/// something other than what its author meant. Warnings (a license the knowledge base does not know)
/// leave the policy usable.
public struct PolicyFile: Sendable {
    public var path: String
    public var policy: AuditPolicy
    public var diagnostics: [Diagnostic]
    /// Whether the file states `interpretation` (which then wins over the manifest's).
    public var statesInterpretation: Bool

    public init(path: String, policy: AuditPolicy, diagnostics: [Diagnostic] = [], statesInterpretation: Bool = false) {
        self.path = path
        self.policy = policy
        self.diagnostics = diagnostics
        self.statesInterpretation = statesInterpretation
    }

    /// Whether any problem makes the policy unusable.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
