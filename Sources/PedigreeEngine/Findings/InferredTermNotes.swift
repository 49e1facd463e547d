import PedigreeLicenses

/// A finding that rests on terms inferred from a license text says so, quoting the sentence each term
/// came from (DOMAIN §5), so that the reader can judge the reading.
enum InferredTermNotes {
    /// The clause terms each rule can rest on; a rule not listed rests on any of them.
    static let termsByRule: [RuleID: Set<LicenseClause.Term>] = [
        .nonCommercial: [.nonCommercial],
        .usageThreshold: [.usageThreshold],
        .copyleftConflict: [.shareAlike, .nonCommercial, .useRestriction, .noDerivatives],
        .useRestrictionFlowdown: [.useRestriction],
        .naming: [.naming],
        .noDerivatives: [.noDerivatives],
        .attribution: [.attribution, .naming],
        .ambiguousLicense: [],
    ]

    /// Adds one note per inferred clause the finding rests on.
    static func annotate(_ findings: inout [Finding], catalog: any LicenseCatalog) {
        for position in findings.indices {
            let rule = findings[position].rule
            for license in findings[position].licenses {
                guard let clauses = catalog.inferredClauses(for: license) else { continue }
                let wanted = termsByRule[rule]
                let where_ = catalog.textDefinition(for: license).map { ", defined at \($0)" } ?? ""
                for clause in clauses where wanted?.contains(clause.term) ?? true {
                    findings[position].notes.append(
                        "inferred from the license text of '\(license)' (line \(clause.line) of the text\(where_)): \"\(clause.sentence)\"")
                }
            }
        }
    }
}
