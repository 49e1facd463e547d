import PedigreeModel

/// Picks, for a component whose license offers a choice (`A OR B`), the alternative that raises the
/// fewest and mildest findings in the product's context (DOMAIN §5, §8.10): errors, then warnings, then
/// infos; ties go to the first alternative as written.
///
/// Each alternative is scored by the rules it would raise on its own: unknown or denied licenses,
/// product-wide terms (non-commercial, thresholds, copyleft distribution, network copyleft, hosted
/// service, territory) when that kind of term can reach the product from this component, conflicts
/// and dropped use restrictions against the licenses of its direct upstream neighbours, and the
/// attribution and source-offer duties it brings.
///
/// Decision: the neighbours' licenses stand in for the full propagated terms, so the choice does not
/// depend on the choices it influences; components are decided in canonical order, each seeing the
/// choices already made upstream.
struct LicenseChooser {
    let licenses: [ResolvedLicense]
    let product: ResolvedContext
    let policyCheck: (ResolvedLicense) -> Bool
    let outbound: [ResolvedLicense]
    /// For each aspect that product-wide rules read, whether it can reach the product from each component.
    let reachesProduct: [Aspect: [Bool]]

    struct Score {
        var errors = 0
        var warnings = 0
        var infos = 0
        var rules: [RuleID] = []

        /// Counts a finding; `rules` names each rule once, so a long license list adds to the counts, not to the list.
        mutating func add(_ rule: RuleID) {
            switch rule.defaultSeverity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
            if !rules.contains(rule) { rules.append(rule) }
        }

        func better(than other: Score) -> Bool {
            (errors, warnings, infos) < (other.errors, other.warnings, other.infos)
        }
    }

    /// The licenses every alternative holds, scored once.
    struct Shared {
        var score = Score()
        var normalized: Set<String> = []
        var carriesRestrictions = false
    }

    func shared(_ atoms: [Int], node: Int, upstream: [Int], shipped: Bool, isRoot: Bool) -> Shared {
        var shared = Shared()
        let own = atoms.map { licenses[$0] }
        for license in own { add(license, to: &shared.score, node: node, own: own, upstream: upstream, shipped: shipped, isRoot: isRoot) }
        shared.normalized = Set(own.map(\.normalized))
        shared.carriesRestrictions = own.contains { $0.terms?.useRestrictionsFlowDown == true }
        return shared
    }

    /// The score of one alternative: what its own licenses raise, plus what the shared ones raise.
    func score(_ alternative: [Int], shared: Shared, node: Int, upstream: [Int], shipped: Bool, isRoot: Bool) -> Score {
        var score = shared.score
        let own = alternative.map { licenses[$0] }
        for license in own { add(license, to: &score, node: node, own: own, upstream: upstream, shipped: shipped, isRoot: isRoot) }
        let carriesRestrictions = shared.carriesRestrictions || own.contains { $0.terms?.useRestrictionsFlowDown == true }
        for other in upstream.map({ licenses[$0] }) where other.terms?.useRestrictionsFlowDown == true {
            let carried = carriesRestrictions || shared.normalized.contains(other.normalized) || own.contains { $0.normalized == other.normalized }
            if !carried { score.add(.useRestrictionFlowdown) }
        }
        score.rules.sort()
        return score
    }

