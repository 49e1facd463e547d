/// The data file's top level, decoded strictly: every section the schema names, comments (`_comment…`)
/// allowed, nothing else.
struct KnowledgeBaseFile: Decodable {
    static let supportedSchemaVersion = 1

    var schemaVersion: Int
    var licenses: [LicenseEntry]
    var modelLicenses: [LicenseEntry]
    var knownComponents: [KnownComponent]
    var compatibility: [CompatibilityNote]
    var spdxLicenseListVersion: String
    var spdxLicenses: [SPDXLicense]
    var spdxExceptions: [SPDXException]
    var huggingFaceLicenseIDs: [String: String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        try container.rejectUnknownKeys(
            [
                "schemaVersion", "licenses", "modelLicenses", "knownComponents", "compatibility",
                "spdxLicenseListVersion", "spdxLicenses", "spdxExceptions", "huggingFaceLicenseIDs",
            ], in: "the knowledge base", commentPrefix: "_comment")
        schemaVersion = try container.required("schemaVersion")
        guard schemaVersion == Self.supportedSchemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: AnyCodingKey("schemaVersion"), in: container,
                debugDescription: "schema version \(schemaVersion) is not supported; expected \(Self.supportedSchemaVersion)")
        }
        licenses = try container.optional("licenses", default: [])
        modelLicenses = try container.optional("modelLicenses", default: [])
        knownComponents = try container.optional("knownComponents", default: [])
        compatibility = try container.optional("compatibility", default: [])
        spdxLicenseListVersion = try container.optional("spdxLicenseListVersion", default: "")
        spdxLicenses = try container.optional("spdxLicenses", default: [])
        spdxExceptions = try container.optional("spdxExceptions", default: [])
        huggingFaceLicenseIDs = try container.optional("huggingFaceLicenseIDs", default: [:])
    }
}
