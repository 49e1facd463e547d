import ArgumentParser
import PedigreeCore

/// `pedigree graph`: reads the inputs, merges them and prints the lineage graph.
struct Graph: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid, json
    }

    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the merged lineage graph as DOT, Mermaid or JSON, edges labelled with their kind.",
        discussion: """
            Reads every INPUT (files, or folders read recursively; formats are detected by content), merges \
            components that are the same (equal purl, Hugging Face id, or name and version) and prints the graph \
            on standard output. Problems in the inputs are printed on standard error as \
            path:line:col: severity: [code] message.

            Exit codes: 0 the graph was printed, 2 an input could not be used (the graph of the others is still \
            printed), 64 usage error.

            Examples:
              pedigree graph Samples/cyclonedx-ml-bom
              pedigree graph Samples/cyclonedx-ml-bom/bom.cdx.json --format mermaid
              pedigree graph sbom.cdx.json model-sbom.spdx.json --format json
            """
    )

    @Argument(help: ArgumentHelp("SBOM files or folders to read.", valueName: "input"))
    var inputs: [String] = []

    @Option(help: "Output format: dot, mermaid or json.")
    var format: Format = .dot

    @Flag(help: "Also print notes (e.g. files in folders that were skipped as not SBOMs).")
    var verbose = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input file or folder") }
    }

    func run() throws {
        let loaded = InputLoader().load(inputs)
        let merged = LineageGraphBuilder.build(loaded.documents)
        for diagnostic in loaded.allDiagnostics + merged.diagnostics where verbose || diagnostic.severity != .note {
            printError(diagnostic.description)
        }
        let text: String
        switch format {
        case .dot: text = DOTGraphWriter().write(merged.graph)
        case .mermaid: text = MermaidGraphWriter().write(merged.graph)
        case .json: text = JSONGraphWriter().write(merged.graph)
        }
        print(text, terminator: "")
        if loaded.hasInputErrors { throw ExitCode(2) }
    }
}
