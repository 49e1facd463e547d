import Foundation
import PedigreeCore

/// A backend that speaks the portfolio's SQL: it runs a statement and hands back rows; every question
/// is then asked and read here, once for both databases.
package protocol PortfolioSQLBackend: PortfolioBackend {
    /// Runs a reading statement; a failure is a `StoreError.database` naming the store.
    func rows(_ statement: StoreStatement) throws(StoreError) -> [any StoreRow]
}

extension PortfolioSQLBackend {
    package func release(product: String, version: String) throws(StoreError) -> (handle: ReleaseHandle, inputsSHA256: String)? {
        guard let row = try rows(PortfolioStatements.release(product: product, version: version)).first else { return nil }
        return (ReleaseHandle(productID: try row.requiredID("product_id"), releaseID: try row.requiredID("id")),
                try row.requiredText("inputs_sha256"))
    }

    package func componentIDs(identities: [String], nameKey: String, ref: String) throws(StoreError) -> [Int64] {
        var ids = try ids(PortfolioStatements.componentIDs(identities: identities, nameKey: nameKey), column: "id")
        ids += try self.ids(PortfolioStatements.componentIDs(ref: ref), column: "component_id")
        return Array(Set(ids)).sorted()
    }

    package func licenseIDs() throws(StoreError) -> [String] {
        try rows(PortfolioStatements.licenseIDs).map { row throws(StoreError) in try row.requiredText("license_id") }
    }

    package func reach(componentIDs: [Int64], filter: ReleaseFilter) throws(StoreError) -> [ReachHit] {
        guard !componentIDs.isEmpty else { return [] }
        return try hits(PortfolioStatements.reach(componentIDs: componentIDs, filter: filter))
    }

    package func reach(licenseKeys: [String], filter: ReleaseFilter) throws(StoreError) -> [ReachHit] {
        guard !licenseKeys.isEmpty else { return [] }
        return try hits(PortfolioStatements.reach(licenseKeys: licenseKeys, filter: filter))
    }

    package func descendants(ancestorIDs: [Int64], filter: ReleaseFilter) throws(StoreError) -> [ReachHit] {
        guard !ancestorIDs.isEmpty else { return [] }
        return try hits(PortfolioStatements.descendants(ancestorIDs: ancestorIDs, filter: filter))
    }

    /// Climbs from every node to its product root at once: one statement per step up for all the
    /// walks still climbing (a few, however many nodes), instead of one per step of each walk.
    package func paths(to nodes: [NodeKey]) throws(StoreError) -> [NodeKey: [PathStep]] {
        var walks = Dictionary(nodes.map { ($0, Walk(start: $0)) }, uniquingKeysWith: { first, _ in first })
        var climbing = Set(walks.keys)
        while !climbing.isEmpty {
            let parents = try rowsByNode(Set(climbing.map { walks[$0]?.current ?? $0 }), PortfolioStatements.parents, refColumn: "ref")
            for start in climbing {
                guard var walk = walks[start], let row = parents[walk.current]?.first, let parent = try row.text("parent_ref"),
                    walk.seen.insert(parent).inserted
                else {
                    climbing.remove(start)
                    continue
                }
                let kind = try row.text("edge_kind").flatMap(EdgeKind.init(rawValue:))
                walk.steps.insert(PathStep(ref: ComponentRef(parent), edge: kind, attached: try row.bool("attached")), at: 0)
                walk.current = NodeKey(release: start.release, ref: parent)
                walks[start] = walk
            }
        }
        return walks.mapValues(\.steps)
    }

