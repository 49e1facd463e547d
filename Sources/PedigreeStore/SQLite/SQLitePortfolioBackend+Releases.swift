import Foundation
import GRDB
import PedigreeCore

extension SQLitePortfolioBackend {
    func path(to ref: String, in release: ReleaseHandle) throws(StoreError) -> [PathStep] {
        try run {
            try queue.read { db in
                let statement = try db.cachedStatement(
                    sql: "SELECT parent_ref, edge_kind, attached FROM node WHERE product_id = ? AND release_id = ? AND ref = ?")
                var steps = [PathStep(ref: ComponentRef(ref))]
                var current = ref
                var seen: Set<String> = [ref]
                while let row = try Row.fetchOne(statement, arguments: [release.productID, release.releaseID, current]),
                    let parent: String = row["parent_ref"], seen.insert(parent).inserted
                {
                    let kind = (row["edge_kind"] as String?).flatMap(EdgeKind.init(rawValue:))
                    steps.insert(PathStep(ref: ComponentRef(parent), edge: kind, attached: row["attached"]), at: 0)
                    current = parent
                }
                return steps
            }
        }
    }

    func lineage(from descendant: String, to ancestorIDs: [Int64], in release: ReleaseHandle) throws(StoreError) -> [PathStep] {
        try run {
            try queue.read { db in
                let marks = Self.marks(ancestorIDs.count)
                let statement = try db.cachedStatement(
                    sql: """
                        SELECT a.next_ref, a.next_kind, a.depth FROM ancestor a
                        WHERE a.product_id = ? AND a.release_id = ? AND a.descendant_ref = ? AND a.ancestor_id IN (\(marks))
                        ORDER BY a.depth LIMIT 1
                        """)
                var steps = [PathStep(ref: ComponentRef(descendant))]
                var current = descendant
                var seen: Set<String> = [descendant]
                while true {
                    let arguments: [(any DatabaseValueConvertible)?] =
                        [release.productID, release.releaseID, current] + ancestorIDs.map { $0 as (any DatabaseValueConvertible)? }
                    guard let row = try Row.fetchOne(statement, arguments: StatementArguments(arguments)),
                        let next: String = row["next_ref"], seen.insert(next).inserted
                    else { break }
                    steps[steps.count - 1].edge = (row["next_kind"] as String?).flatMap(EdgeKind.init(rawValue:))
                    steps.append(PathStep(ref: ComponentRef(next)))
                    current = next
                    if (row["depth"] as Int?) == 1 { break }
                }
                return steps
            }
        }
    }

    func releases(_ filter: ReleaseFilter, touching componentIDs: [Int64]?) throws(StoreError) -> [StoredRelease] {
        var (clause, arguments) = Self.releaseClause(filter)
        if let componentIDs {
            guard !componentIDs.isEmpty else { return [] }
            clause += " AND r.id IN (SELECT release_id FROM node WHERE component_id IN (\(Self.marks(componentIDs.count))))"
            arguments += componentIDs.map { $0 as (any DatabaseValueConvertible)? }
        }
        return try run {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT r.product_id, r.id AS release_id, p.name AS product, r.version, r.added_at, r.stated_context,
                          r.policy_document_id, r.policy_path, r.commercial, r.distribution_mask, r.monthly_active_users,
                          r.daily_active_users, r.annual_revenue_usd, r.regions, e.id AS evaluation_id, e.number,
                          e.evaluated_at, e.engine_version, e.knowledge_sha256, e.policy_sha256, e.facts_sha256,
                          e.errors, e.warnings, e.infos, e.waived, e.blocking,
                          (SELECT COUNT(*) FROM node n WHERE n.product_id = r.product_id AND n.release_id = r.id) AS components
                        FROM release r JOIN product p ON p.id = r.product_id JOIN evaluation e ON e.id = r.evaluation_id
                        WHERE \(clause) ORDER BY p.name, r.id
                        """, arguments: StatementArguments(arguments)
                ).map(Self.storedRelease)
            }
        }
    }

    private static func storedRelease(_ row: Row) -> StoredRelease {
        StoredRelease(
            handle: ReleaseHandle(productID: row["product_id"], releaseID: row["release_id"]), product: row["product"],
            version: row["version"], addedAt: row["added_at"], statedContext: row["stated_context"],
            policyDocumentID: row["policy_document_id"], policyPath: row["policy_path"], context: context(row),
            evaluationID: row["evaluation_id"], evaluationNumber: row["number"], evaluatedAt: row["evaluated_at"],
            basis: EvaluationBasis(
                engineVersion: row["engine_version"], knowledgeSHA256: row["knowledge_sha256"],
                policySHA256: row["policy_sha256"], factsSHA256: row["facts_sha256"]),
            summary: AuditSummary(
                components: row["components"], relationships: 0, errors: row["errors"], warnings: row["warnings"],
                infos: row["infos"], waived: row["waived"], blocking: row["blocking"]))
    }

    func releaseIDs(containing componentIDs: [Int64]) throws(StoreError) -> Set<Int64> {
        guard !componentIDs.isEmpty else { return [] }
        return try run {
            try queue.read { db in
                Set(try Int64.fetchAll(
                    db, sql: "SELECT DISTINCT release_id FROM node WHERE component_id IN (\(Self.marks(componentIDs.count)))",
                    arguments: StatementArguments(componentIDs)))
            }
        }
    }

    func documents(of release: ReleaseHandle) throws(StoreError) -> [StoredDocument] {
        try run {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT rd.path, d.bytes FROM release_document rd JOIN document d ON d.id = rd.document_id
                        WHERE rd.product_id = ? AND rd.release_id = ? ORDER BY rd.position
                        """, arguments: [release.productID, release.releaseID]
                ).map { StoredDocument(path: $0["path"], bytes: [UInt8]($0["bytes"] as Data)) }
            }
        }
    }

    func document(id: Int64) throws(StoreError) -> StoredDocument? {
        try run {
            try queue.read { db in
                try Row.fetchOne(db, sql: "SELECT bytes FROM document WHERE id = ?", arguments: [id])
                    .map { StoredDocument(path: "", bytes: [UInt8]($0["bytes"] as Data)) }
            }
        }
    }

    func findings(evaluation: Int64, product: Int64) throws(StoreError) -> [StoredFinding] {
        try run {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT change, fingerprint, rule, severity, component, fired_at, licenses, message, path, waived
                        FROM finding WHERE product_id = ? AND evaluation_id = ? ORDER BY position
                        """, arguments: [product, evaluation]
                ).map { row throws in try SQLiteReleaseWriter.finding(row) }
            }
        }
    }

    func facts() throws(StoreError) -> [LicenseFact] {
        try run {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT component, license FROM fact ORDER BY component")
                    .map { LicenseFact(component: $0["component"], license: $0["license"]) }
            }
        }
    }
}
