import PedigreeCore

/// What `pedigree store impact` asks: what if this component were licensed this way?
public struct ImpactRequest: Sendable {
    public var relabel: LicenseFact
    public var allReleases: Bool
    public var product: String?

    public init(relabel: LicenseFact, allReleases: Bool = false, product: String? = nil) {
        self.relabel = relabel
        self.allReleases = allReleases
        self.product = product
    }
}

/// The findings one release would gain and lose.
public struct ReleaseImpact: Sendable, Hashable, Codable {
    public var product: String
    public var release: String
    public var gained: [StoredFinding]
    public var lost: [StoredFinding]
}

/// The answer: how many releases contain the component, and those whose findings would change.
public struct ImpactReport: Sendable, Hashable, Codable {
    public var relabel: LicenseFact
    /// Releases that contain the component (the candidates the index named), all audited again.
    public var releasesChecked: Int
    public var changed: [ReleaseImpact]
}

extension Portfolio {
    /// Runs the engine on every stored release that contains the component, once as stored and once
    /// relabelled, and compares the findings; the store is not changed.
    ///
    /// Decisions: the comparison is between two runs of the same engine and knowledge, so a release
    /// whose stored verdicts are stale shows only what the relabel changes; when the stored evaluation
    /// is current, it stands for the first run and only the relabelled one is computed.
    public func impact(_ request: ImpactRequest) throws(StoreError) -> ImpactReport {
        let matcher = ComponentMatcher(text: request.relabel.component)
        let ids = try backend.componentIDs(identities: matcher.identities, nameKey: matcher.nameKey, ref: matcher.text)
        let filter = ReleaseFilter(latestOnly: !request.allReleases, product: request.product)
        let candidates = try backend.releases(filter, touching: ids)
        let facts = try backend.facts()
        var changed: [ReleaseImpact] = []
        for release in candidates {
            let reopened = try reopen(release)
            let relabelled = audit(reopened, facts: facts + [request.relabel]).run.result.findings
            let before = try currentFindings(reopened, facts: facts)
            let beforePrints = Set(before.map(\.fingerprint))
            let afterPrints = Set(relabelled.map(\.fingerprint))
            let gained = relabelled.filter { !beforePrints.contains($0.fingerprint) }.map { StoredFinding($0, change: .new) }
            var lost = before.filter { !afterPrints.contains($0.fingerprint) }
            for index in lost.indices { lost[index].change = .resolved }
            if !gained.isEmpty || !lost.isEmpty {
                changed.append(ReleaseImpact(product: release.product, release: release.version, gained: gained, lost: lost))
            }
        }
        return ImpactReport(relabel: request.relabel, releasesChecked: candidates.count, changed: changed)
    }

    /// The release's findings under today's engine, knowledge, policy and facts: the stored ones when
    /// they were decided on exactly that basis, else a fresh run.
    func currentFindings(_ reopened: ReopenedRelease, facts: [LicenseFact]) throws(StoreError) -> [StoredFinding] {
        let release = reopened.release
        let current = EvaluationBasis(
            engineVersion: PedigreeVersion.current, knowledgeSHA256: knowledge.digest,
            policySHA256: reopened.policy?.stored.sha256 ?? PolicyDocument.noneDigest,
            factsSHA256: FactOverlay.digest(facts, over: reopened.loaded.lineage.graph))
        if current == release.basis {
            return try backend.findings(evaluation: release.evaluationID, product: release.handle.productID)
                .filter { $0.change != .resolved }
        }
        return audit(reopened, facts: facts).run.result.findings.map { StoredFinding($0, change: .unchanged) }
    }
}
