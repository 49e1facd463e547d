/// The terms a custom license text's clauses amount to, for the engine to propagate like known ones.
///
/// Decisions: `non-commercial` forbids commercial use; `usage-threshold` allows it below the limits read;
/// `no-derivatives` forbids derivatives; `share-alike` is share-alike copyleft; a `use-restriction` that
/// must be passed on sets the flow-down duty; `naming` gives the name prefix; `attribution` asks for a
/// copy of the license and the notices. `no-redistribution` and a use restriction without a flow-down
/// duty have no property in `LicenseTerms`: they are kept as clauses and reported with the component's
/// `ambiguous-license` finding, never dropped.
public enum InferredLicenseTerms {
    public static func terms(id: String, name: String?, clauses: [LicenseClause]) -> LicenseTerms {
        func has(_ term: LicenseClause.Term) -> Bool { clauses.contains { $0.term == term } }
        let thresholds = clauses.compactMap(\.threshold)
        let commercial: LicenseTerms.Commercial =
            has(.nonCommercial) ? .forbidden : thresholds.isEmpty ? .allowed : .threshold
        return LicenseTerms(
            id: id, name: name ?? id, copyleft: has(.shareAlike) ? .shareAlike : .none, commercial: commercial,
            thresholds: has(.nonCommercial) ? [] : thresholds, derivativesAllowed: !has(.noDerivatives),
            useRestrictionsFlowDown: clauses.contains { $0.term == .useRestriction && $0.flowsDown },
            attribution: LicenseTerms.Attribution(
                namePrefix: clauses.lazy.compactMap(\.namePrefix).first, licenseCopy: has(.attribution)),
            sources: ["inferred from the license text"])
    }
}
