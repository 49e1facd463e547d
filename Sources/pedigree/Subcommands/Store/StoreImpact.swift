import ArgumentParser
import PedigreeCore
import PedigreeStore

/// `pedigree store impact --relabel COMPONENT=LICENSE`: what a license change would do, store unchanged.
struct StoreImpact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Show which stored releases would gain or lose findings if a component's license changed.",
        discussion: """
            Audits every stored release that contains COMPONENT (a ref, purl, Hugging Face id or name) \
            twice with the same engine and knowledge — as stored and with COMPONENT licensed LICENSE — and \
            lists the findings each would gain (+) and lose (-). Nothing is written to the store: record \
            the change with 'pedigree store reaudit --relabel'.

            Examples:
              pedigree store impact --relabel datasets/acme/support-dialogs=CC-BY-NC-4.0
              pedigree store impact --relabel pkg:pypi/torch=GPL-3.0-only --all-releases --format json
            """
    )

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("The component and the license to try.", valueName: "component=license"))
    var relabel: String

    @Option(help: ArgumentHelp("Only this product.", valueName: "name"))
    var product: String?

    @Flag(name: .customLong("all-releases"), help: "Check every stored release, not only each product's latest.")
    var allReleases = false

    @Option(help: "Output format: text or json.")
    var format: PortfolioChangeWriter.Format = .text

    func validate() throws {
        do {
            _ = try LicenseFact(relabel)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        let portfolio = try options.open(create: false)
        do {
            let report = try portfolio.impact(ImpactRequest(relabel: try LicenseFact(relabel), allReleases: allReleases, product: product))
            print(try PortfolioChangeWriter.write(report, format: format), terminator: "")
        } catch {
            StoreOptions.fail(error)
        }
    }
}

extension PortfolioChangeWriter.Format: ExpressibleByArgument {}
