import Foundation
import PedigreeCore
import PedigreeStore
import PostgresNIO

/// The portfolio on a PostgreSQL server, for a team: the same schema, questions and writes as the
/// SQLite file (`StoreSchema`, `PortfolioStatements`, `ReleaseWriter`), many writers at once.
///
/// Decisions: each release is written in one transaction; migrations run under an advisory lock so
/// that two processes opening a new store at once create it once; `claim` locks a release with
/// `SELECT … FOR UPDATE SKIP LOCKED`, so that `reaudit --worker` processes never audit one release twice.
final class PostgresPortfolioBackend: PortfolioSQLBackend {
    let location: StoreLocation
    private let session: PostgresSession

    /// Connects, and creates or migrates the schema; without `create`, a database that holds no store is refused.
    init(url: String, create: Bool) throws(StoreError) {
        location = .postgres(url: url)
        session = try PostgresSession(PostgresURL(url))
        try migrate(create: create)
    }

    /// An arbitrary constant that names the store's migration lock among the server's advisory locks.
    private static let migrationLock: Int64 = 0x5065_6469_6772_6565

    private func migrate(create: Bool) throws(StoreError) {
        let migrations = StoreSchema.migrations(.postgres)
        try session.transaction { () throws(StoreError) in
            try session.execute(StoreStatement("SELECT pg_advisory_xact_lock(?)", [.integer(Self.migrationLock)]))
            let exists = try session.rows(StoreStatement("SELECT CAST(to_regclass('pedigree_migration') IS NOT NULL AS INTEGER) AS present"))
            if try exists.first?.integer("present") != 1 {
                guard create else { throw StoreError.missing(location.description) }
                try session.execute(sql: "CREATE TABLE pedigree_migration (id TEXT PRIMARY KEY)")
            }
            let applied = Set(try session.rows(StoreStatement("SELECT id FROM pedigree_migration")).map { row throws(StoreError) in
                try row.requiredText("id")
            })
            if !applied.isSubset(of: migrations.map(\.id)) { throw StoreError.newerSchema(location.description) }
            for migration in migrations where !applied.contains(migration.id) {
                for statement in migration.statements { try session.execute(sql: statement) }
                try session.execute(StoreStatement("INSERT INTO pedigree_migration (id) VALUES (?)", [.text(migration.id)]))
            }
        }
    }

    func rows(_ statement: StoreStatement) throws(StoreError) -> [any StoreRow] { try session.rows(statement) }

    func insert(_ record: ReleaseRecord) throws(StoreError) -> (handle: ReleaseHandle, newDocuments: Int) {
        try session.transaction { () throws(StoreError) in try ReleaseWriter(session).insert(record) }
    }

    func record(_ facts: [LicenseFact], at time: String) throws(StoreError) {
        try session.transaction { () throws(StoreError) in try ReleaseWriter(session).record(facts, at: time) }
    }

    func append(
        _ evaluation: EvaluationRecord, to release: StoredRelease, policy: StoredDocument??, context: ContextColumns
    ) throws(StoreError) {
        try session.transaction { () throws(StoreError) in
            try ReleaseWriter(session).append(evaluation, to: release, policy: policy, context: context)
        }
    }

    func databaseBytes() throws(StoreError) -> Int {
        let statement = StoreStatement("SELECT pg_database_size(current_database()) AS bytes")
        return try rows(statement).first.map { row throws(StoreError) in try row.requiredInt("bytes") } ?? 0
    }

    func claim(_ release: StoredRelease, _ work: () throws(StoreError) -> Void) throws(StoreError) -> Bool {
        try session.transaction { () throws(StoreError) -> Bool in
            let locked = try session.rows(PortfolioStatements.claim(release))
            guard !locked.isEmpty else { return false }
            try work()
            return true
        }
    }
}
