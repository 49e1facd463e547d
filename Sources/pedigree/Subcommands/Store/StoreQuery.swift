import ArgumentParser
import PedigreeCore
import PedigreeStore

/// `pedigree store query`: which stored products reach a component, a license or a model's derivatives.
struct StoreQuery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Find the products that reach a component, a license or anything derived from a model.",
        discussion: """
            Give exactly one of --component (a ref, a purl with or without version, a Hugging Face id or a \
            name), --license (an id such as CC-BY-NC-4.0, or a category: non-commercial, usage-threshold, \
            copyleft, strong-copyleft, network-copyleft, share-alike, no-derivatives, use-restrictions, \
            output-restrictions, hosted-service-restricted, territorial, permissive…) or --derived-from \
            (a model: every fine-tune, quantization, merge, adapter or distillation of it). Each answer \
            names the release, the component and the shortest path from the product to it. Only each \
            product's latest release is searched unless --all-releases.

            The context filters read the context each release was audited in: --commercial keeps \
            commercial products, --distribution keeps those shipped that way, --mau-over keeps those that \
            stated more monthly active users (a product that stated none is left out).

            Examples:
              pedigree store query --component pkg:pypi/torch
              pedigree store query --license non-commercial --commercial --format csv
              pedigree store query --derived-from meta-llama/Llama-3.1-8B --mau-over 700000000
            """
    )

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("A component: ref, purl, Hugging Face id or name.", valueName: "component"))
    var component: String?

    @Option(help: ArgumentHelp("A license id or category.", valueName: "license"))
    var license: String?

    @Option(name: .customLong("derived-from"), help: ArgumentHelp("A model whose derivatives to find.", valueName: "model"))
    var derivedFrom: String?

    @Flag(help: "Only commercial products.")
    var commercial = false

    @Option(help: ArgumentHelp("Only products distributed this way: saas, binary, on-device, source, internal (repeatable).", valueName: "kind"))
    var distribution: [ProductContext.Distribution] = []

    @Option(name: .customLong("mau-over"), help: ArgumentHelp("Only products with more monthly active users than this.", valueName: "n"))
    var mauOver: Int?

    @Option(help: ArgumentHelp("Only this product.", valueName: "name"))
    var product: String?

    @Flag(name: .customLong("all-releases"), help: "Search every stored release, not only each product's latest.")
    var allReleases = false

    @Option(help: "Output format: text, json or csv.")
    var format: PortfolioQueryWriter.Format = .text

    @Option(help: ArgumentHelp("Write the answer to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        let subjects = [component, license, derivedFrom].compactMap { $0 }
        if subjects.count != 1 { throw ValidationError("give exactly one of --component, --license or --derived-from") }
        if subjects[0].isEmpty { throw ValidationError("the component, license or model to look for cannot be empty") }
        if let mauOver, mauOver < 0 { throw ValidationError("--mau-over cannot be negative, found \(mauOver)") }
    }

    var subject: PortfolioQuery.Subject {
        if let component { return .component(component) }
        if let license { return .license(license) }
        return .derivedFrom(derivedFrom ?? "")
    }

    func run() throws {
        let portfolio = try options.open(create: false)
        let query = PortfolioQuery(
            subject: subject, commercial: commercial ? true : nil, distribution: distribution,
            monthlyActiveUsersOver: mauOver, allReleases: allReleases, product: product)
        let matches: [PortfolioMatch]
        do {
            matches = try portfolio.query(query)
        } catch {
            StoreOptions.fail(error)
        }
        try ReportOutput.write(PortfolioQueryWriter.write(matches, format: format), to: output)
    }
}

extension PortfolioQueryWriter.Format: ExpressibleByArgument {}
