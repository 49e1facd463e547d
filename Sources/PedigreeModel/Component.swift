import PedigreeDiagnostics

/// Where a fact came from: the input file and the format that stated it.
public struct Origin: Sendable, Hashable, Codable {
    public var file: String
    public var format: InputFormat
    public var location: SourceLocation?

    public init(file: String, format: InputFormat, location: SourceLocation? = nil) {
        self.file = file
        self.format = format
        self.location = location
    }
}

/// A stable reference to a component within one audit.
public struct ComponentRef: RawRepresentable, Sendable, Hashable, Codable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: ComponentRef, rhs: ComponentRef) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A component of the product: an application, library, model, dataset, service and so on.
public struct Component: Sendable, Hashable, Codable {
    public var ref: ComponentRef
    public var name: String
    public var version: String?
    public var kind: ComponentKind
    public var purl: String?
    public var supplier: String?
    /// The license the component's author declares.
    public var declaredLicense: LicenseStatement?
    /// The license an analyst concluded; rules prefer it when usable.
    public var concludedLicense: LicenseStatement?
    /// Algorithm name (`SHA-256`) to hex digest.
    public var hashes: [String: String]
    /// Where the component is defined in its first input.
    public var location: SourceLocation?
    /// Every input that stated this component (several after merging).
    public var origins: [Origin]
    /// Free-form facts a reader keeps for explanations (`downloadLocation`, `gguf.architecture`…).
    public var properties: [String: String]

    public init(
        ref: ComponentRef, name: String, version: String? = nil, kind: ComponentKind = .library,
        purl: String? = nil, supplier: String? = nil, declaredLicense: LicenseStatement? = nil,
        concludedLicense: LicenseStatement? = nil, hashes: [String: String] = [:],
        location: SourceLocation? = nil, origins: [Origin] = [], properties: [String: String] = [:]
    ) {
        self.ref = ref
        self.name = name
        self.version = version
        self.kind = kind
        self.purl = purl
        self.supplier = supplier
        self.declaredLicense = declaredLicense
        self.concludedLicense = concludedLicense
        self.hashes = hashes
        self.location = location
        self.origins = origins
        self.properties = properties
    }

    /// The property under which readers keep the copyright lines an input states (SPDX `copyrightText`,
    /// CycloneDX `copyright`), as written, for NOTICE files.
    public static let copyrightProperty = "copyrightText"

    /// The copyright lines the inputs state for this component, if any.
    public var copyrightText: String? { properties[Self.copyrightProperty] }

    /// The license rules use: the concluded one when it says anything, else the declared one.
    public var effectiveLicense: LicenseStatement? {
        if let concludedLicense, !concludedLicense.isEmpty, !concludedLicense.isNoAssertion { return concludedLicense }
        return declaredLicense
    }
}

extension LicenseStatement {
    /// `NOASSERTION` says nothing, so a concluded license carrying it falls back to the declared one.
    public var isNoAssertion: Bool {
        parts.count == 1 && parts[0].raw.trimmingSpaces.uppercased() == "NOASSERTION"
    }
}
