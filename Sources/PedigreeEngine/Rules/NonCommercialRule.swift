/// `non-commercial`: a non-commercial or research-only term reaches a commercial product.
///
/// Decisions: the term must reach the product over an edge that carries commercial limits (derivative,
/// link, depends-on, trained-on, contains, runs — not tested-on or dev/build/test dependencies). One
/// finding per component that holds such a license itself; the path ends at that component.
public struct NonCommercialRule: Rule {
    public let id = RuleID.nonCommercial
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        guard context.product.commercial else { return [] }
        return context.rootReach.compactMap { reach in
            let license = context.licenses[reach.license]
            guard reach.aspect == .commercial, license.terms?.commercial == .forbidden else { return nil }
            let name = context.name(reach.source)
            return context.finding(
                id,
                "'\(name)' is licensed '\(license.key)', which forbids commercial use, and it reaches the commercial product '\(context.name(reach.root))'",
                component: reach.source, firedAt: reach.root, licenses: [license.key], path: context.path(of: reach),
                remediation: "replace '\(name)' with a component licensed for commercial use, obtain a commercial license from its licensor, or audit the product as non-commercial")
        }
    }
}
