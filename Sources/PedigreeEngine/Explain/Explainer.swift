/// Builds an `Explanation` of one component from the propagated terms.
///
/// Decisions: every component holding a license whose term reaches the explained one is listed, not
/// only the nearest (a search back from the component per arriving term); unknown licenses are looked
/// for over every edge that ships, because an unknown term could be anything.
enum Explainer {
    static func explain(_ node: Int, context: RuleContext, findings: [Finding]) -> Explanation {
        let ref = context.ref(node)
        let related = findings.filter { $0.component == ref || $0.source == ref || $0.firedAt == ref || $0.path.contains { $0.ref == ref } }
        let license = context.componentLicenses[node]
        let text = license.atoms.isEmpty ? license.statement?.displayText : license.atoms.map { context.licenses[$0].key }.joined(separator: " AND ")
        return Explanation(
            component: ref, license: text, pathFromProduct: context.pathToComponent(node), terms: terms(at: node, context),
            unknown: unknownUpstream(of: node, context), findings: related)
    }

    /// Every (license, source, path) whose term arrives at `node`, with the aspects that arrive that way.
    static func terms(at node: Int, _ context: RuleContext) -> [Explanation.Term] {
        var arriving: [(license: Int, aspect: Aspect)] = []
        var seen = Set<Int>()
        for record in context.forward.records(at: node) {
            guard let aspect = Aspect(rawValue: Int(record.aspect)),
                seen.insert(Int(record.license) * Aspect.count + aspect.rawValue).inserted
            else { continue }
            arriving.append((Int(record.license), aspect))
        }
        struct Key: Hashable {
            var license: Int
            var source: Int
            var edges: [Int]
        }
        var grouped: [Key: [Aspect]] = [:]
        var order: [Key] = []
        for reach in context.propagator.reaching([node], terms: arriving) {
            let key = Key(license: reach.license, source: reach.source, edges: reach.edges)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(reach.aspect)
        }
        return order.map { key in
            Explanation.Term(
                license: context.licenses[key.license].key,
                aspects: (grouped[key] ?? []).sorted { $0.rawValue < $1.rawValue }.map(\.description),
                source: context.ref(key.source), own: key.edges.isEmpty, path: context.steps(from: node, edges: key.edges))
        }.sorted { l, r in
            if l.own != r.own { return l.own }
            if l.license != r.license { return l.license < r.license }
            if l.path.count != r.path.count { return l.path.count < r.path.count }
            return l.source < r.source
        }
    }

    /// The components `node` uses over edges that ship whose license terms are unknown, with paths.
    static func unknownUpstream(of node: Int, _ context: RuleContext) -> [Explanation.Unknown] {
        let index = context.index
        let via = index.searchUpstream(from: [node]) { EdgeClass.ships(index.edgeKind[$0]) }
        var result: [Explanation.Unknown] = []
        for other in 0..<index.nodeCount where via[other] != -2 {
            let license = context.componentLicenses[other]
            guard license.isMissing || license.atoms.contains(where: { context.licenses[$0].terms == nil }) else { continue }
            var edges: [Int] = []
            var current = other
            while via[current] >= 0, edges.count <= index.nodeCount {
                edges.append(Int(via[current]))
                current = Int(index.edgeFrom[Int(via[current])])
            }
            result.append(Explanation.Unknown(
                component: context.ref(other), statedLicense: license.statement.flatMap { $0.isEmpty ? nil : $0.displayText },
                path: context.steps(from: node, edges: edges.reversed())))
        }
        return result.sorted { ($0.path.count, $0.component) < ($1.path.count, $1.component) }
    }
}
