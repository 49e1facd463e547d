import ArgumentParser
import PedigreeCore

/// The policy file, shared by the commands that audit (`audit`, `explain`, `notice`).
struct PolicyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A policy file (YAML or JSON): context, deny/allow, severities, waivers.", valueName: "file"))
    var policy: String?

    /// Puts the policy into the request; its warnings go to standard error, and a policy that cannot be
    /// used stops the run with exit code 2.
    func apply(to request: inout AuditRequest) throws {
        guard let policy else { return }
        let file = try Self.read(policy)
        request.policy = file.policy
        request.policyStatesInterpretation = file.statesInterpretation
    }

    /// Reads the policy file; its warnings go to standard error, any error stops the run with exit code 2.
    static func read(_ path: String) throws -> PolicyFile {
        let file: PolicyFile
        do {
            file = try PolicyFileReader.read(path: path)
        } catch {
            DiagnosticPrinter.print([error.diagnostic], verbose: true)
            throw ExitCode.unusableInput
        }
        DiagnosticPrinter.print(file.diagnostics, verbose: true)
        if file.hasErrors {
            printError("error: [policy.invalid] the policy '\(TerminalText.escape(path))' has errors; nothing was audited")
            throw ExitCode.unusableInput
        }
        return file
    }
}
