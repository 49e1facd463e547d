import Foundation
import PedigreeStore
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously from one thread at a time.
///
/// Decisions: the store's commands are sequential, so a single connection on SwiftNIO's shared event
/// loop serves them, each statement waited for; the server's own message and SQLSTATE name a failure
/// (postgres-nio hides them behind a generic text by default), never the password.
final class PostgresSession: StoreTransaction {
    let url: PostgresURL
    private let connection: PostgresConnection
    private let logger: Logger
    /// Set while a transaction is open, so that a write inside a claimed release joins it.
    private(set) var inTransaction = false

    init(_ url: PostgresURL) throws(StoreError) {
        self.url = url
        var logger = Logger(label: "pedigree.store.postgres")
        logger.logLevel = .critical
        self.logger = logger
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: try url.configuration(), id: 1, logger: logger
            ).wait()
        } catch {
            throw StoreError.database(url.redacted, "cannot connect: " + Self.describe(error))
        }
    }

    deinit { try? connection.close().wait() }

    func execute(_ statement: StoreStatement) throws(StoreError) { _ = try run(statement) }

    func rows(_ statement: StoreStatement) throws(StoreError) -> [any StoreRow] {
        try run(statement).map { PostgresStoreRow(row: $0.makeRandomAccess()) }
    }

    /// Runs statements given as text alone (schema changes, transaction control).
    func execute(sql: String) throws(StoreError) { _ = try run(StoreStatement(sql)) }

    private func run(_ statement: StoreStatement) throws(StoreError) -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: statement.arguments.count)
        for argument in statement.arguments {
            switch argument {
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .bytes(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            case .null: bindings.appendNull()
            }
        }
        do {
            return try connection.query(PostgresQuery(unsafeSQL: statement.numberedSQL, binds: bindings), logger: logger).wait()
        } catch {
            throw StoreError.database(url.redacted, Self.describe(error))
        }
    }

    /// Runs `work` in one transaction (or inside the one already open): all of it is stored, or none.
    func transaction<T>(_ work: () throws(StoreError) -> T) throws(StoreError) -> T {
        if inTransaction { return try work() }
        try execute(sql: "BEGIN")
        inTransaction = true
        defer { inTransaction = false }
        do {
            let result = try work()
            try execute(sql: "COMMIT")
            return result
        } catch {
            try? execute(sql: "ROLLBACK")
            throw error
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let info = error.serverInfo, let message = info[.message] {
            return message + (info[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}

/// A postgres-nio row read by column name.
struct PostgresStoreRow: StoreRow {
    let row: PostgresRandomAccessRow

    private func decode<T: PostgresDecodable>(_ type: T.Type, _ column: String) throws(StoreError) -> T? {
        guard row.contains(column) else { throw StoreError.damaged("a query did not return the column '\(column)'") }
        let cell = row[column]
        guard cell.bytes != nil else { return nil }
        do {
            return try cell.decode(T.self)
        } catch {
            throw StoreError.damaged("the column '\(column)' does not read as \(T.self)")
        }
    }

    func integer(_ column: String) throws(StoreError) -> Int64? { try decode(Int64.self, column) }
    func real(_ column: String) throws(StoreError) -> Double? { try decode(Double.self, column) }
    func text(_ column: String) throws(StoreError) -> String? { try decode(String.self, column) }
    func bytes(_ column: String) throws(StoreError) -> [UInt8]? {
        try decode(ByteBuffer.self, column).map { Array($0.readableBytesView) }
    }
}
