import ArgumentParser
import PedigreeCore

/// The flags that state how the product is used; they override the manifest and the policy file.
struct ProductContextOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo, exclusivity: .exclusive,
        help: ArgumentHelp(
            "Whether the product is commercial (--commercial / --no-commercial).",
            discussion: "Unstated everywhere, Pedigree assumes commercial and says so."))
    var commercial: Bool?

    @Flag(help: "Shorthand for --no-commercial.")
    var nonCommercial = false

    @Option(
        name: .customLong("distribution"),
        help: ArgumentHelp(
            "How the product reaches users: saas, binary, on-device, source or internal (repeatable).",
            valueName: "kind"))
    var distribution: [ProductContext.Distribution] = []

    @Option(name: .customLong("mau"), help: ArgumentHelp("The product's monthly active users.", valueName: "n"))
    var monthlyActiveUsers: Int?

    @Option(name: .customLong("dau"), help: ArgumentHelp("The product's daily active users.", valueName: "n"))
    var dailyActiveUsers: Int?

    @Option(
        name: .customLong("annual-revenue-usd"),
        help: ArgumentHelp("The revenue that license thresholds measure, in US dollars.", valueName: "amount"))
    var annualRevenueUSD: Double?

    @Option(name: .customLong("region"), help: ArgumentHelp("A region the product is offered in, e.g. EU (repeatable).", valueName: "code"))
    var regions: [String] = []

    func validate() throws {
        if nonCommercial && commercial == true {
            throw ValidationError("--commercial and --non-commercial contradict each other")
        }
        for value in [monthlyActiveUsers, dailyActiveUsers].compactMap({ $0 }) where value < 0 {
            throw ValidationError("user counts cannot be negative, found \(value)")
        }
        if let annualRevenueUSD, annualRevenueUSD < 0 || !annualRevenueUSD.isFinite {
            throw ValidationError("--annual-revenue-usd must be a non-negative amount")
        }
    }

    /// Only what the flags state; everything else stays unstated so that files can fill it.
    var context: ProductContext {
        ProductContext(
            commercial: nonCommercial ? false : commercial,
            distribution: distribution.isEmpty ? nil : Set(distribution),
            monthlyActiveUsers: monthlyActiveUsers, dailyActiveUsers: dailyActiveUsers,
            annualRevenueUSD: annualRevenueUSD, regions: regions.isEmpty ? nil : regions)
    }
}

extension ProductContext.Distribution: CaseInsensitiveArgument {}