    /// Descends from every node towards its nearest ancestor among `ancestorIDs` at once, one
    /// statement per step for all the walks still going.
    package func lineages(from nodes: [NodeKey], to ancestorIDs: [Int64]) throws(StoreError) -> [NodeKey: [PathStep]] {
        var walks = Dictionary(nodes.map { ($0, Walk(start: $0)) }, uniquingKeysWith: { first, _ in first })
        var going = Set(walks.keys)
        while !going.isEmpty {
            let currents = Set(going.map { walks[$0]?.current ?? $0 })
            let steps = try rowsByNode(currents, { PortfolioStatements.lineageSteps(from: $0, to: ancestorIDs) }, refColumn: "descendant_ref")
            for start in going {
                guard var walk = walks[start], let row = try Self.nearest(steps[walk.current] ?? []),
                    let next = try row.text("next_ref"), walk.seen.insert(next).inserted
                else {
                    going.remove(start)
                    continue
                }
                walk.steps[walk.steps.count - 1].edge = try row.text("next_kind").flatMap(EdgeKind.init(rawValue:))
                walk.steps.append(PathStep(ref: ComponentRef(next)))
                walk.current = NodeKey(release: start.release, ref: next)
                walks[start] = walk
                if try row.int("depth") == 1 { going.remove(start) }
            }
        }
        return walks.mapValues(\.steps)
    }

    /// The step towards the nearest ancestor (then the first by ref, so that ties are decided alike).
    private static func nearest(_ rows: [any StoreRow]) throws(StoreError) -> (any StoreRow)? {
        var best: (key: (Int, String), row: any StoreRow)?
        for row in rows {
            let key = (try row.requiredInt("depth"), try row.requiredText("next_ref"))
            if best.map({ key < $0.key }) ?? true { best = (key, row) }
        }
        return best?.row
    }

    /// Runs `statement` over `nodes` in chunks and groups the rows by the node they belong to.
    private func rowsByNode(
        _ nodes: Set<NodeKey>, _ statement: (ArraySlice<NodeKey>) -> StoreStatement, refColumn: String
    ) throws(StoreError) -> [NodeKey: [any StoreRow]] {
        var grouped: [NodeKey: [any StoreRow]] = [:]
        for chunk in ReleaseWriter.chunks(Array(nodes), of: ReleaseWriter.valuesPerStatement / 3) {
            for row in try rows(statement(chunk)) {
                let release = ReleaseHandle(productID: try row.requiredID("product_id"), releaseID: try row.requiredID("release_id"))
                grouped[NodeKey(release: release, ref: try row.requiredText(refColumn)), default: []].append(row)
            }
        }
        return grouped
    }

    package func releases(_ filter: ReleaseFilter, touching componentIDs: [Int64]?) throws(StoreError) -> [StoredRelease] {
        if let componentIDs, componentIDs.isEmpty { return [] }
        return try rows(PortfolioStatements.releases(filter, touching: componentIDs)).map { row throws(StoreError) in
            try StoredRelease(row: row)
        }
    }

    package func releaseIDs(containing componentIDs: [Int64]) throws(StoreError) -> Set<Int64> {
        guard !componentIDs.isEmpty else { return [] }
        return Set(try ids(PortfolioStatements.releaseIDs(containing: componentIDs), column: "release_id"))
    }

    package func documents(of release: ReleaseHandle) throws(StoreError) -> [StoredDocument] {
        try rows(PortfolioStatements.documents(of: release)).map { row throws(StoreError) in
            StoredDocument(path: try row.requiredText("path"), bytes: try row.required("bytes", row.bytes))
        }
    }

    package func document(id: Int64) throws(StoreError) -> StoredDocument? {
        try rows(PortfolioStatements.document(id: id)).first.map { row throws(StoreError) in
            StoredDocument(path: "", bytes: try row.required("bytes", row.bytes))
        }
    }

    package func findings(evaluation: Int64, product: Int64) throws(StoreError) -> [StoredFinding] {
        try rows(PortfolioStatements.findings(evaluation: evaluation, product: product)).map { row throws(StoreError) in
            try StoredFinding(row: row)
        }
    }

    package func facts() throws(StoreError) -> [LicenseFact] {
        try rows(PortfolioStatements.facts).map { row throws(StoreError) in
            LicenseFact(component: try row.requiredText("component"), license: try row.requiredText("license"))
        }
    }

    package func statistics() throws(StoreError) -> StoreStatistics {
        guard let row = try rows(PortfolioStatements.statistics).first else { throw StoreError.damaged("the store's counts did not read") }
        return StoreStatistics(
            products: try row.requiredInt("products"), releases: try row.requiredInt("releases"),
            evaluations: try row.requiredInt("evaluations"), documents: try row.requiredInt("documents"),
            documentBytes: try row.requiredInt("document_bytes"), components: try row.requiredInt("components"),
            nodes: try row.requiredInt("nodes"), findings: try row.requiredInt("findings"), facts: try row.requiredInt("facts"))
    }

