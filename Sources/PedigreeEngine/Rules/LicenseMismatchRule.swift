/// `license-mismatch`: a declared license contradicts the knowledge base's facts about the component,
/// or drops the terms of its own ancestors (license drift).
///
/// Decisions: drift is checked over the derivative kinds that make one model of another
/// (fine-tuned, quantized, merged, adapter, derived — not static links), only against ancestors whose
/// license is not permissive, and only where the drop happens (the ancestor itself holds the license);
/// a license the ancestor's license may be relicensed under (its compatibility list) is no drift;
/// unknown licenses are left to `unknown-license`; a declared revision of the known license that grants
/// the same terms (a Hub id that names the current Gemma terms on a 2024 model) changes no verdict and is
/// not raised. A declared/concluded difference is shown on the
/// component, never raised (DOMAIN §8.1).
public struct LicenseMismatchRule: Rule {
    public let id = RuleID.licenseMismatch
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let index = context.index
        for node in 0..<index.nodeCount {
            let own = context.ownLicenses(node).map { context.licenses[$0] }
            guard !own.isEmpty, !context.componentLicenses[node].isMissing else { continue }
            let component = context.components[node]
            if let fact = context.knownFacts[node] {
                let reading = context.catalog.read(.init(.init(fact.license)))
                let known = Set((reading.expression?.licenseIDs ?? []).map { id in
                    context.catalog.terms(for: id).map { LicenseIdentity.normalized($0.id) } ?? LicenseIdentity.normalized(id)
                })
                let knownTerms = (reading.expression?.licenseIDs ?? []).compactMap { context.catalog.terms(for: $0) }
                let sameTerms = !knownTerms.isEmpty && knownTerms.allSatisfy { known in
                    own.contains { $0.terms.map(known.grantsTheSameTerms) ?? false }
                }
                if !known.isEmpty, known.isDisjoint(with: own.map(\.normalized)), !sameTerms {
                    findings.append(context.finding(
                        id,
                        "'\(context.name(node))' is declared '\(own.map(\.key).joined(separator: " AND "))', but the knowledge base knows it as '\(fact.license)'",
                        component: node, firedAt: node, licenses: own.map(\.key) + [fact.license],
                        path: context.pathToComponent(node),
                        remediation: "check the license of this version of '\(context.name(node))' and correct the SBOM", notes: [fact.note]))
                }
            }
            for slot in Int(index.upStart[node])..<Int(index.upStart[node + 1]) {
                let edge = Int(index.upEdges[slot])
                let kind = index.edgeKind[edge]
                guard kind.isDerivative, kind != .staticLink else { continue }
                let ancestor = Int(index.edgeTo[edge])
                for license in context.ownLicenses(ancestor) {
                    let inherited = context.licenses[license]
                    guard !inherited.isPermissive else { continue }
                    let kept = own.contains {
                        $0.normalized == inherited.normalized || LicenseCompatibility.absorbs(outbound: $0, inbound: inherited)
                    }
                    guard !kept else { continue }
                    findings.append(context.derivativeFinding(
                        id,
                        "'\(context.name(node))' is declared '\(own.map(\.key).joined(separator: " AND "))' but is \(kind.rawValue) '\(context.name(ancestor))', licensed '\(inherited.key)', whose terms it drops",
                        derivative: node, source: ancestor, licenses: [inherited.key] + own.map(\.key),
                        path: context.path(to: node, then: edge),
                        remediation: "declare '\(context.name(node))' under '\(inherited.key)' (or together with it) as its lineage requires"))
                }
            }
        }
        return findings
    }
}
