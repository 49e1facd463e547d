/// `use-restriction-flowdown`: use restrictions that must flow down are missing from a derivative's
/// outbound license (OpenRAIL family, Gemma, DeepSeek, Llama AUP).
///
/// Decisions: a derivative carries the restrictions when its own license is the same license or any
/// license that itself flows use restrictions down; an unknown or missing license never carries them
/// (DOMAIN §8.2). The finding is raised where the restrictions were dropped — at the component whose
/// upstream neighbour on the carrying path still carried them — not again at every later derivative.
/// Restrictions flow over derivative and `trained-on` edges only (DOMAIN §8.12).
public struct UseRestrictionFlowdownRule: Rule {
    public let id = RuleID.useRestrictionFlowdown
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let index = context.index
        for node in 0..<index.nodeCount {
            for record in context.forward.licenses(at: node, with: .useRestrictions) where record.predEdge >= 0 {
                let license = context.licenses[Int(record.license)]
                guard !Self.carries(context, node: node, license: license) else { continue }
                let upstream = Int(index.edgeTo[Int(record.predEdge)])
                guard upstream == Int(record.source) || Self.carries(context, node: upstream, license: license) else {
                    continue
                }
                let source = Int(record.source)
                let own = Self.outbound(context, node: node).map(\.key)
                let stated = own.isEmpty ? "no known license" : "'\(own.joined(separator: " AND "))'"
                findings.append(context.derivativeFinding(
                    id,
                    "'\(context.name(node))' derives from '\(context.name(source))', whose license '\(license.key)' requires its use restrictions in every derivative's license, but '\(context.name(node))' is released under \(stated)",
                    derivative: node, source: source, licenses: [license.key] + own,
                    path: context.path(firedAt: node, license: Int(record.license), aspect: .useRestrictions),
                    remediation: "release '\(context.name(node))' under '\(license.key)' or a license that includes its use restrictions as enforceable terms"))
            }
        }
        return findings
    }

    static func outbound(_ context: RuleContext, node: Int) -> [ResolvedLicense] {
        if context.roots.contains(node), !context.outbound.isEmpty { return context.outboundLicenses() }
        return context.ownLicenses(node).map { context.licenses[$0] }
    }

    static func carries(_ context: RuleContext, node: Int, license: ResolvedLicense) -> Bool {
        outbound(context, node: node).contains {
            $0.normalized == license.normalized || $0.terms?.useRestrictionsFlowDown == true
        }
    }
}
