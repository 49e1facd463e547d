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
        /// The license name of a PyPI trove classifier (`GNU General Public License v2 or later
        /// (GPLv2+)`): the ecosystem's own vocabulary, read without a rewrite warning.
        case classifier
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

/// What an input says about where a list of several licenses came from. Readers record it without
/// interpreting licenses; the license layer decides whether the list means OR or AND (DOMAIN §5).
public struct LicenseListEvidence: Sendable, Hashable, Codable {
    /// The field that held the list.
    public enum Origin: String, Sendable, Hashable, Codable {
        /// CycloneDX `licenses[]` with several entries.
        case cycloneDXLicenses = "cyclonedx-licenses"
        /// A Hugging Face card's `license:` list.
        case huggingFaceCard = "huggingface-card"
        /// A GGUF `general.license` with comma-separated entries.
        case ggufMetadata = "gguf-metadata"
        /// A Maven POM's `<licenses>`.
        case mavenPOM = "maven-pom"
        /// npm's legacy `licenses` array in `package.json`.
        case npmLicenses = "npm-licenses"
        /// PyPI `License ::` trove classifiers.
        case pypiClassifiers = "pypi-classifiers"
    }

    public var origin: Origin
    /// The package type of the component's purl (`maven`, `npm`, `pypi`), lower-cased, when it has one.
    public var packageType: String?

    public init(origin: Origin, packageType: String? = nil) {
        self.origin = origin
        self.packageType = packageType
    }

    /// `pkg:maven/org.example/lib@1.0` -> `maven`; nil for anything that is not a purl.
    public static func packageType(ofPURL purl: String?) -> String? {
        guard let purl, purl.utf8.count > 4, purl.lowercased().hasPrefix("pkg:") else { return nil }
        let type = purl.dropFirst(4).prefix { $0 != "/" && $0 != "@" && $0 != "?" }
        return type.isEmpty ? nil : type.lowercased()
    }
}

/// One license statement of a component: several parts (a CycloneDX license list, an HF id plus
/// `license_name` and `license_link`) are kept together; the license layer decides how they combine.
public struct LicenseStatement: Sendable, Hashable, Codable {
    public var parts: [LicenseText]
    /// Set when the format gave the parts as a list of licenses (rather than one license said several
    /// ways); `list` says where the list came from.
    public var isAmbiguousList: Bool
    public var list: LicenseListEvidence?

    public init(_ parts: [LicenseText], isAmbiguousList: Bool = false, list: LicenseListEvidence? = nil) {
        self.parts = parts
        self.isAmbiguousList = isAmbiguousList
        self.list = list
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
