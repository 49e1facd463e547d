import PedigreeModel

/// `ambiguous-license`: a license list of undefined meaning (read as AND) or a family id such as
/// `bsd` or `openrail`.
public struct AmbiguousLicenseRule: Rule {
    public let id = RuleID.ambiguousLicense
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for node in 0..<context.index.nodeCount where context.shipped[node] {
            let license = context.componentLicenses[node]
            let list = license.reading?.listMeaning == .undefined
            let inferred = license.atoms.map { context.licenses[$0].id }.filter { context.catalog.inferredClauses(for: $0) != nil }
            if !inferred.isEmpty {
                findings.append(inferredTermsFinding(node, licenses: inferred, context))
                continue
            }
            guard list || license.reading?.isAmbiguous == true else { continue }
            let text = license.statement.map(Self.shortText) ?? ""
            let count = license.statement?.parts.count ?? 0
            let what = list ? "a list of \(count) licenses whose combination the format leaves undefined (read as AND)" : "a license family rather than one license"
            findings.append(context.finding(
                id, "'\(context.name(node))' states '\(text)', \(what)",
                component: node, firedAt: node, licenses: license.atoms.map { context.licenses[$0].key },
                path: context.pathToComponent(node),
                remediation: "state one SPDX expression with AND or OR, naming exact license versions"))
        }
        return findings
    }

    /// Parts shown in a finding before the rest is counted: one statement adds one short finding to a
    /// report, however long its list.
    static let shownParts = 8
    static let shownCharacters = 400

    static func shortText(_ statement: LicenseStatement) -> String {
        var text = statement.parts.prefix(shownParts).map(\.raw).joined(separator: " AND ")
        if text.count > shownCharacters { text = String(text.prefix(shownCharacters)) + "…" }
        if statement.parts.count > shownParts { text += " AND \(statement.parts.count - shownParts) more" }
        return text
    }

    /// One finding per component whose license terms were inferred from a text that matches no known
    /// license (DOMAIN §5): the terms are Pedigree's reading, to be confirmed.
    private func inferredTermsFinding(_ node: Int, licenses: [String], _ context: RuleContext) -> Finding {
        let clauses = licenses.flatMap { context.catalog.inferredClauses(for: $0) ?? [] }
        let terms = Array(Set(clauses.map(\.term.rawValue))).sorted().joined(separator: ", ")
        let names = licenses.map { "'\($0)'" }.joined(separator: ", ")
        return context.finding(
            id,
            "the license text of \(names) on '\(context.name(node))' matches no known license; its terms (\(terms)) were inferred from the license text",
            component: node, firedAt: node, licenses: licenses, path: context.pathToComponent(node),
            remediation: "confirm the inferred terms with the licensor, or state the license with an SPDX id",
            notes: clauses.map { "\($0.term.rawValue), line \($0.line) of the text: \"\($0.sentence)\"" })
    }
}
