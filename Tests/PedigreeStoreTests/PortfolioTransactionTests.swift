import Testing

@Suite("Store: one transaction per release")
struct PortfolioTransactionTests {
    @Test("a release that fails half-way leaves nothing of itself, and the stored release stays the latest")
    func rollsBack() throws {
        let store = try ScratchStore()
        try store.add("assistant-1.1")
        try ScratchStore.expectRollback(in: store.portfolio, latest: ["Assistant 1.1"])
    }
}
