/// The rules of the catalogue, spelled exactly as the reports and policy files name them.
///
/// The order of the cases is the catalogue's order, which reports use to group findings.
public enum RuleID: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case nonCommercial = "non-commercial"
    case usageThreshold = "usage-threshold"
    case copyleftConflict = "copyleft-conflict"
    case copyleftDistribution = "copyleft-distribution"
    case networkCopyleft = "network-copyleft"
    case outputRestriction = "output-restriction"
    case useRestrictionFlowdown = "use-restriction-flowdown"
    case naming
    case noDerivatives = "no-derivatives"
    case hostedService = "hosted-service"
    case territory
    case deniedLicense = "denied-license"
    case unknownLicense = "unknown-license"
    case licenseMismatch = "license-mismatch"
    case ambiguousLicense = "ambiguous-license"
    case attribution
    case sourceOffer = "source-offer"

    /// The severity a finding of this rule has unless the policy overrides it.
    public var defaultSeverity: FindingSeverity {
        switch self {
        case .territory, .unknownLicense, .licenseMismatch, .ambiguousLicense: .warning
        case .attribution, .sourceOffer: .info
        default: .error
        }
    }

    /// Position in the catalogue, for grouping and sorting.
    public var catalogueIndex: Int { Self.positions[self] ?? 0 }

    private static let positions: [RuleID: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.catalogueIndex < rhs.catalogueIndex }
}
