/// A coarse class of license, for policies (`deny: [non-commercial]`) and listings.
///
/// The facts that rules use are the properties of `LicenseTerms`; the category only groups them.
public enum LicenseCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case permissive
    case weakCopyleft = "weak-copyleft"
    case strongCopyleft = "strong-copyleft"
    case networkCopyleft = "network-copyleft"
    case shareAlike = "share-alike"
    case nonCommercial = "non-commercial"
    /// Attribution allowed, adaptations forbidden (CC-BY-ND).
    case noDerivatives = "no-derivatives"
    case publicDomain = "public-domain"
    case model
    case sourceAvailable = "source-available"
    case proprietary
}
