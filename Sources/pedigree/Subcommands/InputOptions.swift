import ArgumentParser
import PedigreeCore

/// The inputs and `--verbose`, shared by every command that reads inputs (`audit`, `explain`,
/// `notice`, `graph`).
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("SBOM files, model cards, GGUF files, pedigree.yaml, or folders.", valueName: "input"))
    var inputs: [String] = []

    @Flag(help: "Also print notes, e.g. files in folders that were skipped as not SBOMs.")
    var verbose = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input file or folder") }
    }

    /// Prints the inputs' diagnostics on standard error; when nothing could be read, says so and
    /// ends the run with exit code 2 (`unwritten` names what was not written).
    func report(_ loaded: LoadedLineage, unwritten: String) throws {
        DiagnosticPrinter.print(loaded.diagnostics, verbose: verbose)
        if loaded.load.documents.isEmpty {
            printError("error: [input.nothing-read] none of the inputs could be read; \(unwritten)")
            throw ExitCode.unusableInput
        }
    }
}
