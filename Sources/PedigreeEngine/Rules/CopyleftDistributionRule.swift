/// `copyleft-distribution`: strong copyleft reaches a product shipped as a binary or on a device under
/// an outbound license that is not compatible (DOMAIN §8.8).
///
/// Decisions: network copyleft counts as strong copyleft here (AGPL binaries owe what GPL binaries
/// owe); a SaaS product counts as distributed for a license whose terms say hosting is distribution;
/// an unstated outbound license is the root's own license, and an unknown one is never compatible.
public struct CopyleftDistributionRule: Rule {
    public let id = RuleID.copyleftDistribution
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        let outbound = context.outboundLicenses()
        return context.rootReach.compactMap { reach in
            let license = context.licenses[reach.license]
            guard reach.aspect == .copyleft, license.isStrongCopyleft else { return nil }
            let distributed = context.product.isDistributed
                || (context.product.isSaaS && license.terms?.hostingIsDistribution == true)
            guard distributed, !LicenseCompatibility.anyAbsorbs(outbound, inbound: license) else { return nil }
            let name = context.name(reach.source)
            let outboundText = outbound.isEmpty ? "no known license" : outbound.map { "'\($0.key)'" }.joined(separator: " or ")
            return context.finding(
                id,
                "'\(name)' is licensed '\(license.key)' (strong copyleft) and reaches the product '\(context.name(reach.root))', distributed as \(context.product.distribution.map(\.rawValue).joined(separator: ", ")) under \(outboundText), which is not compatible",
                component: reach.source, firedAt: reach.root, licenses: [license.key], path: context.path(of: reach),
                remediation: "license the product under a license compatible with '\(license.key)' and offer its source, or replace '\(name)', or keep it a separate program (relate it with 'contains' or 'runs')")
        }
    }
}
