/// A license on the SPDX License List, as the generated `spdxLicenses` section records it.
public struct SPDXLicense: Sendable, Hashable {
    public var id: String
    public var name: String
    public var isDeprecated: Bool
    public var isOSIApproved: Bool
    public var isFSFLibre: Bool
    /// The list's `seeAlso` URLs.
    public var urls: [String]

    /// The license's page on the SPDX site.
    public var referenceURL: String { "https://spdx.org/licenses/\(id).html" }
}

/// A license exception on the SPDX License List (`spdxExceptions`).
public struct SPDXException: Sendable, Hashable {
    public var id: String
    public var name: String
    public var isDeprecated: Bool
    public var urls: [String]

    public var referenceURL: String { "https://spdx.org/licenses/\(id).html" }
}

extension SPDXLicense: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        id = try container.required("id")
        try container.rejectUnknownKeys(["id", "name", "deprecated", "osi", "fsf", "urls"], in: "SPDX license '\(id)'")
        name = try container.required("name")
        isDeprecated = try container.required("deprecated")
        isOSIApproved = try container.required("osi")
        isFSFLibre = try container.required("fsf")
        urls = try container.optional("urls", default: [])
    }
}

extension SPDXException: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        id = try container.required("id")
        try container.rejectUnknownKeys(["id", "name", "deprecated", "urls"], in: "SPDX exception '\(id)'")
        name = try container.required("name")
        isDeprecated = try container.required("deprecated")
        urls = try container.optional("urls", default: [])
    }
}
