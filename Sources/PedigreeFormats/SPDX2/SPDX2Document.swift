import PedigreeDiagnostics
import PedigreeModel

/// An SPDX 2 document as its four serializations state it, before it becomes the neutral model.
///
/// JSON, YAML, XML, tag-value and RDF/XML differ only in syntax; each parser fills this value and
/// `SPDX2GraphBuilder` turns it into components and edges once, so the mapping rules live in one place.
struct SPDX2Document: Sendable {
    /// A value with the position of its text in the input.
    struct Text: Sendable, Hashable {
        var value: String
        var location: SourceLocation

        init(_ value: String, at location: SourceLocation) {
            self.value = value
            self.location = location
        }
    }

    /// A package, file or snippet.
    struct Element: Sendable {
        enum Kind: String, Sendable { case package, file, snippet }

        /// A package's `externalRefs` entry (`PACKAGE-MANAGER purl pkg:…`).
        struct ExternalReference: Sendable {
            var category: String
            var type: String
            var locator: String
            var location: SourceLocation
        }

        var kind: Kind
        var spdxID: String
        var location: SourceLocation
        var name: String?
        var version: String?
        /// `packageFileName` or a file's `fileName`.
        var fileName: String?
        var primaryPurpose: Text?
        var licenseDeclared: Text?
        var licenseConcluded: Text?
        /// `licenseInfoFromFiles`, `licenseInfoInFiles` or `licenseInfoInSnippets`.
        var licenseInfo: [Text] = []
        var externalReferences: [ExternalReference] = []
        var downloadLocation: String?
        var homepage: String?
        var supplier: String?
        var originator: String?
        var copyrightText: String?
        var licenseComments: String?
        var comment: String?
        /// Algorithm as written (`SHA1`, `checksumAlgorithm_sha256`) to value.
        var checksums: [(algorithm: String, value: String)] = []
        /// A package's `hasFiles`: files it contains without a relationship saying so.
        var hasFiles: [Text] = []
        /// A snippet's `snippetFromFile`.
        var snippetFromFile: Text?
        /// Comments of the annotations on this element, where AI artifacts are sometimes marked.
        var annotations: [String] = []

        init(kind: Kind, spdxID: String, location: SourceLocation) {
            self.kind = kind
            self.spdxID = spdxID
            self.location = location
        }
    }

    /// One `spdxElementId relationshipType relatedSpdxElement` statement.
    struct Relationship: Sendable {
        var from: Text
        var type: Text
        var to: Text
        var comment: String?
    }

    /// Versions read without a warning (2.0 and 2.1 are subsets of 2.2 for what is read here).
    static let supportedVersions: Set<String> = ["SPDX-2.0", "SPDX-2.1", "SPDX-2.2", "SPDX-2.3"]

    /// Whether `text` is an SPDX 2 timestamp, `YYYY-MM-DDThh:mm:ssZ` (SPDX 2.3 clause 6.9): real
    /// tools write fractions of seconds or offsets, which are tolerated with a warning.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        let separators: [Int: UInt8] = [4: 0x2D, 7: 0x2D, 10: 0x54, 13: 0x3A, 16: 0x3A, 19: 0x5A]
        for (index, byte) in bytes.enumerated() {
            if let expected = separators[index] {
                if byte != expected { return false }
            } else if byte < 0x30 || byte > 0x39 {
                return false
            }
        }
        return true
    }

    static func timestampWarning(_ value: String, at location: SourceLocation) -> Diagnostic {
        .warning(
            "spdx.invalid-timestamp", "expected 'created' as YYYY-MM-DDThh:mm:ssZ, found '\(value)'; read anyway",
            at: location)
    }

    var specVersion: String?
    var name: String?
    var namespace: String?
    /// The document's own SPDXID, normally `SPDXRef-DOCUMENT`.
    var documentID: String = "SPDXRef-DOCUMENT"
    /// `documentDescribes` (relationships saying DESCRIBES are kept with the others).
    var describes: [Text] = []
    /// `DocumentRef-…` id to the namespace of the external document.
    var externalDocuments: [String: String] = [:]
    var elements: [Element] = []
    var relationships: [Relationship] = []
    var extractedLicenses: [ExtractedLicense] = []
    var diagnostics: [Diagnostic] = []
}
