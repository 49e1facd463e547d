import ArgumentParser
import PedigreeCore
import PedigreeStore

/// `pedigree store add`: audits inputs and stores them as one release of a product.
struct StoreAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Audit inputs and store them as a release of a product.",
        discussion: """
            Audits the INPUTs as 'pedigree audit' does (same context flags and policy) and stores the \
            release: every input file by content (the same bytes are kept once), the reach index, the \
            model lineage, findings and obligations. Adding the same inputs again stores nothing. A \
            release is never overwritten: other inputs under a stored release version are refused.

            The product name defaults to the product context's name, else the product component's; the \
            release defaults to the product component's version, else a digest of the inputs.

            Exit codes: 0 stored (or already stored), 2 an input, the policy or the store could not be \
            used (nothing is stored), 64 usage error. Findings do not change the exit code: gate with \
            'pedigree audit'.

            Examples:
              pedigree store add Samples/hf-finetune-stack
              pedigree store add sbom.cdx.json --product chat --release 2.3.1 --distribution saas --mau 120000000
            """
    )

    @Argument(help: ArgumentHelp("SBOM files, model cards, GGUF files, pedigree.yaml, or folders.", valueName: "input"))
    var inputs: [String] = []

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("The product's name in the store.", valueName: "name"))
    var product: String?

    @Option(help: ArgumentHelp("The release's version.", valueName: "version"))
    var release: String?

    @OptionGroup(title: "Product context")
    var context: ProductContextOptions

    @Option(help: ArgumentHelp("A policy file (YAML or JSON): context, deny/allow, severities, waivers.", valueName: "file"))
    var policy: String?

    @Flag(help: "Also print notes, e.g. files in folders that were skipped as not SBOMs.")
    var verbose = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input file or folder") }
        if product?.isEmpty == true || release?.isEmpty == true { throw ValidationError("--product and --release cannot be empty") }
    }

    func run() throws {
        let request = AddRequest(
            inputs: inputs, context: context.context, policy: try policy.map(Self.readPolicy), product: product,
            release: release)
        let portfolio = try options.open(create: true)
        let outcome: AddOutcome
        do {
            outcome = try portfolio.add(request)
        } catch {
            StoreOptions.fail(error)
        }
        DiagnosticPrinter.print(outcome.diagnostics, verbose: verbose)
        let release = "release '\(TerminalText.escape(outcome.release))' of '\(TerminalText.escape(outcome.product))'"
        switch outcome.status {
        case .inputErrors:
            printError("error: [store.nothing-stored] an input could not be used; nothing was stored")
            throw ExitCode(2)
        case .unchanged:
            print("\(release) is already stored from the same inputs; nothing was written")
        case .stored:
            let summary = outcome.result?.summary
            print("stored \(release): \(summary?.components ?? 0) components, \(summary?.errors ?? 0) errors, \(summary?.warnings ?? 0) warnings, \(summary?.infos ?? 0) infos (\(summary?.blocking ?? 0) blocking); \(outcome.documents) documents, \(outcome.newDocuments) new")
        }
    }

    /// Reads the policy file with its bytes; its warnings go to standard error, any error ends the run (exit 2).
    static func readPolicy(_ path: String) throws -> PolicyDocument {
        let document: PolicyDocument
        do {
            document = try PolicyDocument.read(path: path)
        } catch {
            DiagnosticPrinter.print([error.diagnostic], verbose: true)
            throw ExitCode(2)
        }
        DiagnosticPrinter.print(document.file.diagnostics, verbose: true)
        if document.file.hasErrors {
            printError("error: [policy.invalid] the policy '\(TerminalText.escape(path))' has errors; nothing was stored")
            throw ExitCode(2)
        }
        return document
    }
}
