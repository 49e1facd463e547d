import PedigreeModel

/// `no-derivatives`: a work licensed no-derivatives is modified, fine-tuned or trained on.
///
/// Decisions: a quantization only changes the format, which no-derivatives licenses allow (CC 4.0
/// §2(a)(4)), so `quantized-from` is not a modification but carries the term on; training counts per
/// `interpretation.training-data` (`use` and `derivative` yes, `none` no); distillation counts when the
/// license counts outputs as derivatives. The finding is raised at the component that modifies the
/// unmodified work (the work itself or a quantization of it), even when the derivative keeps the
/// license, and not again further down.
public struct NoDerivativesRule: Rule {
    public let id = RuleID.noDerivatives
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let index = context.index
        for node in 0..<index.nodeCount {
            var reported = Set<Int32>()
            for slot in Int(index.upStart[node])..<Int(index.upStart[node + 1]) {
                let edge = Int(index.upEdges[slot])
                let kind = index.edgeKind[edge]
                guard kind != .quantizedFrom, let edgeClass = EdgeClass(rawValue: Int(index.edgeClass[edge])) else { continue }
                let upstream = Int(index.edgeTo[edge])
                for record in context.forward.licenses(at: upstream, with: .noDerivatives) where !reported.contains(record.license) {
                    let license = context.licenses[Int(record.license)]
                    switch edgeClass {
                    case .derivative, .staticLink: break
                    case .trainedOn where context.product.interpretation.trainingData != .none: break
                    case .distilledFrom where license.terms?.derivativeIncludesOutputs == true: break
                    default: continue
                    }
                    let rest = context.forward.carryingEdges(
                        from: upstream, license: Int(record.license), aspect: .noDerivatives, index: index)
                    guard rest.allSatisfy({ index.edgeKind[$0] == .quantizedFrom }) else { continue }
                    reported.insert(record.license)
                    let source = Int(record.source)
                    findings.append(context.derivativeFinding(
                        id,
                        "'\(context.name(node))' is \(Self.verb(kind)) '\(context.name(upstream))', licensed '\(license.key)', which forbids derivatives",
                        derivative: node, source: source, licenses: [license.key],
                        path: context.steps(
                            from: context.rootEdges(to: node).first.map { Int(index.edgeFrom[$0]) } ?? node,
                            edges: context.rootEdges(to: node) + [edge] + rest),
                        remediation: "use '\(context.name(upstream))' unmodified, obtain permission from its licensor, or replace it"))
                }
            }
        }
        return findings
    }

    static func verb(_ kind: EdgeKind) -> String {
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
