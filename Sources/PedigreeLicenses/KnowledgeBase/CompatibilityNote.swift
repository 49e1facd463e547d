/// Whether code under one license may become part of a work released under a leading license.
public enum CompatibilityVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The same license.
    case same
    case yes
    case no
    /// Pedigree has no terms for one of the two.
    case unknown
}

/// A verdict of the OSADL license compatibility matrix (leading license, other license).
public enum OSADLVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    case yes = "Yes"
    case no = "No"
    case same = "Same"
    case unknown = "Unknown"
    case checkDependency = "Check dependency"

    /// The verdict in Pedigree's terms; nil for `Unknown` and `Check dependency`, which decide nothing.
    public var verdict: CompatibilityVerdict? {
        switch self {
        case .yes: .yes
        case .no: .no
        case .same: .same
        case .unknown, .checkDependency: nil
        }
    }
}

/// A documented difference between Pedigree's verdict and the OSADL matrix (`compatibility` section).
public struct CompatibilityNote: Sendable, Hashable {
    public var leading: String
    public var other: String
    public var osadl: OSADLVerdict
    public var pedigree: CompatibilityVerdict
    public var reason: String
    public var sources: [String]
}

extension CompatibilityNote: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        try container.rejectUnknownKeys(
            ["leading", "other", "osadl", "pedigree", "reason", "sources"], in: "compatibility note")
        leading = try container.required("leading")
        other = try container.required("other")
        osadl = try container.required("osadl")
        pedigree = try container.required("pedigree")
        reason = try container.required("reason")
        sources = try container.optional("sources", default: [])
    }
}
