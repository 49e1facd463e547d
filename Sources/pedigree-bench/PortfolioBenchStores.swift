#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PedigreeCore
import PedigreeStore
#if PostgreSQL
import PedigreeStorePostgres
#endif

/// The bench's two stores: an SQLite file in the work folder and, when this build has PostgreSQL and a
/// server is at hand, a database on it; every child process of the bench opens the same two.
struct PortfolioBenchStores {
    enum Kind: String, CaseIterable, Sendable {
        case sqlite, postgres

        var label: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
    }

    static let clock = StoreClock(unixSeconds: 1_767_225_600)

    let context: BenchContext
    let sqlite: Portfolio
    let postgres: Portfolio?

    init(_ context: BenchContext, create: Bool, knowledge: StoreKnowledge? = nil) throws {
        self.context = context
        let knowledge = try knowledge ?? StoreKnowledge.bundled()
        let path = context.path(PortfolioBench.database)
        if !create && access(path, F_OK) != 0 {
            _ = try PortfolioBench.build(PortfolioBenchStores(context, create: true))
        }
        sqlite = try Portfolio(location: .sqlite(path: path), create: create, knowledge: knowledge, clock: Self.clock)
        postgres = try Self.server(context).map { url in
            #if PostgreSQL
            return try PortfolioStores.open(try StoreLocation(url), create: create, knowledge: knowledge, clock: Self.clock)
            #else
            throw BenchFailure("this build has no PostgreSQL store (built with --disable-default-traits)")
            #endif
        }
    }

    func portfolio(_ kind: Kind) throws -> Portfolio {
        switch kind {
        case .sqlite: return sqlite
        case .postgres:
            guard let postgres else { throw BenchFailure("no PostgreSQL server: install postgresql or set PEDIGREE_BENCH_POSTGRES") }
            return postgres
        }
    }

    /// The server's URL: `PEDIGREE_BENCH_POSTGRES`, else the throwaway cluster `startServer` wrote down.
    static func server(_ context: BenchContext) -> String? {
        if let url = getenv("PEDIGREE_BENCH_POSTGRES").map({ String(cString: $0) }), !url.isEmpty { return url }
        return PortfolioBench.readFile(context.path(PortfolioBench.serverFile))?.split(separator: "\n").first.map(String.init)
    }

    /// In the parent, before the first portfolio case: starts a throwaway cluster when PostgreSQL is
    /// installed and no server was named; writes its URL, folder and port down for the children and `stopServer`.
    @Sendable static func startServer(_ context: BenchContext) throws -> String? {
        #if PostgreSQL
        if getenv("PEDIGREE_BENCH_POSTGRES") != nil || access(context.path(PortfolioBench.serverFile), F_OK) == 0 { return nil }
        guard ThrowawayPostgres.binaries != nil else {
            return "portfolio: PostgreSQL is not installed, the PostgreSQL store is not measured"
        }
        let server = try ThrowawayPostgres.start()
        let url = try server.createDatabase()
        try PortfolioBench.writeFile(context.path(PortfolioBench.serverFile), "\(url)\n\(server.folder)\n\(server.port)\n")
        return "portfolio: \(PortfolioBench.productCount) products on SQLite and on a throwaway PostgreSQL cluster (port \(server.port))"
        #else
        return "portfolio: this build has no PostgreSQL store; SQLite only"
        #endif
    }

    /// In the parent, after every case: stops the cluster `startServer` started (once).
    @Sendable static func stopServer(_ context: BenchContext) {
        #if PostgreSQL
        guard let lines = PortfolioBench.readFile(context.path(PortfolioBench.serverFile))?.split(separator: "\n"), lines.count == 3,
            let port = Int(lines[2]), let server = try? ThrowawayPostgres(folder: String(lines[1]), port: port)
        else { return }
        server.stop()
        unlink(context.path(PortfolioBench.serverFile))
        #endif
    }
}
