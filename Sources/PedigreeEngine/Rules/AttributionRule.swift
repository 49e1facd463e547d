/// `attribution`: a notice, a "Built with …" display or a copy of the license is owed with the release.
///
/// Owed for every shipped component, whatever edge brings it in (DOMAIN §8.4), from its own licenses,
/// and for a model that learned from outputs whose terms require attribution ("Built with Qwen").
/// A display that only derivative models owe (Qwen) is owed by the derivative model, carried from its
/// base whatever it states, and not by a product that only runs the base.
public struct AttributionRule: Rule {
    public let id = RuleID.attribution
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for node in 0..<context.index.nodeCount where context.shipped[node] {
            var owed: [String] = []
            var keys: [String] = []
            for license in context.ownLicenses(node) {
                let resolved = context.licenses[license]
                guard let duties = Self.duties(resolved, ownedByDerivativeModel: context.isDerivativeModel(node)), !duties.isEmpty
                else { continue }
                owed += duties
                keys.append(resolved.key)
            }
            for (license, display) in context.carriedDerivativeDisplays(node) {
                owed.append("display '\(display)'")
                keys.append(context.licenses[license].key)
            }
            for record in context.forward.licenses(at: node, with: .learned) {
                let resolved = context.licenses[Int(record.license)]
                guard let terms = resolved.terms, terms.outputUse.contains(.attributionRequired),
                    let display = terms.attribution.display
                else { continue }
                owed.append("display '\(display)'")
                keys.append(resolved.key)
            }
            guard !owed.isEmpty else { continue }
            var seen = Set<String>()
            owed = owed.filter { seen.insert($0).inserted }
            keys = keys.filter { seen.insert("license " + $0).inserted }
            findings.append(context.finding(
                id, "'\(context.name(node))' (\(keys.joined(separator: ", "))) owes: \(owed.joined(separator: "; "))",
                component: node, firedAt: node, licenses: keys, path: context.pathToComponent(node),
                remediation: "include these in the release's notices (pedigree notice writes them)"))
        }
        return findings
    }

    static func duties(_ license: ResolvedLicense, ownedByDerivativeModel: Bool) -> [String]? {
        guard let a = license.terms?.attribution else { return nil }
        var duties: [String] = []
        if a.licenseCopy { duties.append("a copy of the license '\(license.key)'") }
        if a.noticeFile { duties.append("the upstream NOTICE file") }
        if let notice = a.notice { duties.append("the notice \"\(notice)\"") }
        if let display = a.owedDisplay(byDerivativeModel: ownedByDerivativeModel) { duties.append("display '\(display)'") }
        return duties
    }
}
