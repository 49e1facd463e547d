/// One rule of the catalogue (DOMAIN §6): reads the propagated terms and reports findings.
///
/// A rule only decides *whether* and *what*: severity, fingerprint, waivers and sorting are applied by
/// the engine afterwards, so every rule is judged the same way.
public protocol Rule: Sendable {
    var id: RuleID { get }
    func evaluate(_ context: RuleContext) -> [Finding]
}

/// The rules in catalogue order.
public enum RuleCatalogue {
    public static let all: [any Rule] = [
        NonCommercialRule(), UsageThresholdRule(), CopyleftConflictRule(), CopyleftDistributionRule(),
        NetworkCopyleftRule(), OutputRestrictionRule(), UseRestrictionFlowdownRule(), NamingRule(),
        NoDerivativesRule(), HostedServiceRule(), TerritoryRule(), DeniedLicenseRule(), UnknownLicenseRule(),
        LicenseMismatchRule(), AmbiguousLicenseRule(), AttributionRule(), SourceOfferRule(),
    ]
}
