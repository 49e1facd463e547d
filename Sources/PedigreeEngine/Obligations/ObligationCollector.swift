import PedigreeModel

/// Gathers what the release owes from every shipped component's own licenses (DOMAIN §8.4), from
/// the use restrictions reaching a shipped component, and from the output terms a model learned under.
///
/// Decisions: one obligation per (kind, license, text), listing the components that owe it; source
/// offers follow the same distribution test as the `source-offer` rule; name prefixes are owed only by
/// derivative models.
enum ObligationCollector {
    static func collect(_ context: RuleContext) -> [Obligation] {
        struct Key: Hashable {
            var kind: Obligation.Kind
            var license: String
            var text: String?
        }
        var owed: [Key: Set<ComponentRef>] = [:]
        func add(_ kind: Obligation.Kind, _ license: String, _ text: String?, _ node: Int) {
            owed[Key(kind: kind, license: license, text: text), default: []].insert(context.ref(node))
        }
        for node in 0..<context.index.nodeCount where context.shipped[node] {
            for license in context.ownLicenses(node) {
                let resolved = context.licenses[license]
                guard let terms = resolved.terms else { continue }
                let a = terms.attribution
                if a.licenseCopy { add(.licenseCopy, resolved.key, nil, node) }
                if a.noticeFile { add(.noticeFile, resolved.key, nil, node) }
                if let notice = a.notice { add(.notice, resolved.key, notice, node) }
                if let display = a.owedDisplay(byDerivativeModel: context.isDerivativeModel(node)) {
                    add(.display, resolved.key, display, node)
                }
                if SourceOfferRule.owes(terms, product: context.product) { add(.sourceOffer, resolved.key, nil, node) }
                if terms.commercial == .registration { add(.registration, resolved.key, nil, node) }
            }
            for (license, display) in context.carriedDerivativeDisplays(node) {
                add(.display, context.licenses[license].key, display, node)
            }
            for record in context.forward.licenses(at: node, with: .useRestrictions) {
                add(.useRestrictions, context.licenses[Int(record.license)].key, nil, node)
            }
            var prefixes: [Int] = []
            if context.components[node].kind == .model {
                if context.isDerivative[node] { prefixes += context.ownLicenses(node) }
                prefixes += context.forward.licenses(at: node, with: .attribution).filter { $0.predEdge >= 0 }.map { Int($0.license) }
            }
            for record in context.forward.licenses(at: node, with: .learned) {
                let resolved = context.licenses[Int(record.license)]
                guard let terms = resolved.terms else { continue }
                if terms.outputUse.contains(.namingRequired), context.components[node].kind == .model {
                    prefixes.append(Int(record.license))
                }
                if terms.outputUse.contains(.attributionRequired), let display = terms.attribution.display {
                    add(.display, resolved.key, display, node)
                }
            }
            for license in prefixes {
                let resolved = context.licenses[license]
                if let prefix = resolved.terms?.attribution.namePrefix { add(.namePrefix, resolved.key, prefix, node) }
            }
        }
        return owed.map { key, refs in
            Obligation(kind: key.kind, license: key.license, text: key.text, components: refs.sorted())
        }.sorted { l, r in
            if l.kind != r.kind { return l.kind < r.kind }
            if l.license != r.license { return l.license < r.license }
            return (l.text ?? "") < (r.text ?? "")
        }
    }
}