    private func ids(_ statement: StoreStatement, column: String) throws(StoreError) -> [Int64] {
        try rows(statement).map { row throws(StoreError) in try row.requiredID(column) }
    }

    private func hits(_ statement: StoreStatement) throws(StoreError) -> [ReachHit] {
        try rows(statement).map { row throws(StoreError) in
            ReachHit(
                handle: ReleaseHandle(productID: try row.requiredID("product_id"), releaseID: try row.requiredID("release_id")),
                product: try row.requiredText("product"), version: try row.requiredText("version"),
                ref: try row.requiredText("ref"), name: try row.requiredText("name"),
                componentVersion: try row.text("component_version"), license: try row.text("license"),
                depth: try row.int("depth"), context: try ContextColumns(row: row), lineageDepth: try row.int("lineage_depth"))
        }
    }
}

/// One walk of `paths` or `lineages`: where it stands, the steps so far and the refs it passed.
private struct Walk {
    var current: NodeKey
    var steps: [PathStep]
    var seen: Set<String>

    init(start: NodeKey) {
        current = start
        steps = [PathStep(ref: ComponentRef(start.ref))]
        seen = [start.ref]
    }
}

extension ContextColumns {
    init(row: any StoreRow) throws(StoreError) {
        self.init(
            commercial: try row.bool("commercial"), distributionMask: try row.requiredInt("distribution_mask"),
            monthlyActiveUsers: try row.int("monthly_active_users"), dailyActiveUsers: try row.int("daily_active_users"),
            annualRevenueUSD: try row.real("annual_revenue_usd"), regions: try row.requiredText("regions"))
    }
}

extension StoredRelease {
    init(row: any StoreRow) throws(StoreError) {
        self.init(
            handle: ReleaseHandle(productID: try row.requiredID("product_id"), releaseID: try row.requiredID("release_id")),
            product: try row.requiredText("product"), version: try row.requiredText("version"),
            addedAt: try row.requiredText("added_at"), statedContext: try row.requiredText("stated_context"),
            policyDocumentID: try row.integer("policy_document_id"), policyPath: try row.text("policy_path"),
            context: try ContextColumns(row: row), evaluationID: try row.requiredID("evaluation_id"),
            evaluationNumber: try row.requiredInt("number"), evaluatedAt: try row.requiredText("evaluated_at"),
            basis: EvaluationBasis(
                engineVersion: try row.requiredText("engine_version"), knowledgeSHA256: try row.requiredText("knowledge_sha256"),
                policySHA256: try row.requiredText("policy_sha256"), factsSHA256: try row.requiredText("facts_sha256")),
            summary: AuditSummary(
                components: try row.requiredInt("components"), relationships: 0, errors: try row.requiredInt("errors"),
                warnings: try row.requiredInt("warnings"), infos: try row.requiredInt("infos"),
                waived: try row.requiredInt("waived"), blocking: try row.requiredInt("blocking")))
    }
}

extension StoredFinding {
    init(row: any StoreRow) throws(StoreError) {
        let changeText = try row.requiredText("change")
        guard let change = Change(rawValue: changeText) else { throw StoreError.damaged("a finding's change is '\(changeText)'") }
        self.init(
            change: change, fingerprint: try row.requiredText("fingerprint"), rule: try row.requiredText("rule"),
            severity: try row.requiredText("severity"), component: try row.requiredText("component"),
            firedAt: try row.requiredText("fired_at"), licenses: try Self.decode([String].self, row, "licenses"),
            message: try row.requiredText("message"), path: try Self.decode([PathStep].self, row, "path"),
            waived: try row.bool("waived"), source: try row.text("source"),
            sourceLocation: try row.text("source_location").map { text throws(StoreError) in
                try Self.decode(SourceLocation.self, text, "source_location")
            })
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ row: any StoreRow, _ column: String) throws(StoreError) -> T {
        try decode(type, try row.requiredText(column), column)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, _ column: String) throws(StoreError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.damaged("a finding's \(column) does not decode")
        }
    }
}
