import ArgumentParser
import PedigreeCore

/// The policy file, shared by the commands that audit (`audit`, `explain`).
struct PolicyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A policy file (YAML or JSON): context, deny/allow, severities, waivers.", valueName: "file"))
    var policy: String?

    /// Puts the policy into the request; its warnings go to standard error, and a policy that cannot be
    /// used stops the run with exit code 2.
    func apply(to request: inout AuditRequest) throws {
        guard let policy else { return }
        let file = try Audit.readPolicy(policy)
        request.policy = file.policy
        request.policyStatesInterpretation = file.statesInterpretation
    }
}
