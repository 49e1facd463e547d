import PedigreeDiagnostics

/// A license an SBOM defines itself (`LicenseRef-…`), as SPDX `hasExtractedLicensingInfos` or an
/// SPDX 3 custom license states it.
///
/// Expressions only name such a license by its document-local id; the license layer needs the name
/// and text to recognise what it is (a `LicenseRef-1` whose name is "Llama 3.1 Community License").
public struct ExtractedLicense: Sendable, Hashable, Codable {
    /// The id as expressions use it (`LicenseRef-Beerware-4.2`).
    public var id: String
    public var name: String?
    /// The license text as the document quotes it.
    public var text: String?
    /// URLs where the license is published (`seeAlsos`).
    public var seeAlso: [String]
    public var location: SourceLocation?

    public init(id: String, name: String? = nil, text: String? = nil, seeAlso: [String] = [], location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.text = text
        self.seeAlso = seeAlso
        self.location = location
    }
}
