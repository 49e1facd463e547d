import PedigreeModel

/// `no-derivatives`: a work licensed no-derivatives is modified, fine-tuned or trained on.
///
/// Decisions: a quantization only changes the format, which no-derivatives licenses allow (CC 4.0
/// §2(a)(4)), so `quantized-from` is not a modification but carries the term on; training counts per
/// `interpretation.training-data` (`use` and `derivative` yes, `none` no). The finding is raised at the
/// component that modifies the unmodified work, not again further down.
public struct NoDerivativesRule: Rule {
    public let id = RuleID.noDerivatives
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let index = context.index
        for node in 0..<index.nodeCount {
            for record in context.forward.licenses(at: node, with: .noDerivatives) where record.predEdge >= 0 {
                let edge = Int(record.predEdge)
                guard index.edgeKind[edge] != .quantizedFrom else { continue }
                let upstream = Int(index.edgeTo[edge])
                let rest = context.forward.carryingEdges(
                    from: upstream, license: Int(record.license), aspect: .noDerivatives, index: index)
                guard rest.allSatisfy({ index.edgeKind[$0] == .quantizedFrom }) else { continue }
                let license = context.licenses[Int(record.license)]
                let source = Int(record.source)
                findings.append(context.finding(
                    id,
                    "'\(context.name(node))' is \(Self.verb(index.edgeKind[edge])) '\(context.name(upstream))', licensed '\(license.key)', which forbids derivatives",
                    component: source, firedAt: node, licenses: [license.key],
                    path: context.path(firedAt: node, license: Int(record.license), aspect: .noDerivatives),
                    remediation: "use '\(context.name(upstream))' unmodified, obtain permission from its licensor, or replace it"))
            }
        }
        return findings
    }

    static func verb(_ kind: PedigreeModel.EdgeKind) -> String {
        switch kind {
        case .fineTunedFrom: "fine-tuned from"
        case .mergedFrom: "merged from"
        case .adapterOf: "an adapter of"
        case .trainedOn: "trained on"
        case .distilledFrom: "distilled from"
        case .staticLink: "statically linked with"
        default: "derived from"
        }
    }
}
