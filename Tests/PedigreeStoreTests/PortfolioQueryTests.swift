import PedigreeStore
import Testing

@Suite("Store: queries across products")
struct PortfolioQueryTests {
    let store: ScratchStore

    init() throws {
        store = try ScratchStore()
        try store.addAll()
    }

    func query(_ subject: PortfolioQuery.Subject, _ configure: (inout PortfolioQuery) -> Void = { _ in }) throws -> [PortfolioMatch] {
        var query = PortfolioQuery(subject: subject)
        configure(&query)
        return try store.portfolio.query(query)
    }

    func drawn(_ match: PortfolioMatch) -> String {
        match.path.map { $0.ref.rawValue + ($0.edge.map { " (\($0.rawValue))" } ?? "") }.joined(separator: " → ")
    }

    @Test("a purl without version finds every version, each product's latest release only")
    func componentByPurl() throws {
        let matches = try query(.component("pkg:pypi/torch"))
        #expect(matches.map { "\($0.product) \($0.release) \($0.version ?? "")" } == ["Assistant 1.1 2.3.0", "Desktop 2.0 2.4.0"])
        #expect(matches.map(drawn) == ["assistant (depends-on) → torch", "desktop (static-link) → torch"])
    }

    @Test("a Hugging Face id, a ref and a name find the same component")
    func componentByOtherNames() throws {
        let byID = try query(.component("acme/dialogs")).map(\.product)
        #expect(byID == ["Assistant", "Tool"])
        #expect(try query(.component("dialogs")).map(\.product) == byID)
        #expect(try query(.component("nothing/like-this")).isEmpty)
    }

    @Test("older releases are searched only when asked")
    func allReleases() throws {
        #expect(try query(.license("CC-BY-4.0")).map { "\($0.product) \($0.release)" } == ["Tool 0.1"])
        let all = try query(.license("CC-BY-4.0")) { $0.allReleases = true }
        #expect(all.map { "\($0.product) \($0.release)" } == ["Assistant 1.0", "Tool 0.1"])
    }

    @Test("a license category is decided from the knowledge base's terms, with the path that carries it")
    func category() throws {
        let matches = try query(.license("non-commercial"))
        #expect(matches.map { "\($0.product) \($0.component) \($0.license ?? "")" } == ["Assistant dialogs CC-BY-NC-4.0"])
        #expect(matches.map(drawn) == ["assistant (runs) → assistant-llama (trained-on) → dialogs"])
        let network = try query(.license("network-copyleft"))
        #expect(network.map(\.component) == ["server"])
    }

    @Test("derivatives of a model, through fine-tunes and quantizations, down to the model")
    func derivedFrom() throws {
        let matches = try query(.derivedFrom("meta-llama/Llama-3.1-8B"))
        #expect(matches.map(drawn) == [
            "assistant (runs) → assistant-llama (fine-tuned-from) → llama-base",
            "desktop (contains) → desktop-gguf (quantized-from) → base",
        ])
        #expect(try query(.derivedFrom("acme/dialogs")).isEmpty, "a dataset something was trained on is not its ancestor")
    }

    @Test("context filters narrow to the products audited in that context")
    func contextFilters() throws {
        let over = try query(.derivedFrom("meta-llama/Llama-3.1-8B")) { $0.monthlyActiveUsersOver = 700_000_000 }
        #expect(over.map(\.product) == ["Assistant"], "a product that stated no user count is left out")
        let binary = try query(.component("pkg:pypi/torch")) { $0.distribution = [.binary] }
        #expect(binary.map(\.product) == ["Desktop"])
        let commercial = try query(.component("acme/dialogs")) { $0.commercial = true }
        #expect(commercial.map(\.product) == ["Assistant"])
    }

    @Test("CSV cells are quoted and never formulas")
    func csv() {
        #expect(PortfolioQueryWriter.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(PortfolioQueryWriter.cell("a,b") == "\"a,b\"")
        #expect(PortfolioQueryWriter.cell("plain") == "plain")
    }
}
