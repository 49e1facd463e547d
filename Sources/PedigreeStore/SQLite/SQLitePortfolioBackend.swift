import Foundation
import GRDB
import PedigreeCore

/// The portfolio in one SQLite file, through GRDB.
///
/// Decisions: a `DatabaseQueue` in WAL mode (readers never wait for a writer; one CLI process writes at
/// a time, others wait up to 10 s for the lock instead of failing); foreign keys on; every write is one
/// transaction. The connection belongs to this object and is used from one thread at a time.
final class SQLitePortfolioBackend: PortfolioBackend {
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

    // MARK: Writing

    func release(product: String, version: String) throws(StoreError) -> (handle: ReleaseHandle, inputsSHA256: String)? {
        try run {
            try queue.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT r.product_id, r.id, r.inputs_sha256 FROM release r JOIN product p ON p.id = r.product_id
                        WHERE p.name = ? AND r.version = ?
                        """, arguments: [product, version]
                ).map { (ReleaseHandle(productID: $0[0], releaseID: $0[1]), $0[2]) }
            }
        }
    }

    func insert(_ record: ReleaseRecord) throws(StoreError) -> (handle: ReleaseHandle, newDocuments: Int) {
        try run {
            try queue.write { db in
                try SQLiteReleaseWriter(db: db).insert(record)
            }
        }
    }

    func record(_ facts: [LicenseFact], at time: String) throws(StoreError) {
        try run {
            try queue.write { db in
                for fact in facts {
                    try db.execute(
                        sql: """
                            INSERT INTO fact (component, license, recorded_at) VALUES (?, ?, ?)
                            ON CONFLICT (component) DO UPDATE SET license = excluded.license, recorded_at = excluded.recorded_at
                            """, arguments: [fact.component, fact.license, time])
                }
            }
        }
    }

    func append(
        _ evaluation: EvaluationRecord, to release: StoredRelease, policy: StoredDocument??, context: ContextColumns
    ) throws(StoreError) {
        try run {
            try queue.write { db in
                let writer = SQLiteReleaseWriter(db: db)
                if let policy {
                    let documentID = try policy.map { try writer.document($0).id }
                    try db.execute(
                        sql: "UPDATE release SET policy_document_id = ?, policy_path = ? WHERE id = ?",
                        arguments: [documentID, policy?.path, release.handle.releaseID])
                }
                try writer.updateContext(context, release: release.handle.releaseID)
                try writer.insert(evaluation, release: release.handle, number: release.evaluationNumber + 1)
            }
        }
    }

    // MARK: Reading

    func componentIDs(identities: [String], nameKey: String, ref: String) throws(StoreError) -> [Int64] {
        try run {
            try queue.read { db in
                var ids = try Int64.fetchAll(
                    db,
                    sql: "SELECT id FROM component WHERE identity IN (\(Self.marks(identities.count))) OR name_key = ?",
                    arguments: StatementArguments(identities.map { $0 as (any DatabaseValueConvertible)? } + [nameKey]))
                ids += try Int64.fetchAll(db, sql: "SELECT DISTINCT component_id FROM node WHERE ref = ?", arguments: [ref])
                return Array(Set(ids)).sorted()
            }
        }
    }

    func licenseIDs() throws(StoreError) -> [String] {
        try run { try queue.read { try String.fetchAll($0, sql: "SELECT DISTINCT license_id FROM node_license") } }
    }

    func reach(componentIDs: [Int64], filter: ReleaseFilter) throws(StoreError) -> [ReachHit] {
        guard !componentIDs.isEmpty else { return [] }
        let (clause, arguments) = Self.releaseClause(filter)
        return try hits(
            sql: """
                SELECT \(Self.hitColumns), NULL AS lineage_depth
                FROM node n JOIN release r ON r.id = n.release_id JOIN product p ON p.id = r.product_id
                JOIN component c ON c.id = n.component_id
                WHERE n.component_id IN (\(Self.marks(componentIDs.count))) AND \(clause)
                """,
            arguments: componentIDs.map { $0 as (any DatabaseValueConvertible)? } + arguments)
    }

    func reach(licenseKeys: [String], filter: ReleaseFilter) throws(StoreError) -> [ReachHit] {
        guard !licenseKeys.isEmpty else { return [] }
        let (clause, arguments) = Self.releaseClause(filter)
        return try hits(
            sql: """
                SELECT DISTINCT \(Self.hitColumns), NULL AS lineage_depth
                FROM node_license l
                JOIN node n ON n.product_id = l.product_id AND n.release_id = l.release_id AND n.ref = l.ref
                JOIN release r ON r.id = l.release_id JOIN product p ON p.id = r.product_id
                JOIN component c ON c.id = n.component_id
                WHERE l.license_key IN (\(Self.marks(licenseKeys.count))) AND \(clause)
                """,
            arguments: licenseKeys.map { $0 as (any DatabaseValueConvertible)? } + arguments)
    }

    func descendants(ancestorIDs: [Int64], filter: ReleaseFilter) throws(StoreError) -> [ReachHit] {
        guard !ancestorIDs.isEmpty else { return [] }
        let (clause, arguments) = Self.releaseClause(filter)
        return try hits(
            sql: """
                SELECT \(Self.hitColumns), a.depth AS lineage_depth
                FROM ancestor a
                JOIN node n ON n.product_id = a.product_id AND n.release_id = a.release_id AND n.ref = a.descendant_ref
                JOIN release r ON r.id = a.release_id JOIN product p ON p.id = r.product_id
                JOIN component c ON c.id = n.component_id
                WHERE a.ancestor_id IN (\(Self.marks(ancestorIDs.count))) AND \(clause)
                """,
            arguments: ancestorIDs.map { $0 as (any DatabaseValueConvertible)? } + arguments)
    }

    private static let hitColumns = """
        r.product_id, r.id AS release_id, p.name AS product, r.version, n.ref, c.name, n.version AS component_version,
        n.license, n.depth, r.commercial, r.distribution_mask, r.monthly_active_users, r.daily_active_users,
        r.annual_revenue_usd, r.regions
        """

    private func hits(sql: String, arguments: [(any DatabaseValueConvertible)?]) throws(StoreError) -> [ReachHit] {
        try run {
            try queue.read { db in
                try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                    ReachHit(
                        handle: ReleaseHandle(productID: row["product_id"], releaseID: row["release_id"]),
                        product: row["product"], version: row["version"], ref: row["ref"], name: row["name"],
                        componentVersion: row["component_version"], license: row["license"], depth: row["depth"],
                        context: Self.context(row), lineageDepth: row["lineage_depth"])
                }
            }
        }
    }

    static func context(_ row: Row) -> ContextColumns {
        ContextColumns(
            commercial: row["commercial"], distributionMask: row["distribution_mask"],
            monthlyActiveUsers: row["monthly_active_users"], dailyActiveUsers: row["daily_active_users"],
            annualRevenueUSD: row["annual_revenue_usd"], regions: row["regions"])
    }

    /// The WHERE fragment (over `r` = release, `p` = product) a filter means, with its arguments.
    static func releaseClause(_ filter: ReleaseFilter) -> (String, [(any DatabaseValueConvertible)?]) {
        var parts = ["1 = 1"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        if filter.latestOnly { parts.append("r.is_latest = 1") }
        if let product = filter.product {
            parts.append("p.name = ?")
            arguments.append(product)
        }
        if let commercial = filter.commercial {
            parts.append("r.commercial = ?")
            arguments.append(commercial)
        }
        if filter.distributionMask != 0 {
            parts.append("(r.distribution_mask & ?) != 0")
            arguments.append(filter.distributionMask)
        }
        if let over = filter.monthlyActiveUsersOver {
            parts.append("r.monthly_active_users > ?")
            arguments.append(over)
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    static func marks(_ count: Int) -> String { Array(repeating: "?", count: max(count, 1)).joined(separator: ", ") }
}
