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

    /// The space the store takes in its database (the SQLite file, or the PostgreSQL database).
    public func databaseBytes() throws(StoreError) -> Int {
        try backend.databaseBytes()
    }
}
