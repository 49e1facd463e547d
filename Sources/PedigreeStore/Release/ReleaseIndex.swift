import PedigreeCore

/// Builds a release's reach index and model-lineage closure from what the engine concluded.
///
/// Decisions: the index is read off the audit result (its relationships include the edges the engine
/// attached for components no path reached), so the store indexes exactly the graph that was judged.
/// A component's place is its shortest chain of real edges from a product root; an attached edge is
/// used only where no real chain exists (DOMAIN §8.6). Lineage follows the model-derivation kinds only
/// (fine-tune, quantization, merge, adapter, distillation, other derivation), so `--derived-from`
/// answers "which products ship something made from this model", not "which link to it".
enum ReleaseIndex {
    static let lineageKinds: Set<EdgeKind> = [
        .fineTunedFrom, .quantizedFrom, .mergedFrom, .adapterOf, .derivedFrom, .distilledFrom,
    ]

    /// The nodes of a release, each placed by a breadth-first walk from the roots.
    ///
    /// - Complexity: O(V + E).
    static func nodes(of result: AuditResult, catalog: KnowledgeBase) -> [NodeRecord] {
        let places = reach(result)
        let parser = LicenseExpressionParser(ids: catalog)
        return result.components.map { component in
            let place = places[component.ref]
            return NodeRecord(
                ref: component.ref.rawValue, identity: Fingerprint.identity(purl: component.purl, name: component.name),
                name: component.name, kind: component.kind.rawValue, version: component.version,
                license: component.license, licenseIDs: licenseIDs(component.license, parser: parser),
                ships: component.ships, depth: place?.depth, parentRef: place?.parent?.ref.rawValue,
                edgeKind: place?.parent?.kind.rawValue, attached: place?.parent?.attached ?? false)
        }
    }

    struct Place {
        var depth: Int
        var parent: (ref: ComponentRef, kind: EdgeKind, attached: Bool)?
    }

    /// Shortest places over real edges first; then the attached edges, and real edges on from there.
    static func reach(_ result: AuditResult) -> [ComponentRef: Place] {
        var real: [ComponentRef: [AuditedRelationship]] = [:]
        var attached: [AuditedRelationship] = []
        for relationship in result.relationships {
            if relationship.attached { attached.append(relationship) } else { real[relationship.from, default: []].append(relationship) }
        }
        var places: [ComponentRef: Place] = [:]
        var queue: [ComponentRef] = []
        for root in result.context.roots.sorted() where places[root] == nil {
            places[root] = Place(depth: 0, parent: nil)
            queue.append(root)
        }
        func walk(from start: Int) {
            var head = start
            while head < queue.count {
                let ref = queue[head]
                head += 1
                let depth = places[ref]?.depth ?? 0
                for edge in real[ref] ?? [] where places[edge.to] == nil {
                    places[edge.to] = Place(depth: depth + 1, parent: (ref, edge.kind, false))
                    queue.append(edge.to)
                }
            }
        }
        walk(from: 0)
        let start = queue.count
        for edge in attached where places[edge.to] == nil {
            places[edge.to] = Place(depth: (places[edge.from]?.depth ?? 0) + 1, parent: (edge.from, edge.kind, true))
            queue.append(edge.to)
        }
        walk(from: start)
        return places
    }

    /// For every component with a lineage edge, the models it derives from, nearest hop first.
    ///
    /// - Complexity: O(D · (V + E)) for D components with a lineage edge (few: models).
    static func ancestors(of result: AuditResult) -> [AncestorRecord] {
        var lineage: [ComponentRef: [AuditedRelationship]] = [:]
        for relationship in result.relationships where !relationship.attached && lineageKinds.contains(relationship.kind) {
            lineage[relationship.from, default: []].append(relationship)
        }
        let identities = Dictionary(
            result.components.map { ($0.ref, Fingerprint.identity(purl: $0.purl, name: $0.name)) },
            uniquingKeysWith: { first, _ in first })
        var records: [AncestorRecord] = []
        for descendant in lineage.keys.sorted() {
            var seen: Set<ComponentRef> = [descendant]
            var frontier: [(ref: ComponentRef, first: AuditedRelationship)] = []
            for edge in lineage[descendant] ?? [] where seen.insert(edge.to).inserted { frontier.append((edge.to, edge)) }
            var depth = 1
            while !frontier.isEmpty {
                var next: [(ref: ComponentRef, first: AuditedRelationship)] = []
                for (ref, first) in frontier {
                    if let identity = identities[ref] {
                        records.append(AncestorRecord(
                            ancestorIdentity: identity, descendantRef: descendant.rawValue, depth: depth,
                            nextRef: first.to.rawValue, nextKind: first.kind.rawValue))
                    }
                    for edge in lineage[ref] ?? [] where seen.insert(edge.to).inserted { next.append((edge.to, first)) }
                }
                frontier = next
                depth += 1
            }
        }
        return records
    }

    /// The license ids a component's license names (its `OR` choice already made by the engine).
    static func licenseIDs(_ license: String?, parser: LicenseExpressionParser) -> [String] {
        guard let license, !license.isEmpty else { return [] }
        guard let expression = try? parser.parse(license) else { return [license] }
        var seen: Set<String> = []
        return expression.licenseIDs.filter { seen.insert($0.lowercased()).inserted }
    }
}
