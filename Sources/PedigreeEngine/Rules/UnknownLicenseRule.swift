/// `unknown-license`: a shipped component has no usable license (missing, `NOASSERTION`, `NONE`,
/// unreadable), or names a license the knowledge base does not know.
///
/// Decisions: a known-component fact never fills the gap; it becomes a note ("known as MIT …").
/// The product roots are exempt: the product is what is being audited, and its outbound license
/// (stated or not, often the vendor's own `LicenseRef-` EULA) is judged by the copyleft rules, which
/// treat an unknown outbound license as proprietary (DOMAIN.md §8.8).
public struct UnknownLicenseRule: Rule {
    public let id = RuleID.unknownLicense
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for node in 0..<context.index.nodeCount where context.shipped[node] && !context.roots.contains(node) {
            let license = context.componentLicenses[node]
            let component = context.components[node]
            var notes: [String] = []
            if let fact = context.knownFacts[node] {
                notes.append("known as '\(fact.license)': \(fact.note)")
            }
            if license.isMissing {
                let stated = license.statement.map { $0.isEmpty ? "an empty license" : "'\($0.displayText)'" } ?? "no license"
                findings.append(context.finding(
                    id, "'\(context.name(node))' states \(stated): its license terms are unknown",
                    component: node, firedAt: node, licenses: [], path: context.pathToComponent(node),
                    remediation: "find the license of '\(context.name(node))' and state it in the SBOM or the manifest",
                    notes: notes))
                continue
            }
            let unknown = license.atoms.map { context.licenses[$0] }.filter { $0.terms == nil }
            guard !unknown.isEmpty else { continue }
            let keys = unknown.map(\.key)
            findings.append(context.finding(
                id,
                "'\(context.name(node))' is licensed \(keys.map { "'\($0)'" }.joined(separator: ", ")), which the knowledge base does not know",
                component: node, firedAt: node, licenses: keys, path: context.pathToComponent(node),
                remediation: "state the license with an SPDX id, or add its terms to the knowledge base", notes: notes))
        }
        return findings
    }
}
