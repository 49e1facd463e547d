import PedigreeModel

/// The product context the audit used: every field decided, with the assumptions that decided it.
public struct ResolvedContext: Sendable, Hashable, Codable {
    public var name: String?
    public var commercial: Bool
    public var distribution: [ProductContext.Distribution]
    /// The product's outbound license as stated (an SPDX expression), nil when unstated.
    public var license: String?
    public var monthlyActiveUsers: Int?
    public var dailyActiveUsers: Int?
    public var annualRevenueUSD: Double?
    public var regions: [String]?
    public var interpretation: Interpretation
    /// The product roots.
    public var roots: [ComponentRef]
    /// True when no input named the product, so the roots are the components nothing else uses.
    public var rootsAreInferred: Bool
    /// Components no path from the product reached, attached to it with the default-dependency kind.
    public var attached: [ComponentRef]
    /// What Pedigree assumed because the inputs did not say (one sentence each).
    public var assumptions: [String]

    public init(
        name: String? = nil, commercial: Bool, distribution: [ProductContext.Distribution], license: String? = nil,
        monthlyActiveUsers: Int? = nil, dailyActiveUsers: Int? = nil, annualRevenueUSD: Double? = nil,
        regions: [String]? = nil, interpretation: Interpretation = Interpretation(), roots: [ComponentRef] = [],
        rootsAreInferred: Bool = false, attached: [ComponentRef] = [], assumptions: [String] = []
    ) {
        self.name = name
        self.commercial = commercial
        self.distribution = distribution
        self.license = license
        self.monthlyActiveUsers = monthlyActiveUsers
        self.dailyActiveUsers = dailyActiveUsers
        self.annualRevenueUSD = annualRevenueUSD
        self.regions = regions
        self.interpretation = interpretation
        self.roots = roots
        self.rootsAreInferred = rootsAreInferred
        self.attached = attached
        self.assumptions = assumptions
    }

    /// Shipped to users as a binary or on a device (copyleft distribution applies).
    public var isDistributed: Bool { distribution.contains(.binary) || distribution.contains(.onDevice) }

    public var isSaaS: Bool { distribution.contains(.saas) }
}
