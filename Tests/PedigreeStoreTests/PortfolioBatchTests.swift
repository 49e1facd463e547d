import PedigreeStore
import Testing

@Suite("Store: releases larger than one batched statement")
struct PortfolioBatchTests {
    @Test("every node, license and lineage pair of a 260-library release is stored, and recurring components once")
    func largeReleases() throws {
        let store = try ScratchStore()
        #expect(try store.addLarge(product: "Big", first: 0, libraries: 260).status == .stored)
        var statistics = try store.statistics
        #expect(statistics.nodes == 263, "the product, the model, its base and 260 libraries")
        #expect(statistics.components == 263)
        #expect(try store.addLarge(product: "Other", first: 130, libraries: 260).status == .stored)
        statistics = try store.statistics
        #expect(statistics.nodes == 526)
        #expect(statistics.components == 263 + 132, "130 new libraries, the other product and its model")

        let gpl = try store.portfolio.query(PortfolioQuery(subject: .license("GPL-3.0-only")))
        #expect(gpl.map { "\($0.product) \($0.name) \($0.path.map(\.ref.rawValue))" } == [
            "Big lib-259 [\"app\", \"lib129\", \"lib259\"]", "Other lib-389 [\"app\", \"lib259\", \"lib389\"]",
        ])
        let shared = try store.portfolio.query(PortfolioQuery(subject: .component("pkg:pypi/lib-200")))
        #expect(shared.map(\.product) == ["Big", "Other"])
        let derived = try store.portfolio.query(PortfolioQuery(subject: .derivedFrom("acme/base")))
        #expect(derived.map { "\($0.product) \($0.name)" } == ["Big acme/model-big", "Other acme/model-other"])
    }
}
