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

        mutating func add(_ rule: RuleID) {
            switch rule.defaultSeverity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
            rules.append(rule)
        }

        func better(than other: Score) -> Bool {
            (errors, warnings, infos) < (other.errors, other.warnings, other.infos)
        }
    }

    func score(_ alternative: [Int], node: Int, upstream: [Int], shipped: Bool, isRoot: Bool) -> Score {
        var score = Score()
        let reaches = { (aspect: Aspect) in self.reachesProduct[aspect]?[node] ?? false }
        let own = alternative.map { licenses[$0] }
        let outbound = isRoot && self.outbound.isEmpty ? own : self.outbound
        for license in own {
            guard let terms = license.terms else {
                score.add(.unknownLicense)
                continue
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
                if let duties = AttributionRule.duties(license), !duties.isEmpty { score.add(.attribution) }
                if SourceOfferRule.owes(terms, product: product) { score.add(.sourceOffer) }
            }
        }
        for other in upstream.map({ licenses[$0] }) where other.terms?.useRestrictionsFlowDown == true {
            let carried = own.contains { $0.normalized == other.normalized || $0.terms?.useRestrictionsFlowDown == true }
            if !carried { score.add(.useRestrictionFlowdown) }
        }
        score.rules.sort()
        return score
    }

    /// Chooses among the alternatives and explains the choice.
    func choose(
        _ alternatives: [[Int]], texts: [String], expression: String, component: ComponentRef, node: Int,
        upstream: [Int], shipped: Bool, isRoot: Bool
    ) -> (Int, LicenseChoice) {
        let scores = alternatives.map { score($0, node: node, upstream: upstream, shipped: shipped, isRoot: isRoot) }
        var best = 0
        for candidate in scores.indices.dropFirst() where scores[candidate].better(than: scores[best]) { best = candidate }
        let tie = scores.indices.contains { $0 != best && !scores[$0].better(than: scores[best]) && !scores[best].better(than: scores[$0]) }
        func describe(_ score: Score) -> String {
            var text = "\(score.errors) error\(score.errors == 1 ? "" : "s"), \(score.warnings) warning\(score.warnings == 1 ? "" : "s"), \(score.infos) info\(score.infos == 1 ? "" : "s")"
            if !score.rules.isEmpty { text += " (\(score.rules.map(\.rawValue).joined(separator: ", ")))" }
            return text
        }
        var reason = "'\(texts[best])' raises \(describe(scores[best]))"
        for other in scores.indices where other != best {
            reason += "; '\(texts[other])' would raise \(describe(scores[other]))"
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
