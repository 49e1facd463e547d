/// `copyleft-conflict`: two terms in one derivative work cannot both hold (DOMAIN §6, §8.9).
///
/// One derivative work is a component's own licenses plus what reaches it over derivative, link and
/// depends-on edges. Conflicting pairs: a strong copyleft and a license it cannot absorb; two strong
/// copylefts neither absorbs; GPL (LGPL and AGPL included) with a non-commercial, no-derivatives or
/// use-restricted license; share-alike with any of those or with another share-alike it cannot absorb.
///
/// Decisions: two licenses whose nearest holder is the same component are that component's own
/// statement and are not judged against each other; a permissive license whose compatibility list is empty is taken as absorbable (the
/// knowledge base lists only the exceptions such as Apache-2.0 into GPL-2.0); LGPL and MPL do not
/// enter the work over a dynamic link; a pair is reported where it first meets — at a component none
/// of whose upstream neighbours already holds both (inside a cycle: the members nearest to both sources).
public struct CopyleftConflictRule: Rule {
    public let id = RuleID.copyleftConflict
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let index = context.index
        // Pairs repeat across components: judge each ordered pair of licenses once.
        var verdicts: [Int: String?] = [:]
        let count = context.licenses.count
        let copyleftSide = context.licenses.map(Self.isCopyleftSide)
        func verdict(_ a: Int, _ b: Int) -> String? {
            if let known = verdicts[a * count + b] { return known }
            let reason = Self.conflict(context.licenses[a], context.licenses[b])
            verdicts[a * count + b] = reason
            return reason
        }
        for node in 0..<index.nodeCount {
            let work = context.forward.licenses(at: node, with: .work)
            guard work.count >= 2 else { continue }
            guard work.contains(where: { copyleftSide[Int($0.license)] }) else { continue }
            var reported = Set<Int>()
            for a in work where copyleftSide[Int(a.license)] {
                // The licenses one component states were granted together: they never conflict (DOMAIN §5).
                for b in work where b.license != a.license && b.source != a.source {
                    let pair = Int(min(a.license, b.license)) * count + Int(max(a.license, b.license))
                    guard !reported.contains(pair) else { continue }
                    guard let reason = verdict(Int(a.license), Int(b.license)) else { continue }
                    reported.insert(pair)
                    if Self.heldUpstream(context, node: node, a: a, b: b) { continue }
                    let left = context.licenses[Int(a.license)]
                    let right = context.licenses[Int(b.license)]
                    let sourceA = Int(a.source)
                    let sourceB = Int(b.source)
                    let otherPath = context.path(firedAt: node, license: Int(b.license), aspect: .work)
                    findings.append(context.finding(
                        id,
                        "'\(left.key)' and '\(right.key)' meet in one work at '\(context.name(node))' and cannot both hold: \(reason)",
                        component: sourceA, firedAt: node, licenses: [left.key, right.key],
                        path: context.path(firedAt: node, license: Int(a.license), aspect: .work),
                        remediation: "replace '\(context.name(sourceB))' or '\(context.name(sourceA))', or keep them in separate works (relate them with 'contains' or 'runs' instead of linking or deriving)",
                        parties: [context.party(sourceA, license: left.key), context.party(sourceB, license: right.key)],
                        notes: ["'\(right.key)' comes from '\(context.name(sourceB))': \(otherPath.map(\.ref.rawValue).joined(separator: " → "))"]))
                }
            }
        }
        return findings
    }

    static func isCopyleftSide(_ license: ResolvedLicense) -> Bool {
        guard let copyleft = license.terms?.copyleft else { return false }
        return copyleft == .strong || copyleft == .network || copyleft == .weakLibrary || copyleft == .shareAlike
    }

    /// Why `a` (a copyleft) and `b` cannot both hold, nil when they can.
    static func conflict(_ a: ResolvedLicense, _ b: ResolvedLicense) -> String? {
        guard let ta = a.terms, let tb = b.terms else { return nil }
        let gplLike = ta.copyleft == .strong || ta.copyleft == .network || ta.copyleft == .weakLibrary
        let restriction: String? =
            tb.commercial == .forbidden ? "'\(b.key)' forbids commercial use"
            : tb.useRestrictionsFlowDown ? "'\(b.key)' adds use restrictions"
            : !tb.derivativesAllowed ? "'\(b.key)' forbids derivatives" : nil
        if gplLike || ta.copyleft == .shareAlike, let restriction {
            return "\(restriction), a further restriction that '\(a.key)' does not permit"
        }
        switch ta.copyleft {
        case .strong, .network:
            if LicenseCompatibility.absorbs(outbound: a, inbound: b) { return nil }
            if tb.copyleft == .strong || tb.copyleft == .network {
                if LicenseCompatibility.absorbs(outbound: b, inbound: a) { return nil }
                return "two different strong copylefts, neither of which lets the work be licensed under the other"
            }
            if b.isPermissive && tb.gplCompatibility.isEmpty { return nil }
            if tb.copyleft == .shareAlike, LicenseCompatibility.absorbs(outbound: b, inbound: a) { return nil }
            return "'\(b.key)' may not be relicensed under '\(a.key)'"
        case .shareAlike:
            guard tb.copyleft == .shareAlike || tb.copyleft == .strong || tb.copyleft == .network else { return nil }
            if LicenseCompatibility.absorbs(outbound: a, inbound: b) || LicenseCompatibility.absorbs(outbound: b, inbound: a) {
                return nil
            }
            return "two share-alike terms, neither of which lets the work be licensed under the other"
        default:
            return nil
        }
    }

    /// Whether an upstream component already holds both: one outside this component's cycle, or one
    /// inside it that is nearer to both sources (so that exactly the nearest members of a cycle report).
    static func heldUpstream(_ context: RuleContext, node: Int, a: ForwardReach.Record, b: ForwardReach.Record) -> Bool {
        let index = context.index
        let here = a.distance + b.distance
        for slot in Int(index.upStart[node])..<Int(index.upStart[node + 1]) {
            let upstream = Int(index.edgeTo[Int(index.upEdges[slot])])
            guard upstream != node,
                let ua = context.forward.record(at: upstream, license: Int(a.license), aspect: .work),
                let ub = context.forward.record(at: upstream, license: Int(b.license), aspect: .work)
            else { continue }
            if context.cycleOf[upstream] < 0 || context.cycleOf[upstream] != context.cycleOf[node] { return true }
            if ua.distance + ub.distance < here { return true }
        }
        return false
    }
}
