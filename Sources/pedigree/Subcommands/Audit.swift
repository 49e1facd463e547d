#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import PedigreeCore

/// `pedigree audit`: reads the inputs, carries every license's terms along the lineage and reports conflicts.
struct Audit: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
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
            junit (one test case per component and rule), markdown (for pull-request comments), html \
            (one self-contained page for release review).

            Exit codes: 0 no blocking findings, 1 blocking findings (errors, or warnings with \
            --fail-on warning), 2 an input, the policy or the baseline could not be used, 64 usage error.

            Examples:
              pedigree audit Samples/hf-finetune-stack
              pedigree audit bom.cdx.json --distribution saas --mau 250000000
              pedigree audit sboms/ --format json --output report.json
              pedigree audit bom.cdx.json --policy policy.yaml --baseline base.cdx.json --format sarif --output pedigree.sarif
            """
    )

    @Argument(help: ArgumentHelp("SBOM files, model cards, GGUF files, pedigree.yaml, or folders.", valueName: "input"))
    var inputs: [String] = []

    @OptionGroup(title: "Product context")
    var product: ProductContextOptions

    @Option(help: "Report format: text, json, sarif, junit, markdown or html.")
    var format: Format = .text

    @OptionGroup(title: "Policy")
    var policyOptions: PolicyOptions

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

    @Flag(help: "Also print notes, e.g. files in folders that were skipped as not SBOMs.")
    var verbose = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input file or folder") }
    }

    func run() throws {
        var request = AuditRequest(inputs: inputs, context: product.context, options: AuditOptions(today: Self.today()))
        try policyOptions.apply(to: &request)
        var accepted: (source: String, entries: [BaselineComparison.Entry])?
        if let baseline {
            do {
                accepted = (baseline, try BaselineLoader.load(baseline, request: request))
            } catch {
                DiagnosticPrinter.print([error.diagnostic], verbose: true)
                throw ExitCode(2)
            }
        }
        let run = Pipeline.audit(request, baseline: accepted)
        // The engine's diagnostics are part of the report; the inputs' go to standard error.
        DiagnosticPrinter.print(run.inputs.diagnostics, verbose: verbose)
        if run.inputs.load.documents.isEmpty {
            printError("error: [input.nothing-read] none of the inputs could be read; no report was written")
            throw ExitCode(2)
        }
        let report = AuditReport(
            result: run.result, inputs: run.inputs.reportInputs, toolVersion: PedigreeVersion.current)
        try ReportOutput.write(writer(for: request.policy).write(report), to: output)
        throw ExitCode(failOn.exitCode(run.result, inputErrors: run.inputs.hasInputErrors))
    }

    func writer(for policy: AuditPolicy) -> any ReportWriter {
        switch format {
        case .text: TextReportWriter()
        case .json: JSONReportWriter()
        case .sarif: SARIFReportWriter(workingDirectory: Self.workingDirectory(), includeInfo: includeInfo)
        case .junit: JUnitReportWriter(failOn: failOn.threshold, rules: RuleID.allCases.filter { policy.severity(of: $0) != nil })
        case .markdown: MarkdownReportWriter()
        case .html: HTMLReportWriter()
        }
    }

    /// Reads the policy file; its warnings go to standard error, any error stops the run with exit code 2.
    static func readPolicy(_ path: String) throws -> PolicyFile {
        let file: PolicyFile
        do {
            file = try PolicyFileReader.read(path: path)
        } catch {
            DiagnosticPrinter.print([error.diagnostic], verbose: true)
            throw ExitCode(2)
        }
        DiagnosticPrinter.print(file.diagnostics, verbose: true)
        if file.hasErrors {
            printError("error: [policy.invalid] the policy '\(TerminalText.escape(path))' has errors; nothing was audited")
            throw ExitCode(2)
        }
        return file
    }

    /// Today for waiver expiry: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the clock (UTC).
    static func today() -> CalendarDate {
        if let epoch = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }), let seconds = Int64(epoch) {
            return CalendarDate(unixSeconds: seconds)
        }
        return CalendarDate(unixSeconds: Int64(time(nil)))
    }

    static func workingDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension FailOn: ExpressibleByArgument {}