    /// Adds what one license of an alternative raises in the product's context.
    private func add(
        _ license: ResolvedLicense, to score: inout Score, node: Int, own: [ResolvedLicense], upstream: [Int], shipped: Bool, isRoot: Bool
    ) {
        let reaches = { (aspect: Aspect) in self.reachesProduct[aspect]?[node] ?? false }
        let outbound = isRoot && self.outbound.isEmpty ? own : self.outbound
        guard let terms = license.terms else {
            score.add(.unknownLicense)
            return
        }
        if policyCheck(license) { score.add(.deniedLicense) }
        if reaches(.commercial) {
            if product.commercial && terms.commercial == .forbidden { score.add(.nonCommercial) }
            let exceeded = terms.thresholds.contains { threshold in
                switch threshold.metric {
                case .monthlyActiveUsers: (product.monthlyActiveUsers.map(Double.init) ?? 0) > threshold.limit
                case .dailyActiveUsers: (product.dailyActiveUsers.map(Double.init) ?? 0) > threshold.limit
                case .annualRevenueUSD: (product.annualRevenueUSD ?? 0) > threshold.limit
                }
            }
            if exceeded { score.add(.usageThreshold) }
        }
        if reaches(.copyleft), license.isStrongCopyleft {
            let distributed = product.isDistributed || (product.isSaaS && terms.hostingIsDistribution)
            if distributed, !LicenseCompatibility.anyAbsorbs(outbound, inbound: license) {
                score.add(.copyleftDistribution)
            }
            if product.isSaaS, license.isNetworkCopyleft,
                !LicenseCompatibility.anyAbsorbs(outbound.filter(\.isNetworkCopyleft), inbound: license)
            {
                score.add(.networkCopyleft)
            }
        }
        if reaches(.hosting), product.isSaaS, terms.hostedServiceForbidden { score.add(.hostedService) }
        if reaches(.territory), let regions = product.regions {
            let stated = Set(regions.map { $0.uppercased() })
            if terms.territory.contains(where: { !stated.isDisjoint(with: $0.regions.map { $0.uppercased() }) }) {
                score.add(.territory)
            }
        }
        for other in upstream.map({ licenses[$0] }) where other.normalized != license.normalized {
            if CopyleftConflictRule.conflict(license, other) != nil || CopyleftConflictRule.conflict(other, license) != nil {
                score.add(.copyleftConflict)
            }
        }
        if shipped {
            if let duties = AttributionRule.duties(license, ownedByDerivativeModel: true), !duties.isEmpty { score.add(.attribution) }
            if SourceOfferRule.owes(terms, product: product) { score.add(.sourceOffer) }
        }
    }

    /// Alternatives the reason describes besides the chosen one; the choice lists all of them.
    static let describedAlternatives = 8

    /// Chooses among the alternatives and explains the choice.
    func choose(
        _ alternatives: [[Int]], shared: [Int] = [], texts: [String], expression: String, component: ComponentRef, node: Int,
        upstream: [Int], shipped: Bool, isRoot: Bool
    ) -> (Int, LicenseChoice) {
        // A root without a stated outbound license is its own outbound license, which differs per
        // alternative: then each alternative is scored whole.
        let whole = isRoot && outbound.isEmpty
        let common = self.shared(whole ? [] : shared, node: node, upstream: upstream, shipped: shipped, isRoot: isRoot)
        let scores = alternatives.map {
            score(whole ? $0 + shared : $0, shared: common, node: node, upstream: upstream, shipped: shipped, isRoot: isRoot)
        }
        var best = 0
        for candidate in scores.indices.dropFirst() where scores[candidate].better(than: scores[best]) { best = candidate }
        let tie = scores.indices.contains { $0 != best && !scores[$0].better(than: scores[best]) && !scores[best].better(than: scores[$0]) }
        func describe(_ score: Score) -> String {
            var text = "\(score.errors) error\(score.errors == 1 ? "" : "s"), \(score.warnings) warning\(score.warnings == 1 ? "" : "s"), \(score.infos) info\(score.infos == 1 ? "" : "s")"
            if !score.rules.isEmpty { text += " (\(score.rules.map(\.rawValue).joined(separator: ", ")))" }
            return text
        }
        var reason = "'\(texts[best])' raises \(describe(scores[best]))"
        let others = scores.indices.filter { $0 != best }
        for other in others.prefix(Self.describedAlternatives) {
            reason += "; '\(texts[other])' would raise \(describe(scores[other]))"
        }
        if others.count > Self.describedAlternatives {
            reason += "; \(others.count - Self.describedAlternatives) more alternatives raise no fewer"
        }
        if tie { reason += "; equal scores go to the first alternative as written" }
        let choice = LicenseChoice(
            component: component, expression: expression, chosen: texts[best],
            alternatives: scores.indices.map {
                LicenseChoice.Alternative(
                    expression: texts[$0], errors: scores[$0].errors, warnings: scores[$0].warnings,
                    infos: scores[$0].infos, rules: scores[$0].rules)
            },
            reason: reason)
        return (best, choice)
    }
}
