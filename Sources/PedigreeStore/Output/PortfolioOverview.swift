import PedigreeCore

/// A stored release with its current verdict, as `export` writes it.
public struct ReleaseOverview: Sendable, Hashable, Codable {
    public var product: String
    public var release: String
    public var latest: Bool
    public var addedAt: String
    public var evaluation: Int
    public var evaluatedAt: String
    public var basis: EvaluationBasis
    /// What the current engine or knowledge would decide on another basis (`engine`, `knowledge`):
    /// `reaudit --changed` would audit the release again.
    public var stale: [String]
    /// `fail` when a finding blocks (an error, not waived), else `pass`.
    public var verdict: String
    public var components: Int
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var blocking: Int
    public var commercial: Bool
    public var distribution: [ProductContext.Distribution]
    public var monthlyActiveUsers: Int?
    public var findings: [StoredFinding]
}

extension Portfolio {
    /// Every stored release (or each product's latest), with its current evaluation and findings.
    public func overview(latestOnly: Bool = false) throws(StoreError) -> [ReleaseOverview] {
        let latest = Set(try backend.releases(ReleaseFilter(latestOnly: true), touching: nil).map(\.handle))
        return try backend.releases(ReleaseFilter(latestOnly: latestOnly), touching: nil).map { release throws(StoreError) in
            let findings = try backend.findings(evaluation: release.evaluationID, product: release.handle.productID)
                .filter { $0.change != .resolved }
            var stale: [String] = []
            if release.basis.engineVersion != PedigreeVersion.current { stale.append("engine") }
            if release.basis.knowledgeSHA256 != knowledge.digest { stale.append("knowledge") }
            let summary = release.summary
            return ReleaseOverview(
                product: release.product, release: release.version, latest: latest.contains(release.handle),
                addedAt: release.addedAt, evaluation: release.evaluationNumber, evaluatedAt: release.evaluatedAt,
                basis: release.basis, stale: stale, verdict: summary.blocking > 0 ? "fail" : "pass",
                components: summary.components, errors: summary.errors, warnings: summary.warnings, infos: summary.infos,
                blocking: summary.blocking, commercial: release.context.commercial,
                distribution: release.context.distribution, monthlyActiveUsers: release.context.monthlyActiveUsers,
                findings: findings)
        }
    }
}
