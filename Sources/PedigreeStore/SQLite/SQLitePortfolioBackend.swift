import Foundation
import GRDB
import PedigreeCore

/// The portfolio in one SQLite file, through GRDB.
///
/// Decisions: a `DatabaseQueue` in WAL mode (readers never wait for a writer; one CLI process writes at
/// a time, others wait up to 10 s for the lock instead of failing); foreign keys on; every write is one
/// transaction. The connection belongs to this object and is used from one thread at a time. The
/// questions and the writes are the shared portfolio SQL (`PortfolioSQLBackend`, `ReleaseWriter`).
final class SQLitePortfolioBackend: PortfolioSQLBackend {
    let location: StoreLocation
    let queue: DatabaseQueue
    private let path: String

    /// Opens (and with `create`, creates) the store, applying any migration it lacks.
    ///
    /// - Throws: `StoreError.missing` when the file is missing and `create` is false;
    ///   `.newerSchema` when a newer Pedigree wrote it; `.database` when it is not an SQLite store.
    init(path: String, create: Bool) throws(StoreError) {
        self.path = path
        location = .sqlite(path: path)
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.missing(path)
        }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError.database(path, Self.describe(error))
        }
        try migrate()
    }

    private func migrate() throws(StoreError) {
        var migrator = DatabaseMigrator()
        for migration in StoreSchema.migrations(.sqlite) {
            migrator.registerMigration(migration.id) { db in
                for statement in migration.statements { try db.execute(sql: statement) }
            }
        }
        try run {
            if try queue.read({ try migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path) }
            try migrator.migrate(queue)
        }
    }

    /// Runs database work, turning GRDB's errors into the store's.
    func run<T>(_ work: () throws -> T) throws(StoreError) -> T {
        do {
            return try work()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(path, Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return (error.message ?? "SQLite error \(error.resultCode.rawValue)") + " (SQLite code \(error.resultCode.rawValue))"
        }
        return String(describing: error)
    }

    func rows(_ statement: StoreStatement) throws(StoreError) -> [any StoreRow] {
        try run { try queue.read { db in try SQLiteTransaction(db: db, path: path).fetch(statement) } }
    }

    /// Runs `work` in one write transaction: all of it is stored, or none.
    private func write<T>(_ work: (ReleaseWriter) throws(StoreError) -> T) throws(StoreError) -> T {
        try run {
            try queue.write { db in
                do {
                    return try work(ReleaseWriter(SQLiteTransaction(db: db, path: path)))
                } catch let error as StoreError {
                    throw error
                }
            }
        }
    }

    func insert(_ record: ReleaseRecord) throws(StoreError) -> (handle: ReleaseHandle, newDocuments: Int) {
        try write { writer throws(StoreError) in try writer.insert(record) }
    }

    func record(_ facts: [LicenseFact], at time: String) throws(StoreError) {
        try write { writer throws(StoreError) in try writer.record(facts, at: time) }
    }

    func append(
        _ evaluation: EvaluationRecord, to release: StoredRelease, policy: StoredDocument??, context: ContextColumns
    ) throws(StoreError) {
        try write { writer throws(StoreError) in try writer.append(evaluation, to: release, policy: policy, context: context) }
    }

    func databaseBytes() throws(StoreError) -> Int {
        let statement = StoreStatement("SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()")
        return try rows(statement).first.map { row throws(StoreError) in try row.requiredInt("bytes") } ?? 0
    }

    /// SQLite has one writer at a time and no row locks, so work is not shared out between processes.
    func claim(_ release: StoredRelease, _ work: () throws(StoreError) -> Void) throws(StoreError) -> Bool {
        throw StoreError.unsupported(
            "the store '\(location)' is an SQLite file, which one process writes at a time; reaudit --worker shares work "
                + "out between processes on a PostgreSQL store (run reaudit without --worker)")
    }
}

/// Statements inside one GRDB access, each prepared once per connection.
struct SQLiteTransaction: StoreTransaction {
    let db: Database
    let path: String

    func execute(_ statement: StoreStatement) throws(StoreError) {
        do {
            try db.cachedStatement(sql: statement.sql).execute(arguments: Self.arguments(statement))
        } catch {
            throw StoreError.database(path, SQLitePortfolioBackend.describe(error))
        }
    }

    func rows(_ statement: StoreStatement) throws(StoreError) -> [any StoreRow] { try fetch(statement) }

    func fetch(_ statement: StoreStatement) throws(StoreError) -> [any StoreRow] {
        do {
            return try Row.fetchAll(db.cachedStatement(sql: statement.sql), arguments: Self.arguments(statement)).map(SQLiteRow.init)
        } catch {
            throw StoreError.database(path, SQLitePortfolioBackend.describe(error))
        }
    }

    static func arguments(_ statement: StoreStatement) -> StatementArguments {
        StatementArguments(statement.arguments.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .integer(let number): number
            case .real(let number): number
            case .text(let text): text
            case .bytes(let bytes): Data(bytes)
            case .null: nil
            }
        })
    }
}

/// A GRDB row read by column name.
struct SQLiteRow: StoreRow {
    let row: Row

    private func value(_ column: String) -> DatabaseValue { row[column] ?? .null }

    func integer(_ column: String) throws(StoreError) -> Int64? {
        switch value(column).storage {
        case .int64(let number): number
        case .null: nil
        default: throw StoreError.damaged("the column '\(column)' holds no integer")
        }
    }

    func real(_ column: String) throws(StoreError) -> Double? {
        switch value(column).storage {
        case .double(let number): number
        case .int64(let number): Double(number)
        case .null: nil
        default: throw StoreError.damaged("the column '\(column)' holds no number")
        }
    }

    func text(_ column: String) throws(StoreError) -> String? {
        switch value(column).storage {
        case .string(let text): text
        case .null: nil
        default: throw StoreError.damaged("the column '\(column)' holds no text")
        }
    }

    func bytes(_ column: String) throws(StoreError) -> [UInt8]? {
        switch value(column).storage {
        case .blob(let data): [UInt8](data)
        case .null: nil
        default: throw StoreError.damaged("the column '\(column)' holds no bytes")
        }
    }
}
