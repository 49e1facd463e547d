import PedigreeDiagnostics
import PedigreeModel

/// How a license statement was read: the expression it means, and every rewrite or doubt on the way.
public struct LicenseReading: Sendable, Hashable {
    /// The expression, or nil when nothing usable was stated (missing, `NOASSERTION`, `NONE`, unreadable).
    public var expression: LicenseExpression?
    /// Warnings for lenient rewrites (`Apache 2.0` -> `Apache-2.0`), ambiguity and unknown ids.
    public var diagnostics: [Diagnostic]
    /// Set for a license list of undefined meaning or a family id (`bsd`, `openrail`).
    public var isAmbiguous: Bool
    /// Ids in `expression` that the knowledge base has no terms for.
    public var unknownIDs: [String]
    /// How a list of several distinct licenses was read; nil when the statement was no such list.
    public var listMeaning: ListMeaning?

    /// How a license list was read (DOMAIN §5).
    public enum ListMeaning: Sendable, Hashable {
        /// The ecosystem means a choice (Maven, npm, PyPI): read as OR.
        case choice
        /// The meaning is undefined: read as AND, and ambiguous.
        case undefined
    }

    public init(
        expression: LicenseExpression?, diagnostics: [Diagnostic] = [], isAmbiguous: Bool = false,
        unknownIDs: [String] = []
    ) {
        self.expression = expression
        self.diagnostics = diagnostics
        self.isAmbiguous = isAmbiguous
        self.unknownIDs = unknownIDs
    }
}

/// A license that the knowledge base knows a component to carry, by version or date.
public struct KnownLicenseFact: Sendable, Hashable, Codable {
    public var license: String
    public var note: String
    public var sources: [String]

    public init(license: String, note: String, sources: [String]) {
        self.license = license
        self.note = note
        self.sources = sources
    }
}

/// A base model the knowledge base knows a component was made from: its Hugging Face id or purl, how the
/// derivative was made, the base's own known license and the sources that state the lineage.
public struct KnownBaseFact: Sendable, Hashable {
    public var identifier: String
    public var relationship: EdgeKind
    public var license: String
    public var note: String
    public var sources: [String]

    public init(identifier: String, relationship: EdgeKind, license: String, note: String, sources: [String]) {
        self.identifier = identifier
        self.relationship = relationship
        self.license = license
        self.note = note
        self.sources = sources
    }
}

/// What the engine asks of license knowledge; `KnowledgeBase` is the real one, tests may build small ones.
public protocol LicenseCatalog: Sendable {
    /// The terms of a license id (case-insensitive SPDX id or `LicenseRef-…`), nil when unknown.
    func terms(for id: String) -> LicenseTerms?

    /// Reads a component's license statement: strictly as SPDX, else leniently with warnings.
    func read(_ statement: LicenseStatement) -> LicenseReading

    /// What the knowledge base knows of this component's license, by purl, Hugging Face id or name.
    func knownLicense(purl: String?, name: String, version: String?) -> KnownLicenseFact?

    /// The base models the knowledge base knows this component was made from, with the bases' licenses.
    func knownBases(purl: String?, name: String, version: String?) -> [KnownBaseFact]

    /// For a license whose terms were inferred from its text, the clauses they rest on.
    func inferredClauses(for id: String) -> [LicenseClause]?

    /// Where the input that defines a license by its text states it.
    func textDefinition(for id: String) -> SourceLocation?
}

extension LicenseCatalog {
    public func knownBases(purl: String?, name: String, version: String?) -> [KnownBaseFact] { [] }
    public func inferredClauses(for id: String) -> [LicenseClause]? { nil }
    public func textDefinition(for id: String) -> SourceLocation? { nil }
}
