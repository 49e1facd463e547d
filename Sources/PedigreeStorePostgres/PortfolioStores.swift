import PedigreeStore

/// Opens a portfolio of either kind: an SQLite file, or a PostgreSQL server (`postgres://…`).
public enum PortfolioStores {
    /// - Parameter create: whether a missing store is created (`init`, `add`): an SQLite file, or the
    ///   schema in an existing PostgreSQL database.
    /// - Throws: `StoreError` when the store cannot be reached or opened.
    public static func open(
        _ location: StoreLocation, create: Bool, knowledge: StoreKnowledge, clock: StoreClock
    ) throws(StoreError) -> Portfolio {
        switch location {
        case .sqlite:
            return try Portfolio(location: location, create: create, knowledge: knowledge, clock: clock)
        case .postgres(let url):
            return Portfolio(backend: try PostgresPortfolioBackend(url: url, create: create), knowledge: knowledge, clock: clock)
        }
    }
}
