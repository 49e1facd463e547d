import Foundation
import GRDB
import PedigreeCore

/// Writes one release inside the caller's transaction, with statements prepared once per table.
struct SQLiteReleaseWriter {
    let db: Database

    /// Inserts the product if new, the documents not yet stored, the release, its index and first evaluation.
    func insert(_ record: ReleaseRecord) throws -> (handle: ReleaseHandle, newDocuments: Int) {
        try db.execute(sql: "INSERT INTO product (name) VALUES (?) ON CONFLICT (name) DO NOTHING", arguments: [record.product])
        guard let productID = try Int64.fetchOne(db, sql: "SELECT id FROM product WHERE name = ?", arguments: [record.product]) else {
            throw StoreError.damaged("product '\(record.product)' vanished while it was written")
        }
        var newDocuments = 0
        var documentIDs: [Int64] = []
        for document in record.documents {
            let stored = try self.document(document)
            documentIDs.append(stored.id)
            if stored.isNew { newDocuments += 1 }
        }
        let policy = try record.policy.map { try self.document($0) }
        try db.execute(sql: "UPDATE release SET is_latest = 0 WHERE product_id = ? AND is_latest = 1", arguments: [productID])
        try db.execute(
            sql: """
                INSERT INTO release (product_id, version, inputs_sha256, added_at, is_latest, stated_context,
                  policy_document_id, policy_path, commercial, distribution_mask, monthly_active_users,
                  daily_active_users, annual_revenue_usd, regions)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, 0, 0, NULL, NULL, NULL, '')
                """,
            arguments: [
                productID, record.version, record.inputsSHA256, record.addedAt, record.statedContext, policy?.id,
                record.policy?.path,
            ])
        let handle = ReleaseHandle(productID: productID, releaseID: db.lastInsertedRowID)
        try updateContext(record.context, release: handle.releaseID)
        for (position, document) in record.documents.enumerated() {
            try db.execute(
                sql: "INSERT INTO release_document (product_id, release_id, position, path, document_id) VALUES (?, ?, ?, ?, ?)",
                arguments: [productID, handle.releaseID, position, document.path, documentIDs[position]])
        }
        try insert(nodes: record.nodes, release: handle)
        try insert(ancestors: record.ancestors, release: handle)
        try insert(record.evaluation, release: handle, number: 1)
        return (handle, newDocuments)
    }

