import ArgumentParser
import PedigreeCore

/// `pedigree audit`: reads the inputs, carries every license's terms along the lineage and reports conflicts.
struct Audit: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, never
    }

    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit the license terms that reach the product through its lineage.",
        discussion: """
            Reads every INPUT (files, or folders read recursively; formats detected by content), merges them \
            into one lineage graph, carries each license's terms along fine-tunes, merges, adapters, \
            quantizations, training data and links, and reports every conflict with the path that explains it.

            The product context (commercial? SaaS or shipped binary? how many users?) comes from a \
            pedigree.yaml among the inputs, overridden by the flags below. Unstated, Pedigree assumes the \
            strictest common case (commercial, distributed as a binary) and says so in the report.

            Exit codes: 0 no blocking findings, 1 blocking findings (errors, or warnings with \
            --fail-on warning), 2 an input could not be used, 64 usage error.

            Examples:
              pedigree audit Samples/hf-finetune-stack
              pedigree audit bom.cdx.json --distribution saas --mau 250000000
              pedigree audit sboms/ --format json --output report.json
            """
    )

    @Argument(help: ArgumentHelp("SBOM files, model cards, GGUF files, pedigree.yaml, or folders.", valueName: "input"))
    var inputs: [String] = []

    @OptionGroup(title: "Product context")
    var product: ProductContextOptions

    @Option(help: "Report format: text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Which findings make the exit code 1: error, warning or never.", valueName: "level"))
    var failOn: FailOn = .error

    @Flag(help: "Also print notes, e.g. files in folders that were skipped as not SBOMs.")
    var verbose = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input file or folder") }
    }

    func run() throws {
        let run = Pipeline.audit(AuditRequest(inputs: inputs, context: product.context))
        // The engine's diagnostics are part of the report; the inputs' go to standard error.
        DiagnosticPrinter.print(run.inputs.diagnostics, verbose: verbose)
        if run.inputs.load.documents.isEmpty {
            printError("error: [input.nothing-read] none of the inputs could be read; no report was written")
            throw ExitCode(2)
        }
        let report = AuditReport(
            result: run.result, inputs: run.inputs.reportInputs, toolVersion: PedigreeVersion.current)
        let text: String
        switch format {
        case .text: text = TextReportWriter().write(report)
        case .json: text = JSONReportWriter().write(report)
        }
        try ReportOutput.write(text, to: output)
        if run.inputs.hasInputErrors { throw ExitCode(2) }
        if Self.blocks(run.result, failOn: failOn) { throw ExitCode(1) }
    }

    static func blocks(_ result: AuditResult, failOn: FailOn) -> Bool {
        switch failOn {
        case .never: false
        case .error: result.summary.blocking > 0
        case .warning:
            result.summary.blocking > 0
                || result.findings.contains { $0.severity == .warning && !$0.waived && !$0.inBaseline }
        }
    }
}
