/// `network-copyleft`: network copyleft (AGPL) reaches a SaaS product whose outbound license is not a
/// compatible network copyleft (DOMAIN §8.8, §8.15).
///
/// Decisions: a server related to the product with `runs` carries no copyleft into it (it owes only a
/// source offer); the outbound license must itself be network copyleft.
public struct NetworkCopyleftRule: Rule {
    public let id = RuleID.networkCopyleft
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        guard context.product.isSaaS else { return [] }
        let outbound = context.outboundLicenses().filter(\.isNetworkCopyleft)
        return context.rootReach.compactMap { reach in
            let license = context.licenses[reach.license]
            guard reach.aspect == .copyleft, license.isNetworkCopyleft,
                !LicenseCompatibility.anyAbsorbs(outbound, inbound: license)
            else { return nil }
            let name = context.name(reach.source)
            return context.finding(
                id,
                "'\(name)' is licensed '\(license.key)' (network copyleft) and reaches the SaaS product '\(context.name(reach.root))', whose license is not a compatible network copyleft",
                component: reach.source, firedAt: reach.root, licenses: [license.key], path: context.path(of: reach),
                remediation: "license the product under '\(license.key)' and offer its source to users, replace '\(name)', or run it unmodified as a separate service (relate it with 'runs')")
        }
    }
}
