/// `output-restriction`: a model learned from outputs whose terms forbid it (Llama 2/3 and Tongyi
/// Qianwen: no improving other models; OpenAI and Anthropic terms: no competing models).
///
/// Decisions: the finding is raised at the model that learned (over `distilled-from`, or `trained-on`
/// data `generated-by` the model), not again at its own derivatives; a model that is itself a
/// derivative of the restricting license's model is exempt from "no improving other models" (the
/// licenses except their own derivatives); "no competing models" is always raised, since whether a
/// model competes is a business question the SBOM cannot answer.
public struct OutputRestrictionRule: Rule {
    public let id = RuleID.outputRestriction
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let index = context.index
        for node in 0..<index.nodeCount {
            for record in context.forward.licenses(at: node, with: .learned) where record.predEdge >= 0 {
                let edgeClass = EdgeClass(rawValue: Int(index.edgeClass[Int(record.predEdge)]))
                guard edgeClass == .trainedOn || edgeClass == .distilledFrom else { continue }
                let license = context.licenses[Int(record.license)]
                guard let terms = license.terms else { continue }
                let ownDerivative =
                    context.forward.record(at: node, license: Int(record.license), aspect: .outputTerms) != nil
                    || context.ownLicenses(node).contains { context.licenses[$0].normalized == license.normalized }
                let reason: String
                if terms.outputUse.contains(.noCompetingModels) {
                    reason = "its terms forbid using outputs to develop competing models"
                } else if terms.outputUse.contains(.noImprovingOtherModels), !ownDerivative {
                    reason = "its terms forbid using outputs to improve any other model"
                } else {
                    continue
                }
                let source = Int(record.source)
                findings.append(context.derivativeFinding(
                    id,
                    "'\(context.name(node))' learned from outputs of '\(context.name(source))', licensed '\(license.key)': \(reason)",
                    derivative: node, source: source, licenses: [license.key],
                    path: context.path(firedAt: node, license: Int(record.license), aspect: .learned),
                    remediation: "retrain '\(context.name(node))' without those outputs, or use a teacher whose terms allow training on its outputs"))
            }
        }
        return findings
    }
}
