/// How the product is used, which decides which license terms bite.
///
/// Every field is optional: a missing value means "not stated", and the engine then assumes the
/// strictest common case (commercial, distributed) and says so in the report.
public struct ProductContext: Sendable, Hashable, Codable {
    public enum Distribution: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case saas, binary, onDevice = "on-device", source, `internal`
        public static func < (lhs: Distribution, rhs: Distribution) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var name: String?
    public var commercial: Bool?
    public var distribution: Set<Distribution>?
    /// The product's outbound license (an SPDX expression), if it has one.
    public var license: String?
    public var monthlyActiveUsers: Int?
    public var dailyActiveUsers: Int?
    public var annualRevenueUSD: Double?
    /// Regions the product is offered in (`EU`, `US`…).
    public var regions: [String]?

    public init(
        name: String? = nil, commercial: Bool? = nil, distribution: Set<Distribution>? = nil, license: String? = nil,
        monthlyActiveUsers: Int? = nil, dailyActiveUsers: Int? = nil, annualRevenueUSD: Double? = nil,
        regions: [String]? = nil
    ) {
        self.name = name
        self.commercial = commercial
        self.distribution = distribution
        self.license = license
        self.monthlyActiveUsers = monthlyActiveUsers
        self.dailyActiveUsers = dailyActiveUsers
        self.annualRevenueUSD = annualRevenueUSD
        self.regions = regions
    }

    /// Values from `other` replace ours where `other` states them (flags over files).
    public func overridden(by other: ProductContext) -> ProductContext {
        ProductContext(
            name: other.name ?? name, commercial: other.commercial ?? commercial,
            distribution: other.distribution ?? distribution, license: other.license ?? license,
            monthlyActiveUsers: other.monthlyActiveUsers ?? monthlyActiveUsers,
            dailyActiveUsers: other.dailyActiveUsers ?? dailyActiveUsers,
            annualRevenueUSD: other.annualRevenueUSD ?? annualRevenueUSD, regions: other.regions ?? regions)
    }
}
