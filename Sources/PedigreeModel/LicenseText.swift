import PedigreeDiagnostics

/// A license exactly as an input states it, with where it says so.
///
/// Readers know nothing of licenses: they keep the raw text (an SPDX expression, a name, a URL, a
/// Hugging Face id) and its location; the license layer parses and resolves it later.
public struct LicenseText: Sendable, Hashable, Codable {
    /// How the input expressed the license, which decides how leniently it is read.
    public enum Form: String, Sendable, Hashable, Codable {
        /// An SPDX license expression (`expression`, `licenseDeclared`, `hasDeclaredLicense`).
        case expression
        /// A single SPDX license id (CycloneDX `license.id`).
        case id
        /// A free-form name (CycloneDX `license.name`, HF `license_name`, GGUF `general.license.name`).
        case name
        /// A URL that identifies the license (HF `license_link`, CycloneDX `license.url`).
        case url
    }

    public var raw: String
    public var form: Form
    public var location: SourceLocation?

    public init(_ raw: String, form: Form = .expression, location: SourceLocation? = nil) {
        self.raw = raw
        self.form = form
        self.location = location
    }
}

/// One license statement of a component: several parts (a CycloneDX license list, an HF id plus
/// `license_name` and `license_link`) are kept together; more than one part in a list means AND.
public struct LicenseStatement: Sendable, Hashable, Codable {
    public var parts: [LicenseText]
    /// Set when the format gave a list whose combination is undefined (read as AND, warned once).
    public var isAmbiguousList: Bool

    public init(_ parts: [LicenseText], isAmbiguousList: Bool = false) {
        self.parts = parts
        self.isAmbiguousList = isAmbiguousList
    }

    public init(_ single: LicenseText) { self.init([single]) }

    public var isEmpty: Bool { parts.allSatisfy { $0.raw.trimmingSpaces.isEmpty } }

    public var location: SourceLocation? { parts.first?.location }

    /// The parts as one text, for display: `A AND B` for a list.
    public var displayText: String { parts.map(\.raw).joined(separator: " AND ") }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
