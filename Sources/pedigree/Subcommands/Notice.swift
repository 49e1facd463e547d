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

            When the same audit has blocking findings, the file is still written and a warning on standard \
            error says how many.

            Exit codes: 0 the file was written, 2 an input or the policy could not be used, 64 usage error \
            (also an --output in a folder that does not exist).

            Examples:
              pedigree notice Samples/hf-finetune-stack
              pedigree notice bom.cdx.json --distribution on-device --output NOTICE
            """
    )

    @OptionGroup
    var common: AuditRequestOptions

    @Option(help: ArgumentHelp("Write the NOTICE file here instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        try ReportOutput.checkFolder(of: output)
    }

    func run() throws {
        let run = Pipeline.audit(try common.request())
        try common.input.report(run.inputs, unwritten: "no NOTICE file was written")
        let report = AuditReport(result: run.result, inputs: run.inputs.reportInputs, toolVersion: PedigreeVersion.current)
        try ReportOutput.write(NoticeWriter(catalog: KnowledgeBase.shared).write(report), to: output)
        let blocking = run.result.summary.blocking
        if blocking > 0 {
            printError(
                "warning: [notice.blocking-findings] \(blocking) blocking finding\(blocking == 1 ? "" : "s"): the release this NOTICE is for does not pass 'pedigree audit' with the same inputs")
        }
        if run.inputs.hasInputErrors { throw ExitCode.unusableInput }
    }
}
