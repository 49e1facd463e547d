/// Builds an `Explanation` from the propagated terms of one component.
enum Explainer {
    static func explain(_ node: Int, context: RuleContext, findings: [Finding]) -> Explanation {
        struct Key: Hashable {
            var license: Int32
            var source: Int32
            var edges: [Int]
        }
        var grouped: [Key: [Aspect]] = [:]
        var order: [Key] = []
        for record in context.forward.records(at: node) {
            guard let aspect = Aspect(rawValue: Int(record.aspect)) else { continue }
            let edges = context.forward.carryingEdges(from: node, license: Int(record.license), aspect: aspect, index: context.index)
            let key = Key(license: record.license, source: record.source, edges: edges)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(aspect)
        }
        let terms = order.map { key in
            Explanation.Term(
                license: context.licenses[Int(key.license)].key,
                aspects: (grouped[key] ?? []).sorted { $0.rawValue < $1.rawValue }.map(\.description),
                source: context.ref(Int(key.source)), own: key.edges.isEmpty,
                path: context.steps(from: node, edges: key.edges))
        }.sorted { l, r in
            if l.own != r.own { return l.own }
            if l.license != r.license { return l.license < r.license }
            if l.path.count != r.path.count { return l.path.count < r.path.count }
            return l.source < r.source
        }
        let ref = context.ref(node)
        let related = findings.filter { $0.component == ref || $0.firedAt == ref || $0.path.contains { $0.ref == ref } }
        let license = context.componentLicenses[node]
        let text = license.atoms.isEmpty ? license.statement?.displayText : license.atoms.map { context.licenses[$0].key }.joined(separator: " AND ")
        return Explanation(
            component: ref, license: text, pathFromProduct: context.pathToComponent(node), terms: terms, findings: related)
    }
}
