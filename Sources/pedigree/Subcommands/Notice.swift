import ArgumentParser
import PedigreeCore

/// `pedigree notice`: writes the NOTICE file of a release from the same audit `pedigree audit` runs.
struct Notice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Write the NOTICE file for a release: attributions, license texts owed, use restrictions, source offers.",
        discussion: """
            Audits the INPUTs as 'pedigree audit' does and writes, as plain text, what the shipped components' \
            licenses require to accompany the release: display strings such as "Built with Llama" and notice \
            texts, the components and datasets with their licenses, the license texts and NOTICE files to \
            include, the use restrictions passed on to recipients (OpenRAIL, Gemma, Llama), and the source \
            offer copyleft code needs. Components only development, build or tests bring in are left out. \
            The file is deterministic: the same inputs give the same bytes.

            Exit codes: 0 the file was written, 2 an input or the policy could not be used, 64 usage error.

            Examples:
              pedigree notice Samples/hf-finetune-stack
              pedigree notice bom.cdx.json --distribution on-device --output NOTICE
            """
    )

    @Argument(help: ArgumentHelp("SBOM files, model cards, GGUF files, pedigree.yaml, or folders.", valueName: "input"))
    var inputs: [String] = []

    @OptionGroup(title: "Product context")
    var product: ProductContextOptions

    @Option(help: ArgumentHelp("A policy file (YAML or JSON) stating the product context and interpretations.", valueName: "file"))
    var policy: String?

    @Option(help: ArgumentHelp("Write the NOTICE file here instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Also print notes, e.g. files in folders that were skipped as not SBOMs.")
    var verbose = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input file or folder") }
    }

    func run() throws {
        var request = AuditRequest(inputs: inputs, context: product.context)
        if let policy {
            let file = try Audit.readPolicy(policy)
            request.policy = file.policy
            request.policyStatesInterpretation = file.statesInterpretation
        }
        let run = Pipeline.audit(request)
        DiagnosticPrinter.print(run.inputs.diagnostics, verbose: verbose)
        if run.inputs.load.documents.isEmpty {
            printError("error: [input.nothing-read] none of the inputs could be read; no NOTICE file was written")
            throw ExitCode(2)
        }
        let report = AuditReport(result: run.result, inputs: run.inputs.reportInputs, toolVersion: PedigreeVersion.current)
        try ReportOutput.write(NoticeWriter(catalog: KnowledgeBase.shared).write(report), to: output)
        if run.inputs.hasInputErrors { throw ExitCode(2) }
    }
}
