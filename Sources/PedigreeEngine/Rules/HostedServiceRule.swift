/// `hosted-service`: a term forbids offering the work as a hosted service, and the product is SaaS.
///
/// Decisions: the term reaches the product over derivative, link, depends-on, contains and runs edges
/// (DOMAIN §8.12), not over training.
public struct HostedServiceRule: Rule {
    public let id = RuleID.hostedService
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        guard context.product.isSaaS else { return [] }
        return context.rootReach.compactMap { reach in
            let license = context.licenses[reach.license]
            guard reach.aspect == .hosting, license.terms?.hostedServiceForbidden == true else { return nil }
            let name = context.name(reach.source)
            return context.finding(
                id,
                "'\(name)' is licensed '\(license.key)', which forbids offering it as a hosted service, and the product '\(context.name(reach.root))' is SaaS",
                component: reach.source, firedAt: reach.root, licenses: [license.key], path: context.path(of: reach),
                remediation: "obtain a hosting license from the licensor of '\(name)', replace it, or distribute the product instead of hosting it")
        }
    }
}
