import PedigreeLicenses

/// `source-offer`: copyleft source must be offered with the release.
///
/// Decisions: strong and weak copyleft owe source when the product is distributed (binary, on-device)
/// or hosted under a license that counts hosting as distribution; network copyleft also when the
/// product is SaaS, including an unmodified server the product `runs` (DOMAIN §8.15). Shipping the
/// product as source alone satisfies the offer by itself and raises nothing.
public struct SourceOfferRule: Rule {
    public let id = RuleID.sourceOffer
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for node in 0..<context.index.nodeCount where context.shipped[node] {
            for license in context.ownLicenses(node) {
                let resolved = context.licenses[license]
                guard let terms = resolved.terms, Self.owes(terms, product: context.product) else { continue }
                findings.append(context.finding(
                    id,
                    "'\(context.name(node))' is licensed '\(resolved.key)' (\(terms.copyleft.rawValue) copyleft): its corresponding source must be offered with the release",
                    component: node, firedAt: node, licenses: [resolved.key], path: context.pathToComponent(node),
                    remediation: "publish the source of '\(context.name(node))' (with your changes) or include a written offer"))
            }
        }
        return findings
    }

    static func owes(_ terms: PedigreeLicenses.LicenseTerms, product: ResolvedContext) -> Bool {
        switch terms.copyleft {
        case .none, .shareAlike: false
        case .network: product.isDistributed || product.isSaaS
        case .strong, .weakFile, .weakLibrary: product.isDistributed || (product.isSaaS && terms.hostingIsDistribution)
        }
    }
}
