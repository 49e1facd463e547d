import GRDB

/// How much a store holds: what `pedigree store init` reports and the bench measures.
public struct StoreStatistics: Sendable, Hashable, Codable {
    public var products: Int
    public var releases: Int
    public var evaluations: Int
    public var documents: Int
    /// The stored documents' bytes (inputs are kept once however many releases share them).
    public var documentBytes: Int
    public var components: Int
    /// Reach-index rows: one per component per release.
    public var nodes: Int
    public var findings: Int
    public var facts: Int
}

extension Portfolio {
    public func statistics() throws(StoreError) -> StoreStatistics {
        try backend.statistics()
    }
}

extension SQLitePortfolioBackend {
    func statistics() throws(StoreError) -> StoreStatistics {
        try run {
            try queue.read { db in
                func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
                return StoreStatistics(
                    products: try count("product"), releases: try count("release"), evaluations: try count("evaluation"),
                    documents: try count("document"),
                    documentBytes: try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(size), 0) FROM document") ?? 0,
                    components: try count("component"), nodes: try count("node"), findings: try count("finding"),
                    facts: try count("fact"))
            }
        }
    }
}
