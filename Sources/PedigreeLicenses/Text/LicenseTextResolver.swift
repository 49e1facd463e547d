import PedigreeDiagnostics
import PedigreeModel

/// Turns the licenses inputs define by their text into terms: the text identified as a known license,
/// else the name read as one, else the terms inferred from the text's clauses.
///
/// Decisions: the text decides before the name (a `LicenseRef-1` named "Apache" whose text is the MIT
/// license is MIT); a license the knowledge base already knows by its id is left alone; every outcome is
/// reported (a note for a match, a warning for inferred or unknown terms), so no text is silently ignored.
public struct LicenseTextResolver: Sendable {
    public let base: any LicenseCatalog
    public let identifier: LicenseTextIdentifier?

    public init(base: any LicenseCatalog, identifier: LicenseTextIdentifier?) {
        self.base = base
        self.identifier = identifier
    }

    /// Resolves one defined license; nil when nothing usable was found (it stays unknown).
    public func resolve(_ license: ExtractedLicense) -> (defined: DefinedLicense?, diagnostic: Diagnostic) {
        let at = license.location
        let text = license.text.flatMap { $0.contains(where: { !$0.isWhitespace }) ? $0 : nil }
        var clauses: [LicenseClause] = []
        if let text, let identifier {
            let result = identifier.identify(text)
            if let known = result.license, let method = result.matchedBy {
                guard let terms = base.terms(for: known) else {
                    return (nil, LicenseTextDiagnostic.identifiedWithoutTerms(id: license.id, license: known).diagnostic(at: at))
                }
                let resolution = DefinedLicense.Resolution.identified(license: known, confidence: result.confidence, method: method)
                return (DefinedLicense(id: license.id, terms: terms, resolution: resolution, location: at),
                    LicenseTextDiagnostic.identified(id: license.id, license: known, confidence: result.confidence, method: method)
                        .diagnostic(at: at))
            }
            clauses = result.clauses
        }
        if let named = namedLicense(license.name) {
            return (DefinedLicense(id: license.id, terms: named, resolution: .named(license: named.id), location: at),
                LicenseTextDiagnostic.named(id: license.id, license: named.id, textWasPresent: text != nil).diagnostic(at: at))
        }
        guard !clauses.isEmpty else {
            return (nil, LicenseTextDiagnostic.unrecognised(id: license.id, hasText: text != nil).diagnostic(at: at))
        }
        let terms = InferredLicenseTerms.terms(id: license.id, name: license.name, clauses: clauses)
        return (DefinedLicense(id: license.id, terms: terms, resolution: .inferred(clauses), location: at),
            LicenseTextDiagnostic.inferred(id: license.id, clauses: clauses).diagnostic(at: at))
    }

    /// The terms of the one known license a name reads as, without warnings (a name that needs a
    /// lenient rewrite or names a family is not trusted here).
    private func namedLicense(_ name: String?) -> LicenseTerms? {
        guard let name, !name.isEmpty else { return nil }
        let reading = base.read(LicenseStatement(LicenseText(name, form: .name)))
        guard !reading.isAmbiguous, case .license(let id, false, nil)? = reading.expression else { return nil }
        return base.terms(for: id)
    }
}
