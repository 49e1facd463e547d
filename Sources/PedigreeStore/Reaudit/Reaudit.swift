import PedigreeCore

/// What `pedigree store reaudit` asks.
public struct ReauditRequest: Sendable {
    /// Only releases whose engine, knowledge, policy or facts differ from those that decided them.
    public var changedOnly: Bool
    /// A policy to audit with from now on, in place of each release's stored one.
    public var policy: PolicyDocument?
    /// Facts to record first (a component's license, over what its inputs say).
    public var relabel: [LicenseFact]
    public var allReleases: Bool
    public var product: String?
    /// Share the work with other processes: each release is claimed first, and skipped when another
    /// worker holds it or has re-audited it since (PostgreSQL). Implies `changedOnly`.
    public var worker: Bool

    public init(
        changedOnly: Bool = false, policy: PolicyDocument? = nil, relabel: [LicenseFact] = [], allReleases: Bool = false,
        product: String? = nil, worker: Bool = false
    ) {
        self.worker = worker
        self.changedOnly = changedOnly || worker
        self.policy = policy
        self.relabel = relabel
        self.allReleases = allReleases
        self.product = product
    }
}

/// One release audited again: why, and what changed.
public struct ReauditOutcome: Sendable, Hashable, Codable {
    public var product: String
    public var release: String
    /// The number of the evaluation recorded (the first, from `add`, is 1).
    public var evaluation: Int
    /// What differed from the basis of the previous evaluation: engine, knowledge, policy, facts.
    public var reasons: [String]
    public var new: [StoredFinding]
    public var resolved: [StoredFinding]
    public var blocking: Int
}

public struct ReauditReport: Sendable, Hashable, Codable {
    /// Releases considered (each product's latest unless all were asked for).
    public var releasesChecked: Int
    public var reaudited: [ReauditOutcome]

    /// Whether a release gained a blocking finding (exit code 1).
    public var hasNewBlocking: Bool { reaudited.contains { $0.new.contains(where: \.isBlocking) } }
}

extension Portfolio {
    /// Audits stored releases again and records each as a new evaluation, keeping the earlier ones.
    ///
    /// Decisions: with `changedOnly`, a release is skipped when its engine version, knowledge digest,
    /// policy digest and the digest of the facts that touch it all equal those that decided its current
    /// evaluation; the facts that touch a release are narrowed through the index before any document is
    /// read. Each release is written in its own transaction, so an interrupted run keeps what it finished.
    public func reaudit(_ request: ReauditRequest) throws(StoreError) -> ReauditReport {
        if !request.relabel.isEmpty { try backend.record(request.relabel, at: clock.now) }
        let facts = try backend.facts()
        let touching = try factsTouching(facts)
        let releases = try backend.releases(ReleaseFilter(latestOnly: !request.allReleases, product: request.product), touching: nil)
        var outcomes: [ReauditOutcome] = []
        for release in releases {
            if request.changedOnly {
                let relevant = touching[release.handle.releaseID] ?? []
                let expected = EvaluationBasis(
                    engineVersion: PedigreeVersion.current, knowledgeSHA256: knowledge.digest,
                    policySHA256: request.policy?.stored.sha256 ?? release.basis.policySHA256,
                    factsSHA256: SHA256.hex(relevant.map { $0.component + "=" + $0.license }.sorted().joined(separator: "\n")))
                if expected == release.basis { continue }
            }
            if request.worker {
                var outcome: ReauditOutcome?
                let claimed = try backend.claim(release) { () throws(StoreError) in
                    outcome = try reaudit(release, facts: facts, policy: request.policy)
                }
                if claimed, let outcome { outcomes.append(outcome) }
            } else {
                outcomes.append(try reaudit(release, facts: facts, policy: request.policy))
            }
        }
        return ReauditReport(releasesChecked: releases.count, reaudited: outcomes)
    }

    private func reaudit(_ release: StoredRelease, facts: [LicenseFact], policy: PolicyDocument?) throws(StoreError) -> ReauditOutcome {
        let reopened = try reopen(release, policy: policy)
        let (run, basis) = audit(reopened, facts: facts)
        let previous = try backend.findings(evaluation: release.evaluationID, product: release.handle.productID)
        let findings = ReleaseAuditor.compare(run.result.findings, previous: previous)
        let reasons = basis.changes(from: release.basis)
        let evaluation = EvaluationRecord(
            reason: (["reaudit"] + reasons).joined(separator: " "), evaluatedAt: clock.now, basis: basis,
            summary: run.result.summary, findings: findings, obligations: run.result.obligations)
        try backend.append(
            evaluation, to: release, policy: policy.map { .some($0.stored) }, context: ContextColumns(run.result.context))
        return ReauditOutcome(
            product: release.product, release: release.version, evaluation: release.evaluationNumber + 1,
            reasons: reasons, new: findings.filter { $0.change == .new }, resolved: findings.filter { $0.change == .resolved },
            blocking: run.result.summary.blocking)
    }

    /// For each release, the stored facts whose component it contains (as the index finds it).
    func factsTouching(_ facts: [LicenseFact]) throws(StoreError) -> [Int64: [LicenseFact]] {
        var touching: [Int64: [LicenseFact]] = [:]
        for fact in facts {
            let matcher = ComponentMatcher(text: fact.component)
            let ids = try backend.componentIDs(identities: matcher.identities, nameKey: matcher.nameKey, ref: matcher.text)
            for release in try backend.releaseIDs(containing: ids) { touching[release, default: []].append(fact) }
        }
        return touching
    }
}
