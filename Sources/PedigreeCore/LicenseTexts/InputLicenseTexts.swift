import PedigreeDiagnostics
import PedigreeLicenses
import PedigreeModel

/// The licenses the inputs define by their texts, resolved once per audit into a catalog the engine
/// reads terms from (DOMAIN §5, "a license given as text").
enum InputLicenseTexts {
    /// The catalog over `base` with every defined license of `documents`, and what was found.
    ///
    /// Decisions: ids are document-local in SPDX, so two inputs may both define `LicenseRef-1`: the first
    /// definition in input order is used and a different text elsewhere is reported.
    static func catalog(for documents: [SBOMDocument], base: any LicenseCatalog) -> (catalog: any LicenseCatalog, diagnostics: [Diagnostic]) {
        let definitions = documents.flatMap { document in
            document.extractedLicenses.values.sorted { $0.id < $1.id }.map { (document.path, $0) }
        }
        guard !definitions.isEmpty else { return (base, []) }
        var diagnostics: [Diagnostic] = []
        let identifier: LicenseTextIdentifier?
        switch LicenseTextIdentifier.shared {
        case .success(let loaded): identifier = loaded
        case .failure(let error):
            identifier = nil
            diagnostics.append(LicenseTextDiagnostic.indexUnavailable(error.description).diagnostic(at: nil))
        }
        let resolver = LicenseTextResolver(base: base, identifier: identifier)
        var firstText: [String: (file: String, text: String?)] = [:]
        var defined: [DefinedLicense] = []
        for (file, license) in definitions where base.terms(for: license.id) == nil {
            let key = license.id.lowercased()
            if let first = firstText[key] {
                if first.text != license.text {
                    diagnostics.append(LicenseTextDiagnostic.conflictingDefinitions(id: license.id, first: first.file)
                        .diagnostic(at: license.location))
                }
                continue
            }
            firstText[key] = (file, license.text)
            let (definition, diagnostic) = resolver.resolve(license)
            diagnostics.append(diagnostic)
            if let definition { defined.append(definition) }
        }
        return (DocumentLicenseCatalog(base: base, defined: defined), diagnostics)
    }
}
