/// `territory`: a territorial carve-out covers one of the product's regions.
///
/// Decisions: regions compare case-insensitively; with no regions stated nothing is compared; a
/// carve-out for the multimodal models only (Llama 3.2) is judged on the model whose license it is,
/// not on what was built from it ("multimodal models included in Llama 3.2").
public struct TerritoryRule: Rule {
    public let id = RuleID.territory
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        guard let regions = context.product.regions, !regions.isEmpty else { return [] }
        let stated = Set(regions.map { $0.uppercased() })
        return context.rootReach.compactMap { reach in
            let license = context.licenses[reach.license]
            guard reach.aspect == .territory, let terms = license.terms else { return nil }
            let multimodal = context.components[reach.source].isMultimodalModel
            let hits = terms.territory.filter {
                !stated.isDisjoint(with: $0.regions.map { $0.uppercased() }) && ($0.appliesTo == .allModels || multimodal)
            }
            guard !hits.isEmpty else { return nil }
            let name = context.name(reach.source)
            let covered = Set(hits.flatMap { $0.regions.map { $0.uppercased() } }).intersection(stated).sorted()
            return context.finding(
                id,
                "'\(name)' is licensed '\(license.key)', whose rights for \(hits.map(\.scope).joined(separator: "; ")) are not granted in \(covered.joined(separator: ", ")), a region of the product",
                component: reach.source, firedAt: reach.root, licenses: [license.key], path: context.path(of: reach),
                remediation: "check whether the carve-out applies to the product's entity and use; otherwise replace '\(name)' or leave the region")
        }
    }
}
