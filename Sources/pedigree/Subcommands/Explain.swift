import ArgumentParser
import PedigreeCore

/// `pedigree explain`: every license term that reaches one component, and the path that carried it.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every license term that reaches one component, and how it got there.",
        discussion: """
            Audits the inputs as `pedigree audit` does, then prints for the component named by \
            --component (its ref, name or purl): its own license, the path from the product to it, every \
            term that reaches it with each component it comes from and the edges that carried it, the \
            components it uses whose terms are unknown, and the findings that concern it. The product \
            context flags and --policy work as for `pedigree audit`.

            Exit codes: 0 explained, 2 an input could not be used or no component matches, 64 usage error.

            Example:
              pedigree explain Samples/hf-finetune-stack --component acme/support-llama-3.1-8b
            """
    )

    @OptionGroup
    var common: AuditRequestOptions

    @Option(help: ArgumentHelp("The component to explain: its ref, name or purl.", valueName: "ref"))
    var component: String

    func run() throws {
        let run = Pipeline.audit(try common.request())
        try common.input.report(run.inputs, unwritten: "nothing was explained")
        guard let explanation = run.result.explain(component: component) else {
            printError("error: [explain.no-such-component] no component has the ref, name or purl '\(TerminalText.escape(component))'")
            throw ExitCode.unusableInput
        }
        print(TerminalOutput.textReportWriter(writingTo: nil).write(explanation), terminator: "")
        if run.inputs.hasInputErrors { throw ExitCode.unusableInput }
    }
}
