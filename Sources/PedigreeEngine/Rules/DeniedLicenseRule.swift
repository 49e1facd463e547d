/// `denied-license`: a license on the policy's deny list (by id or category) is in force on a component.
///
/// Decisions: an `allow` match wins over a `deny` match; with an empty `deny` and a non-empty `allow`,
/// every known license not allowed is denied; only shipped components count (dev/build/test-only
/// components do not reach users); unknown licenses never match (they raise `unknown-license`).
public struct DeniedLicenseRule: Rule {
    public let id = RuleID.deniedLicense
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        guard !context.policy.deny.isEmpty || !context.policy.allow.isEmpty else { return [] }
        var findings: [Finding] = []
        for node in 0..<context.index.nodeCount where context.shipped[node] {
            for license in context.ownLicenses(node) where context.isDenied(context.licenses[license]) {
                let key = context.licenses[license].key
                findings.append(context.finding(
                    id, "'\(context.name(node))' is licensed '\(key)', which the policy denies",
                    component: node, firedAt: node, licenses: [key], path: context.pathToComponent(node),
                    remediation: "replace '\(context.name(node))', or waive the finding in the policy with a reason"))
            }
        }
        return findings
    }
}
