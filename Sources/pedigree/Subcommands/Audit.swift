#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import PedigreeCore

/// `pedigree audit`: reads the inputs, carries every license's terms along the lineage and reports conflicts.
struct Audit: ParsableCommand {
    enum Format: String, CaseInsensitiveArgument, CaseIterable {
        case text, json, sarif, junit, markdown, html
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

            A policy file (--policy, YAML or JSON: Schemas/policy.schema.json) states the product context, \
            denied and allowed licenses, rule severities, interpretations and waivers. With --baseline, \
            only findings absent from the baseline (an earlier JSON or SARIF report, or an SBOM audited \
            the same way) can fail the run; the report shows new, unchanged and resolved findings.

            Formats: text, json (Schemas/report.schema.json), sarif (SARIF 2.1.0 for code scanning, within \
            GitHub's limits; info findings only with --include-info), \
            junit (one test case per finding), markdown (for pull-request comments), html \
            (one self-contained page for release review).

            Exit codes: 0 no blocking findings, 1 blocking findings (errors, or warnings with \
            --fail-on warning; the summary counts the same), 2 an input, the policy or the baseline could \
            not be used, 64 usage error (also an --output in a folder that does not exist). With --output, \
            a failing run prints one line on standard error for the CI log. Format and level names are \
            case-insensitive.

            Examples:
              pedigree audit Samples/hf-finetune-stack
              pedigree audit bom.cdx.json --distribution saas --mau 250000000
              pedigree audit sboms/ --format json --output report.json
              pedigree audit bom.cdx.json --policy policy.yaml --baseline base.cdx.json --format sarif --output pedigree.sarif
            """
    )

    @OptionGroup
    var common: AuditRequestOptions

    @Option(help: "Report format: text, json, sarif, junit, markdown or html.")
    var format: Format = .text

    @Option(
        help: ArgumentHelp(
            "An earlier JSON or SARIF report, or an SBOM: only findings absent from it block.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Which findings make the exit code 1: error, warning or never.", valueName: "level"))
    var failOn: FailOn = .error

    @Flag(help: "SARIF: also write info findings (attribution, source offers) as results.")
    var includeInfo = false

    func validate() throws {
        try ReportOutput.checkFolder(of: output)
    }

    func run() throws {
        var request = try common.request()
        request.options.blockingSeverity = failOn.threshold
        let run = Pipeline.audit(request, baseline: try readBaseline(request))
        // The engine's diagnostics are part of the report; the inputs' go to standard error.
        try common.input.report(run.inputs, unwritten: "no report was written")
        let report = AuditReport(
            result: run.result, inputs: run.inputs.reportInputs, toolVersion: PedigreeVersion.current)
        try ReportOutput.write(writer(for: request.policy).write(report), to: output)
        let status = failOn.exitCode(run.result, inputErrors: run.inputs.hasInputErrors)
        if let output, status != 0 { printError(Self.verdict(status: status, result: run.result, failOn: failOn, output: output)) }
        throw ExitCode(status)
    }

    func readBaseline(_ request: AuditRequest) throws -> (source: String, entries: [BaselineComparison.Entry])? {
        guard let baseline else { return nil }
        do {
            return (baseline, try BaselineLoader.load(baseline, request: request))
        } catch {
            DiagnosticPrinter.print([error.diagnostic], verbose: true)
            throw ExitCode.unusableInput
        }
    }

    func writer(for policy: AuditPolicy) -> any ReportWriter {
        switch format {
        case .text: TerminalOutput.textReportWriter(writingTo: output, verbose: common.input.verbose)
        case .json: JSONReportWriter()
        case .sarif: SARIFReportWriter(workingDirectory: Self.workingDirectory(), includeInfo: includeInfo)
        case .junit: JUnitReportWriter(failOn: failOn.threshold, rules: RuleID.allCases.filter { policy.severity(of: $0) != nil })
        case .markdown: MarkdownReportWriter()
        case .html: HTMLReportWriter()
        }
    }

    /// The one line a CI log shows when the report went to a file: why the run failed, and where to look.
    static func verdict(status: Int32, result: AuditResult, failOn: FailOn, output: String) -> String {
        let file = "see '\(TerminalText.escape(output))'"
        guard status == 1 else { return "pedigree audit: an input could not be used (above); \(file)" }
        let count = result.summary.blocking
        let what = failOn == .warning ? "errors or warnings" : "errors"
        return "pedigree audit: failed, \(count) blocking finding\(count == 1 ? "" : "s") (\(what) neither waived nor in the baseline); \(file)"
    }

    static func workingDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension FailOn: CaseInsensitiveArgument {}
