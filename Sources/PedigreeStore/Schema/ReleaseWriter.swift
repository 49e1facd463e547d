import Foundation
import PedigreeCore

/// What a writer needs of a database: statements run inside the transaction the backend opened.
package protocol StoreTransaction {
    func execute(_ statement: StoreStatement) throws(StoreError)
    func rows(_ statement: StoreStatement) throws(StoreError) -> [any StoreRow]
}

/// Writes one release inside the caller's transaction, in the portfolio's SQL (the same for SQLite
/// and PostgreSQL: new keys come back through `RETURNING`).
package struct ReleaseWriter {
    let db: any StoreTransaction

    package init(_ db: any StoreTransaction) { self.db = db }

    /// Inserts the product if new, the documents not yet stored, the release, its index and first evaluation.
    package func insert(_ record: ReleaseRecord) throws(StoreError) -> (handle: ReleaseHandle, newDocuments: Int) {
        let productID = try self.productID(record.product)
        var newDocuments = 0
        var documentIDs: [Int64] = []
        for document in record.documents {
            let stored = try self.document(document)
            documentIDs.append(stored.id)
            if stored.isNew { newDocuments += 1 }
        }
        let policy = try record.policy.map { document throws(StoreError) in try self.document(document) }
        try db.execute(StoreStatement("UPDATE release SET is_latest = 0 WHERE product_id = ? AND is_latest = 1", [.integer(productID)]))
        let releaseID = try id(
            StoreStatement(
                """
                INSERT INTO release (product_id, version, inputs_sha256, added_at, is_latest, stated_context,
                  policy_document_id, policy_path, commercial, distribution_mask, monthly_active_users,
                  daily_active_users, annual_revenue_usd, regions)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, 0, 0, NULL, NULL, NULL, '') RETURNING id
                """,
                [
                    .integer(productID), .text(record.version), .text(record.inputsSHA256), .text(record.addedAt),
                    .text(record.statedContext), StoreValue(policy?.id), StoreValue(record.policy?.path),
                ]), what: "release '\(record.version)'")
        let handle = ReleaseHandle(productID: productID, releaseID: releaseID)
        try updateContext(record.context, release: handle)
        try insertRows(
            "INSERT INTO release_document (product_id, release_id, position, path, document_id) VALUES",
            record.documents.enumerated().map { position, document in
                [.integer(productID), .integer(releaseID), StoreValue(position), .text(document.path), .integer(documentIDs[position])]
            })
        let componentIDs = try insert(nodes: record.nodes, release: handle)
        try insert(ancestors: record.ancestors, componentIDs: componentIDs, release: handle)
        try insert(record.evaluation, release: handle, number: 1)
        return (handle, newDocuments)
    }

    private func productID(_ name: String) throws(StoreError) -> Int64 {
        try db.execute(StoreStatement("INSERT INTO product (name) VALUES (?) ON CONFLICT (name) DO NOTHING", [.text(name)]))
        return try id(StoreStatement("SELECT id FROM product WHERE name = ?", [.text(name)]), what: "product '\(name)'")
    }

    /// The id of a document's bytes, stored now unless the same bytes were stored before.
    package func document(_ document: StoredDocument) throws(StoreError) -> (id: Int64, isNew: Bool) {
        if let id = try db.rows(StoreStatement("SELECT id FROM document WHERE sha256 = ?", [.text(document.sha256)])).first {
            return (try id.requiredID("id"), false)
        }
        let id = try id(
            StoreStatement(
                "INSERT INTO document (sha256, size, bytes) VALUES (?, ?, ?) RETURNING id",
                [.text(document.sha256), StoreValue(document.bytes.count), .bytes(document.bytes)]), what: "a document")
        return (id, true)
    }

    package func updateContext(_ context: ContextColumns, release: ReleaseHandle) throws(StoreError) {
        try db.execute(
            StoreStatement(
                """
                UPDATE release SET commercial = ?, distribution_mask = ?, monthly_active_users = ?, daily_active_users = ?,
                  annual_revenue_usd = ?, regions = ? WHERE product_id = ? AND id = ?
                """,
                [
                    StoreValue(context.commercial), StoreValue(context.distributionMask), StoreValue(context.monthlyActiveUsers),
                    StoreValue(context.dailyActiveUsers), StoreValue(context.annualRevenueUSD), .text(context.regions),
                    .integer(release.productID), .integer(release.releaseID),
                ]))
    }

    /// The ids of the components `records` name, inserting those the store lacks: one lookup, one
    /// insert of the new ones and one lookup of them, however many components the release has.
    ///
    /// Decisions: new identities are inserted in sorted order, so that two writers adding releases at
    /// once take their row locks in the same order and never deadlock; `ON CONFLICT DO NOTHING` and the
    /// second lookup pick up a component another writer inserted meanwhile.
    private func componentIDs(_ records: [NodeRecord]) throws(StoreError) -> [String: Int64] {
        let firsts = Dictionary(records.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        var ids = try lookUp(identities: Array(firsts.keys))
        let missing = firsts.keys.filter { ids[$0] == nil }.sorted()
        guard !missing.isEmpty else { return ids }
        let rows = missing.compactMap { firsts[$0] }.map { record -> [StoreValue] in
            [.text(record.identity), .text(record.name), .text(record.name.lowercased()), .text(record.kind)]
        }
        try insertRows("INSERT INTO component (identity, name, name_key, kind) VALUES", rows, then: "ON CONFLICT (identity) DO NOTHING")
        ids.merge(try lookUp(identities: missing)) { first, _ in first }
        if let lost = missing.first(where: { ids[$0] == nil }) { throw StoreError.damaged("component '\(lost)' vanished while it was written") }
        return ids
    }

    private func lookUp(identities: [String]) throws(StoreError) -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for chunk in Self.chunks(identities, of: Self.valuesPerStatement) {
            let statement = StoreStatement(
                "SELECT id, identity FROM component WHERE identity IN (\(StoreStatement.marks(chunk.count)))", chunk.map(StoreValue.text))
            for row in try db.rows(statement) { ids[try row.requiredText("identity")] = try row.requiredID("id") }
        }
        return ids
    }

    /// The nodes and their license ids; returns the component ids by identity, for the lineage.
    private func insert(nodes: [NodeRecord], release: ReleaseHandle) throws(StoreError) -> [String: Int64] {
        let componentIDs = try componentIDs(nodes)
        let keys: [StoreValue] = [.integer(release.productID), .integer(release.releaseID)]
        let nodeRows = nodes.map { record -> [StoreValue] in
            keys + [
                .text(record.ref), StoreValue(componentIDs[record.identity]), StoreValue(record.version), StoreValue(record.license),
                StoreValue(record.ships), StoreValue(record.depth), StoreValue(record.parentRef), StoreValue(record.edgeKind),
                StoreValue(record.attached),
            ]
        }
        try insertRows(
            "INSERT INTO node (product_id, release_id, ref, component_id, version, license, ships, depth, parent_ref, edge_kind, attached) VALUES",
            nodeRows, then: "ON CONFLICT DO NOTHING")
        let licenseRows = nodes.flatMap { record in
            record.licenseIDs.map { licenseID in keys + [.text(licenseID.lowercased()), .text(record.ref), .text(licenseID)] }
        }
        try insertRows(
            "INSERT INTO node_license (product_id, release_id, license_key, ref, license_id) VALUES", licenseRows,
            then: "ON CONFLICT DO NOTHING")
        let used = Set(nodes.flatMap(\.licenseIDs)).sorted().map { [StoreValue.text($0)] }
        try insertRows("INSERT INTO used_license (id) VALUES", used, then: "ON CONFLICT DO NOTHING")
        return componentIDs
    }

    /// The lineage pairs, each ancestor by the id its component was stored under with the nodes.
    private func insert(ancestors: [AncestorRecord], componentIDs: [String: Int64], release: ReleaseHandle) throws(StoreError) {
        let rows = ancestors.compactMap { record -> [StoreValue]? in
            guard let ancestorID = componentIDs[record.ancestorIdentity] else { return nil }
            return [
                .integer(release.productID), .integer(release.releaseID), .integer(ancestorID), .text(record.descendantRef),
                StoreValue(record.depth), .text(record.nextRef), .text(record.nextKind),
            ]
        }
        try insertRows(
            "INSERT INTO ancestor (product_id, release_id, ancestor_id, descendant_ref, depth, next_ref, next_kind) VALUES", rows,
            then: "ON CONFLICT DO NOTHING")
    }

    /// Appends an evaluation with its findings and obligations, and makes it the release's current one.
    package func insert(_ evaluation: EvaluationRecord, release: ReleaseHandle, number: Int) throws(StoreError) {
        let summary = evaluation.summary
        let basis = evaluation.basis
        let evaluationID = try id(
            StoreStatement(
                """
                INSERT INTO evaluation (product_id, release_id, number, reason, evaluated_at, engine_version,
                  knowledge_sha256, policy_sha256, facts_sha256, errors, warnings, infos, waived, blocking,
                  new_findings, resolved_findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [
                    .integer(release.productID), .integer(release.releaseID), StoreValue(number), .text(evaluation.reason),
                    .text(evaluation.evaluatedAt), .text(basis.engineVersion), .text(basis.knowledgeSHA256),
                    .text(basis.policySHA256), .text(basis.factsSHA256), StoreValue(summary.errors),
                    StoreValue(summary.warnings), StoreValue(summary.infos), StoreValue(summary.waived),
                    StoreValue(summary.blocking), StoreValue(evaluation.newCount), StoreValue(evaluation.resolvedCount),
                ]), what: "an evaluation")
        try db.execute(
            StoreStatement(
                "UPDATE release SET evaluation_id = ? WHERE product_id = ? AND id = ?",
                [.integer(evaluationID), .integer(release.productID), .integer(release.releaseID)]))
        try insertFindings(evaluation, keys: [.integer(release.productID), .integer(evaluationID)])
    }

    private func insertFindings(_ evaluation: EvaluationRecord, keys: [StoreValue]) throws(StoreError) {
        var findingRows: [[StoreValue]] = []
        for (position, item) in evaluation.findings.enumerated() {
            findingRows.append(
                keys + [
                    StoreValue(position), .text(item.change.rawValue), .text(item.fingerprint), .text(item.rule),
                    .text(item.severity), .text(item.component), .text(item.firedAt), .text(try Self.json(item.licenses)),
                    .text(item.message), .text(try Self.json(item.path)), StoreValue(item.waived), StoreValue(item.source),
                    StoreValue(try item.sourceLocation.map { location throws(StoreError) in try Self.json(location) }),
                ])
        }
        try insertRows(
            """
            INSERT INTO finding (product_id, evaluation_id, position, change, fingerprint, rule, severity, component,
              fired_at, licenses, message, path, waived, source, source_location) VALUES
            """, findingRows)
        var obligationRows: [[StoreValue]] = []
        for (position, item) in evaluation.obligations.enumerated() {
            obligationRows.append(
                keys + [
                    StoreValue(position), .text(item.kind.rawValue), .text(item.license), StoreValue(item.text),
                    .text(try Self.json(item.components.map(\.rawValue))),
                ])
        }
        try insertRows("INSERT INTO obligation (product_id, evaluation_id, position, kind, license, text, components) VALUES", obligationRows)
    }

    /// Records facts, each replacing an earlier one about the same component.
    package func record(_ facts: [LicenseFact], at time: String) throws(StoreError) {
        for fact in facts {
            try db.execute(
                StoreStatement(
                    """
                    INSERT INTO fact (component, license, recorded_at) VALUES (?, ?, ?)
                    ON CONFLICT (component) DO UPDATE SET license = excluded.license, recorded_at = excluded.recorded_at
                    """, [.text(fact.component), .text(fact.license), .text(time)]))
        }
    }

    /// Appends an evaluation to a stored release, with its new policy (when given) and context.
    package func append(
        _ evaluation: EvaluationRecord, to release: StoredRelease, policy: StoredDocument??, context: ContextColumns
    ) throws(StoreError) {
        if let policy {
            let documentID = try policy.map { document throws(StoreError) in try self.document(document).id }
            try db.execute(
                StoreStatement(
                    "UPDATE release SET policy_document_id = ?, policy_path = ? WHERE product_id = ? AND id = ?",
                    [
                        StoreValue(documentID), StoreValue(policy?.path), .integer(release.handle.productID),
                        .integer(release.handle.releaseID),
                    ]))
        }
        try updateContext(context, release: release.handle)
        try insert(evaluation, release: release.handle, number: release.evaluationNumber + 1)
    }

    /// The most values one statement binds: far below SQLite's 32,766 and PostgreSQL's 65,535
    /// parameters, and few enough statement texts (one per row count) for SQLite's statement cache.
    static let valuesPerStatement = 1_200

    /// Inserts `rows` in as few statements as `valuesPerStatement` allows, each one round trip to a
    /// server instead of one per row. `head` ends with `VALUES`; `then` follows the rows.
    private func insertRows(_ head: String, _ rows: [[StoreValue]], then tail: String = "") throws(StoreError) {
        guard let width = rows.first?.count else { return }
        for chunk in Self.chunks(rows, of: max(1, Self.valuesPerStatement / width)) {
            let sql = head + " " + StoreStatement.rowMarks(chunk.count, columns: width) + (tail.isEmpty ? "" : " " + tail)
            try db.execute(StoreStatement(sql, chunk.flatMap { $0 }))
        }
    }

    static func chunks<T>(_ items: [T], of size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }

    private func id(_ statement: StoreStatement, what: String) throws(StoreError) -> Int64 {
        guard let row = try db.rows(statement).first else { throw StoreError.damaged("\(what) vanished while it was written") }
        return try row.requiredID("id")
    }

    package static func json(_ value: some Encodable) throws(StoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError.damaged("cannot encode \(type(of: value)): \(error)")
        }
    }
}
