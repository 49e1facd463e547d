import ArgumentParser
import PedigreeCore
import PedigreeStore

/// `pedigree store export`: every release with its verdict, for tools or for people.
struct StoreExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored release with its verdict: JSON Lines, or an HTML overview.",
        discussion: """
            jsonl writes one JSON object per stored release (product, release, whether it is the latest, \
            its current evaluation and the versions that decided it, whether the engine or knowledge has \
            changed since, verdict, counts, context and findings), for DuckDB, Spark or jq. html writes one \
            self-contained page (no scripts): each product's latest release against every rule that fired, \
            worst first.

            Examples:
              pedigree store export --format jsonl --output portfolio.jsonl
              pedigree store export --format html --output portfolio.html
            """
    )

    @OptionGroup var options: StoreOptions

    @Option(help: "Output format: jsonl or html.")
    var format: PortfolioExportWriter.Format = .jsonl

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let portfolio = try options.open(create: false)
        let text: String
        do {
            text = try PortfolioExportWriter.write(portfolio.overview(), format: format, toolVersion: PedigreeVersion.current)
        } catch {
            StoreOptions.fail(error)
        }
        try ReportOutput.write(text, to: output)
    }
}

extension PortfolioExportWriter.Format: ExpressibleByArgument {}
