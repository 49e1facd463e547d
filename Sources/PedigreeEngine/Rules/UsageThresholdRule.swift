/// `usage-threshold`: the product's stated users or revenue exceed a license's limit (DOMAIN §8.14).
///
/// Decisions: an unstated figure is not compared (the context's assumptions say which were missing);
/// a figure equal to the limit does not exceed it; all exceeded limits of one license form one finding.
public struct UsageThresholdRule: Rule {
    public let id = RuleID.usageThreshold
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        context.rootReach.compactMap { reach in
            let license = context.licenses[reach.license]
            guard reach.aspect == .commercial, let terms = license.terms, !terms.thresholds.isEmpty else { return nil }
            var exceeded: [String] = []
            var notes: [String] = []
            for threshold in terms.thresholds {
                let figure: Double?
                switch threshold.metric {
                case .monthlyActiveUsers: figure = context.product.monthlyActiveUsers.map(Double.init)
                case .dailyActiveUsers: figure = context.product.dailyActiveUsers.map(Double.init)
                case .annualRevenueUSD: figure = context.product.annualRevenueUSD
                }
                guard let figure, figure > threshold.limit else { continue }
                exceeded.append("\(threshold.metric.rawValue) \(Self.format(figure)) > \(Self.format(threshold.limit))")
                if let date = threshold.measuredAt {
                    notes.append("the license measures \(threshold.metric.rawValue) at a fixed date: \(date)")
                }
            }
            guard !exceeded.isEmpty else { return nil }
            let name = context.name(reach.source)
            return context.finding(
                id,
                "'\(name)' is licensed '\(license.key)', whose grant ends above its usage limit, and the product exceeds it (\(exceeded.joined(separator: ", ")))",
                component: reach.source, firedAt: reach.root, licenses: [license.key], path: context.path(of: reach),
                remediation: "request a separate license from the licensor of '\(name)' or replace it", notes: notes)
        }
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
