import ArgumentParser
import PedigreeCore

/// `pedigree graph`: reads the inputs, merges them and prints the lineage graph.
struct Graph: ParsableCommand {
    enum Format: String, CaseInsensitiveArgument, CaseIterable {
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
            printed) or none could be read (nothing is printed), 64 usage error.

            Examples:
              pedigree graph Samples/cyclonedx-ml-bom
              pedigree graph Samples/cyclonedx-ml-bom/bom.cdx.json --format mermaid
              pedigree graph sbom.cdx.json model-sbom.spdx.json --format json
            """
    )

    @OptionGroup
    var input: InputOptions

    @Option(help: "Output format: dot, mermaid or json.")
    var format: Format = .dot

    func run() throws {
        let loaded = Pipeline.load(input.inputs)
        try input.report(loaded, unwritten: "no graph was printed")
        let graph = loaded.lineage.graph
        let text: String
        switch format {
        case .dot:
            // Audited in the manifest's context (else the strictest), to mark blocking components and attached edges.
            text = DOTGraphWriter().write(graph, audit: Pipeline.audit(AuditRequest(inputs: input.inputs), inputs: loaded).result)
        case .mermaid: text = MermaidGraphWriter().write(graph)
        case .json: text = JSONGraphWriter().write(graph)
        }
        print(text, terminator: "")
        if loaded.hasInputErrors { throw ExitCode.unusableInput }
    }
}
