import PedigreeDiagnostics
import PedigreeModel

/// A license an input defines by its text (`LicenseRef-…` with extracted text, a custom license),
/// resolved to terms: identified as a known license, or inferred from the clauses of its text.
public struct DefinedLicense: Sendable, Hashable {
    public enum Resolution: Sendable, Hashable {
        /// The text is a known license (`license`), matched as `method` says.
        case identified(license: String, confidence: Double, method: LicenseTextIdentification.Method)
        /// The name names a known license (the text was missing or matched nothing).
        case named(license: String)
        /// The text matched nothing; these clauses were read from it.
        case inferred([LicenseClause])
    }

    /// The id the input's expressions use.
    public var id: String
    public var terms: LicenseTerms
    public var resolution: Resolution
    /// Where the input defines the license (the text's line numbers count from its start).
    public var location: SourceLocation?

    public init(id: String, terms: LicenseTerms, resolution: Resolution, location: SourceLocation?) {
        self.id = id
        self.terms = terms
        self.resolution = resolution
        self.location = location
    }

    /// The clauses the terms rest on, when they were inferred.
    public var inferredClauses: [LicenseClause]? {
        if case .inferred(let clauses) = resolution { return clauses }
        return nil
    }
}

/// The knowledge base plus the licenses the audited inputs define by their texts.
///
/// Decisions: a defined license never replaces one the knowledge base knows by the same id; ids are
/// compared case-insensitively, as SPDX ids are.
public struct DocumentLicenseCatalog: LicenseCatalog {
    public let base: any LicenseCatalog
    private let defined: [String: DefinedLicense]

    public init(base: any LicenseCatalog, defined: [DefinedLicense]) {
        self.base = base
        var byID: [String: DefinedLicense] = [:]
        for license in defined where base.terms(for: license.id) == nil && byID[license.id.lowercased()] == nil {
            byID[license.id.lowercased()] = license
        }
        self.defined = byID
    }

    public func definedLicense(_ id: String) -> DefinedLicense? { defined[id.lowercased()] }

    public func terms(for id: String) -> LicenseTerms? { defined[id.lowercased()]?.terms ?? base.terms(for: id) }

    public func read(_ statement: LicenseStatement) -> LicenseReading {
        var reading = base.read(statement)
        reading.unknownIDs.removeAll { defined[$0.lowercased()] != nil }
        return reading
    }

    public func knownLicense(purl: String?, name: String, version: String?) -> KnownLicenseFact? {
        base.knownLicense(purl: purl, name: name, version: version)
    }

    public func inferredClauses(for id: String) -> [LicenseClause]? { defined[id.lowercased()]?.inferredClauses }

    public func textDefinition(for id: String) -> SourceLocation? { defined[id.lowercased()]?.location }
}
