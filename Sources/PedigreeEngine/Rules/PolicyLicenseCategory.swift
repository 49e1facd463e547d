import PedigreeLicenses

/// License categories a policy may deny or allow instead of listing ids, decided from the terms
/// (a superset of the knowledge base's own `LicenseCategory` groups that the terms can tell apart).
public enum PolicyLicenseCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case permissive
    case nonCommercial = "non-commercial"
    case usageThreshold = "usage-threshold"
    case registration
    case weakCopyleft = "weak-copyleft"
    case strongCopyleft = "strong-copyleft"
    case networkCopyleft = "network-copyleft"
    /// Any copyleft: weak, strong, network or share-alike.
    case copyleft
    case shareAlike = "share-alike"
    case noDerivatives = "no-derivatives"
    case useRestrictions = "use-restrictions"
    case outputRestrictions = "output-restrictions"
    case hostedServiceRestricted = "hosted-service-restricted"
    case territorial

    /// Whether a license with these terms belongs to the category.
    public func matches(_ terms: LicenseTerms) -> Bool {
        switch self {
        case .permissive:
            terms.copyleft == .none && terms.commercial == .allowed && terms.thresholds.isEmpty
                && terms.derivativesAllowed && !terms.useRestrictionsFlowDown && terms.outputUse.isEmpty
                && !terms.hostedServiceForbidden && terms.territory.isEmpty
        case .nonCommercial: terms.commercial == .forbidden
        case .usageThreshold: terms.commercial == .threshold || !terms.thresholds.isEmpty
        case .registration: terms.commercial == .registration
        case .weakCopyleft: terms.copyleft == .weakFile || terms.copyleft == .weakLibrary
        case .strongCopyleft: terms.copyleft == .strong || terms.copyleft == .network
        case .networkCopyleft: terms.copyleft == .network
        case .copyleft: terms.copyleft != .none
        case .shareAlike: terms.copyleft == .shareAlike
        case .noDerivatives: !terms.derivativesAllowed
        case .useRestrictions: terms.useRestrictionsFlowDown
        case .outputRestrictions:
            terms.outputUse.contains(.noImprovingOtherModels) || terms.outputUse.contains(.noCompetingModels)
        case .hostedServiceRestricted: terms.hostedServiceForbidden
        case .territorial: !terms.territory.isEmpty
        }
    }
}