    /// The id of a document's bytes, stored now unless the same bytes were stored before.
    func document(_ document: StoredDocument) throws -> (id: Int64, isNew: Bool) {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM document WHERE sha256 = ?", arguments: [document.sha256]) {
            return (id, false)
        }
        try db.execute(
            sql: "INSERT INTO document (sha256, size, bytes) VALUES (?, ?, ?)",
            arguments: [document.sha256, document.bytes.count, Data(document.bytes)])
        return (db.lastInsertedRowID, true)
    }

    func updateContext(_ context: ContextColumns, release: Int64) throws {
        try db.execute(
            sql: """
                UPDATE release SET commercial = ?, distribution_mask = ?, monthly_active_users = ?, daily_active_users = ?,
                  annual_revenue_usd = ?, regions = ? WHERE id = ?
                """,
            arguments: [
                context.commercial, context.distributionMask, context.monthlyActiveUsers, context.dailyActiveUsers,
                context.annualRevenueUSD, context.regions, release,
            ])
    }

    private func insert(nodes: [NodeRecord], release: ReleaseHandle) throws {
        let component = try db.cachedStatement(
            sql: "INSERT INTO component (identity, name, name_key, kind) VALUES (?, ?, ?, ?) ON CONFLICT (identity) DO NOTHING")
        let componentID = try db.cachedStatement(sql: "SELECT id FROM component WHERE identity = ?")
        let node = try db.cachedStatement(
            sql: """
                INSERT INTO node (product_id, release_id, ref, component_id, version, license, ships, depth, parent_ref,
                  edge_kind, attached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
        let license = try db.cachedStatement(
            sql: """
                INSERT INTO node_license (product_id, release_id, license_key, ref, license_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """)
        for record in nodes {
            try component.execute(arguments: [record.identity, record.name, record.name.lowercased(), record.kind])
            guard let id = try Int64.fetchOne(componentID, arguments: [record.identity]) else {
                throw StoreError.damaged("component '\(record.identity)' vanished while it was written")
            }
            try node.execute(arguments: [
                release.productID, release.releaseID, record.ref, id, record.version, record.license, record.ships,
                record.depth, record.parentRef, record.edgeKind, record.attached,
            ])
            for licenseID in record.licenseIDs {
                try license.execute(arguments: [release.productID, release.releaseID, licenseID.lowercased(), record.ref, licenseID])
            }
        }
    }

    private func insert(ancestors: [AncestorRecord], release: ReleaseHandle) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO ancestor (product_id, release_id, ancestor_id, descendant_ref, depth, next_ref, next_kind)
                SELECT ?, ?, id, ?, ?, ?, ? FROM component WHERE identity = ? ON CONFLICT DO NOTHING
                """)
        for record in ancestors {
            try statement.execute(arguments: [
                release.productID, release.releaseID, record.descendantRef, record.depth, record.nextRef, record.nextKind,
                record.ancestorIdentity,
            ])
        }
    }

    /// Appends an evaluation with its findings and obligations, and makes it the release's current one.
    func insert(_ evaluation: EvaluationRecord, release: ReleaseHandle, number: Int) throws {
        let summary = evaluation.summary
        let basis = evaluation.basis
        try db.execute(
            sql: """
                INSERT INTO evaluation (product_id, release_id, number, reason, evaluated_at, engine_version,
                  knowledge_sha256, policy_sha256, facts_sha256, errors, warnings, infos, waived, blocking,
                  new_findings, resolved_findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                release.productID, release.releaseID, number, evaluation.reason, evaluation.evaluatedAt,
                basis.engineVersion, basis.knowledgeSHA256, basis.policySHA256, basis.factsSHA256, summary.errors,
                summary.warnings, summary.infos, summary.waived, summary.blocking, evaluation.newCount,
                evaluation.resolvedCount,
            ])
        let evaluationID = db.lastInsertedRowID
        try db.execute(sql: "UPDATE release SET evaluation_id = ? WHERE id = ?", arguments: [evaluationID, release.releaseID])
        let finding = try db.cachedStatement(
            sql: """
                INSERT INTO finding (product_id, evaluation_id, position, change, fingerprint, rule, severity, component,
                  fired_at, licenses, message, path, waived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, item) in evaluation.findings.enumerated() {
            try finding.execute(arguments: [
                release.productID, evaluationID, position, item.change.rawValue, item.fingerprint, item.rule,
                item.severity, item.component, item.firedAt, try Self.json(item.licenses), item.message,
                try Self.json(item.path), item.waived,
            ])
        }
        let obligation = try db.cachedStatement(
            sql: """
                INSERT INTO obligation (product_id, evaluation_id, position, kind, license, text, components)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, item) in evaluation.obligations.enumerated() {
            try obligation.execute(arguments: [
                release.productID, evaluationID, position, item.kind.rawValue, item.license, item.text,
                try Self.json(item.components.map(\.rawValue)),
            ])
        }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func finding(_ row: Row) throws -> StoredFinding {
        let decoder = JSONDecoder()
        guard let change = StoredFinding.Change(rawValue: row["change"]) else {
            throw StoreError.damaged("a finding's change is '\(row["change"] as String? ?? "")'")
        }
        return StoredFinding(
            change: change, fingerprint: row["fingerprint"], rule: row["rule"], severity: row["severity"],
            component: row["component"], firedAt: row["fired_at"],
            licenses: try decoder.decode([String].self, from: Data((row["licenses"] as String).utf8)),
            message: row["message"], path: try decoder.decode([PathStep].self, from: Data((row["path"] as String).utf8)),
            waived: row["waived"])
    }
}
