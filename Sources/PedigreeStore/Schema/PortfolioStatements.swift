import Foundation
import PedigreeCore

/// The portfolio's reading queries, written once for SQLite and PostgreSQL (DOMAIN §9).
///
/// Decisions: every query narrows through the stored index (`node`, `node_license`, `ancestor`) with
/// plain joins and no recursion, so that it runs the same on both databases; per-product tables join
/// on `product_id` too, so that on a PostgreSQL sharded by product (Citus) each join stays within a
/// shard. The release filter is one WHERE fragment over `r` (release) and `p` (product).
package enum PortfolioStatements {
    package static func release(product: String, version: String) -> StoreStatement {
        StoreStatement(
            """
            SELECT r.product_id, r.id, r.inputs_sha256 FROM release r JOIN product p ON p.id = r.product_id
            WHERE p.name = ? AND r.version = ?
            """, [.text(product), .text(version)])
    }

    package static func componentIDs(identities: [String], nameKey: String) -> StoreStatement {
        StoreStatement(
            "SELECT id FROM component WHERE identity IN (\(StoreStatement.marks(identities.count))) OR name_key = ?",
            identities.map(StoreValue.text) + [.text(nameKey)])
    }

    package static func componentIDs(ref: String) -> StoreStatement {
        StoreStatement("SELECT DISTINCT component_id FROM node WHERE ref = ?", [.text(ref)])
    }

    package static let licenseIDs = StoreStatement("SELECT id AS license_id FROM used_license")

    package static func reach(componentIDs: [Int64], filter: ReleaseFilter) -> StoreStatement {
        let (clause, arguments) = releaseClause(filter)
        return StoreStatement(
            """
            SELECT \(hitColumns), NULL AS lineage_depth
            FROM node n JOIN release r ON r.product_id = n.product_id AND r.id = n.release_id JOIN product p ON p.id = r.product_id
            JOIN component c ON c.id = n.component_id
            WHERE n.component_id IN (\(StoreStatement.marks(componentIDs.count))) AND \(clause)
            """, componentIDs.map(StoreValue.integer) + arguments)
    }

    package static func reach(licenseKeys: [String], filter: ReleaseFilter) -> StoreStatement {
        let (clause, arguments) = releaseClause(filter)
        return StoreStatement(
            """
            SELECT DISTINCT \(hitColumns), NULL AS lineage_depth
            FROM node_license l
            JOIN node n ON n.product_id = l.product_id AND n.release_id = l.release_id AND n.ref = l.ref
            JOIN release r ON r.product_id = l.product_id AND r.id = l.release_id JOIN product p ON p.id = r.product_id
            JOIN component c ON c.id = n.component_id
            WHERE l.license_key IN (\(StoreStatement.marks(licenseKeys.count))) AND \(clause)
            """, licenseKeys.map(StoreValue.text) + arguments)
    }

    package static func descendants(ancestorIDs: [Int64], filter: ReleaseFilter) -> StoreStatement {
        let (clause, arguments) = releaseClause(filter)
        return StoreStatement(
            """
            SELECT \(hitColumns), a.depth AS lineage_depth
            FROM ancestor a
            JOIN node n ON n.product_id = a.product_id AND n.release_id = a.release_id AND n.ref = a.descendant_ref
            JOIN release r ON r.product_id = a.product_id AND r.id = a.release_id JOIN product p ON p.id = r.product_id
            JOIN component c ON c.id = n.component_id
            WHERE a.ancestor_id IN (\(StoreStatement.marks(ancestorIDs.count))) AND \(clause)
            """, ancestorIDs.map(StoreValue.integer) + arguments)
    }

    private static let hitColumns = """
        r.product_id, r.id AS release_id, p.name AS product, r.version, n.ref, c.name, n.version AS component_version,
        n.license, n.depth, r.commercial, r.distribution_mask, r.monthly_active_users, r.daily_active_users,
        r.annual_revenue_usd, r.regions
        """

    /// One step up the reach index for each of `nodes`: the parent the shortest path comes through.
    package static func parents(of nodes: ArraySlice<NodeKey>) -> StoreStatement {
        StoreStatement(
            """
            \(wanted(nodes.count))
            SELECT n.product_id, n.release_id, n.ref, n.parent_ref, n.edge_kind, n.attached
            FROM wanted w JOIN node n ON n.product_id = w.product_id AND n.release_id = w.release_id AND n.ref = w.ref
            """, keys(nodes))
    }

    /// Every step down the lineage from each of `nodes` towards any of `ancestorIDs`, with its depth;
    /// the caller keeps the nearest.
    package static func lineageSteps(from nodes: ArraySlice<NodeKey>, to ancestorIDs: [Int64]) -> StoreStatement {
        StoreStatement(
            """
            \(wanted(nodes.count))
            SELECT a.product_id, a.release_id, a.descendant_ref, a.next_ref, a.next_kind, a.depth
            FROM wanted w JOIN ancestor a ON a.product_id = w.product_id AND a.release_id = w.release_id AND a.descendant_ref = w.ref
            WHERE a.ancestor_id IN (\(StoreStatement.marks(ancestorIDs.count)))
            """, keys(nodes) + ancestorIDs.map(StoreValue.integer))
    }

    /// The nodes as a table joined on the primary key: SQLite searches the key for each row this way,
    /// where `(product_id, release_id, ref) IN (VALUES …)` scans the whole table.
    private static func wanted(_ count: Int) -> String {
        "WITH wanted (product_id, release_id, ref) AS (VALUES \(StoreStatement.rowMarks(count, columns: 3)))"
    }

    private static func keys(_ nodes: ArraySlice<NodeKey>) -> [StoreValue] {
        nodes.flatMap { node in [.integer(node.release.productID), .integer(node.release.releaseID), .text(node.ref)] }
    }

    package static func releases(_ filter: ReleaseFilter, touching componentIDs: [Int64]?) -> StoreStatement {
        var (clause, arguments) = releaseClause(filter)
        if let componentIDs {
            clause += " AND r.id IN (SELECT release_id FROM node WHERE component_id IN (\(StoreStatement.marks(componentIDs.count))))"
            arguments += componentIDs.map(StoreValue.integer)
        }
        return StoreStatement(
            """
            SELECT r.product_id, r.id AS release_id, p.name AS product, r.version, r.added_at, r.stated_context,
              r.policy_document_id, r.policy_path, r.commercial, r.distribution_mask, r.monthly_active_users,
              r.daily_active_users, r.annual_revenue_usd, r.regions, e.id AS evaluation_id, e.number,
              e.evaluated_at, e.engine_version, e.knowledge_sha256, e.policy_sha256, e.facts_sha256,
              e.errors, e.warnings, e.infos, e.waived, e.blocking,
              (SELECT COUNT(*) FROM node n WHERE n.product_id = r.product_id AND n.release_id = r.id) AS components
            FROM release r JOIN product p ON p.id = r.product_id JOIN evaluation e ON e.product_id = r.product_id AND e.id = r.evaluation_id
            WHERE \(clause) ORDER BY p.name, r.id
            """, arguments)
    }

    /// Locks a release for the rest of the transaction unless another process holds it, and only while
    /// its current evaluation is still the one that was read: the claim of `reaudit --worker`.
    package static func claim(_ release: StoredRelease) -> StoreStatement {
        StoreStatement(
            "SELECT id FROM release WHERE product_id = ? AND id = ? AND evaluation_id = ? FOR UPDATE SKIP LOCKED",
            [.integer(release.handle.productID), .integer(release.handle.releaseID), .integer(release.evaluationID)])
    }

    package static func releaseIDs(containing componentIDs: [Int64]) -> StoreStatement {
        StoreStatement(
            "SELECT DISTINCT release_id FROM node WHERE component_id IN (\(StoreStatement.marks(componentIDs.count)))",
            componentIDs.map(StoreValue.integer))
    }

    package static func documents(of release: ReleaseHandle) -> StoreStatement {
        StoreStatement(
            """
            SELECT rd.path, d.bytes FROM release_document rd JOIN document d ON d.id = rd.document_id
            WHERE rd.product_id = ? AND rd.release_id = ? ORDER BY rd.position
            """, [.integer(release.productID), .integer(release.releaseID)])
    }

    package static func document(id: Int64) -> StoreStatement {
        StoreStatement("SELECT bytes FROM document WHERE id = ?", [.integer(id)])
    }

    package static func findings(evaluation: Int64, product: Int64) -> StoreStatement {
        StoreStatement(
            """
            SELECT change, fingerprint, rule, severity, component, fired_at, licenses, message, path, waived, source,
              source_location
            FROM finding WHERE product_id = ? AND evaluation_id = ? ORDER BY position
            """, [.integer(product), .integer(evaluation)])
    }

    package static let facts = StoreStatement("SELECT component, license FROM fact ORDER BY component")

    /// The counts `StoreStatistics` reports, in one row (`CAST` keeps PostgreSQL's sum an integer).
    package static let statistics = StoreStatement(
        """
        SELECT (SELECT COUNT(*) FROM product) AS products, (SELECT COUNT(*) FROM release) AS releases,
          (SELECT COUNT(*) FROM evaluation) AS evaluations, (SELECT COUNT(*) FROM document) AS documents,
          (SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM document) AS document_bytes,
          (SELECT COUNT(*) FROM component) AS components, (SELECT COUNT(*) FROM node) AS nodes,
          (SELECT COUNT(*) FROM finding) AS findings, (SELECT COUNT(*) FROM fact) AS facts
        """)

    /// The WHERE fragment (over `r` = release, `p` = product) a filter means, with its arguments.
    package static func releaseClause(_ filter: ReleaseFilter) -> (String, [StoreValue]) {
        var parts = ["1 = 1"]
        var arguments: [StoreValue] = []
        if filter.latestOnly { parts.append("r.is_latest = 1") }
        if let product = filter.product {
            parts.append("p.name = ?")
            arguments.append(.text(product))
        }
        if let commercial = filter.commercial {
            parts.append("r.commercial = ?")
            arguments.append(StoreValue(commercial))
        }
        if filter.distributionMask != 0 {
            parts.append("(r.distribution_mask & ?) != 0")
            arguments.append(StoreValue(filter.distributionMask))
        }
        if let over = filter.monthlyActiveUsersOver {
            parts.append("r.monthly_active_users > ?")
            arguments.append(StoreValue(over))
        }
        return (parts.joined(separator: " AND "), arguments)
    }
}
