import PedigreeDiagnostics

/// What the audit says about licenses given as text (codes `license-text.*`).
public enum LicenseTextDiagnostic: Sendable, Hashable {
    /// The text is a known license.
    case identified(id: String, license: String, confidence: Double, method: LicenseTextIdentification.Method)
    /// The text was identified, but the knowledge base has no terms for that license.
    case identifiedWithoutTerms(id: String, license: String)
    /// The name, not the text, said which license it is.
    case named(id: String, license: String, textWasPresent: Bool)
    /// The text matched nothing known; its terms were inferred from these clauses.
    case inferred(id: String, clauses: [LicenseClause])
    /// The text matched nothing known and states no clause that decides an audit.
    case unrecognised(id: String, hasText: Bool)
    /// Two inputs define the same id with different texts: the first definition is used.
    case conflictingDefinitions(id: String, first: String)
    /// The bundled index could not be read: texts are not identified, only names are read.
    case indexUnavailable(String)

    public func diagnostic(at location: SourceLocation?) -> Diagnostic {
        switch self {
        case .identified(let id, let license, let confidence, let method):
            return .note("license-text.identified",
                "the text of '\(id)' is '\(license)' (\(method.rawValue) match, confidence \(Self.format(confidence)))",
                at: location)
        case .identifiedWithoutTerms(let id, let license):
            return .warning("license-text.no-terms",
                "the text of '\(id)' is '\(license)', whose terms the knowledge base does not have: it stays unknown",
                at: location)
        case .named(let id, let license, let textWasPresent):
            let why = textWasPresent ? "its text matches no known license, but its name" : "it has no text, but its name"
            return .note("license-text.named", "'\(id)': \(why) reads as '\(license)'", at: location)
        case .inferred(let id, let clauses):
            let terms = Array(Set(clauses.map(\.term.rawValue))).sorted().joined(separator: ", ")
            return .warning("license-text.inferred",
                "the text of '\(id)' matches no known license; its terms were inferred from the text (\(terms))",
                at: location)
        case .unrecognised(let id, let hasText):
            let what = hasText ? "its text matches no known license and states no clause Pedigree reads" : "it has neither text nor a name Pedigree knows"
            return .warning("license-text.unrecognised", "'\(id)': \(what); its terms are unknown", at: location)
        case .conflictingDefinitions(let id, let first):
            return .warning("license-text.conflicting-definitions",
                "'\(id)' is defined again with a different text; the definition in '\(first)' is used", at: location)
        case .indexUnavailable(let reason):
            return .error("license-text.index-unavailable", "license texts cannot be identified: \(reason)", at: location)
        }
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded(.down))
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
