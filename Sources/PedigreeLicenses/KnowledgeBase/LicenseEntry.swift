/// One license of the knowledge base (from its `licenses` or `modelLicenses` section): its terms plus the
/// names it goes by.
public struct LicenseEntry: Sendable, Hashable {
    public var terms: LicenseTerms
    /// Other spellings that mean exactly this license: Hugging Face ids, `license_name` values, titles,
    /// URLs. An alias shared by several entries names a family and reads as ambiguous.
    public var aliases: [String]
    public var category: LicenseCategory
    public var notes: String?

    public var id: String { terms.id }
    public var name: String { terms.name }

    public init(terms: LicenseTerms, aliases: [String] = [], category: LicenseCategory, notes: String? = nil) {
        self.terms = terms
        self.aliases = aliases
        self.category = category
        self.notes = notes
    }
}

extension LicenseEntry: Decodable {
    static let keys: Set<String> = [
        "id", "name", "aliases", "category", "copyleft", "commercial", "thresholds", "derivativesAllowed",
        "derivativeIncludesOutputs", "outputUse", "useRestrictionsFlowDown", "hostingIsDistribution",
        "hostedServiceForbidden", "attribution", "territory", "gplCompatibility", "sources", "notes",
    ]

    /// Decodes strictly: unknown keys and unknown enum values fail; optional keys take the defaults the
    /// schema documents (`[]`, `false`, `derivativesAllowed: true`, an empty attribution).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let id: String = try container.required("id")
        try container.rejectUnknownKeys(Self.keys, in: "license entry '\(id)'")
        let attribution: LicenseTerms.Attribution
        if container.contains(AnyCodingKey("attribution")),
            try !container.decodeNil(forKey: AnyCodingKey("attribution"))
        {
            attribution = try container.required("attribution", as: StrictAttribution.self).value
        } else {
            attribution = LicenseTerms.Attribution()
        }
        terms = LicenseTerms(
            id: id,
            name: try container.required("name"),
            copyleft: try container.required("copyleft"),
            commercial: try container.required("commercial"),
            thresholds: try container.optional("thresholds", default: [StrictThreshold]()).map(\.value),
            derivativesAllowed: try container.optional("derivativesAllowed", default: true),
            derivativeIncludesOutputs: try container.optional("derivativeIncludesOutputs", default: false),
            outputUse: Set(try container.optional("outputUse", default: [LicenseTerms.OutputUse]())),
            useRestrictionsFlowDown: try container.optional("useRestrictionsFlowDown", default: false),
            hostingIsDistribution: try container.optional("hostingIsDistribution", default: false),
            hostedServiceForbidden: try container.optional("hostedServiceForbidden", default: false),
            attribution: attribution,
            territory: try container.optional("territory", default: [StrictTerritory]()).map(\.value),
            gplCompatibility: try container.optional("gplCompatibility", default: []),
            sources: try container.required("sources"))
        aliases = try container.optional("aliases", default: [])
        category = try container.required("category")
        notes = try container.optional("notes")
    }
}

private struct StrictAttribution: Decodable {
    var value: LicenseTerms.Attribution

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        try container.rejectUnknownKeys(
            ["notice", "display", "namePrefix", "licenseCopy", "noticeFile", "displayOwedBy"], in: "attribution")
        value = LicenseTerms.Attribution(
            notice: try container.optional("notice"), display: try container.optional("display"),
            namePrefix: try container.optional("namePrefix"),
            licenseCopy: try container.optional("licenseCopy", default: false),
            noticeFile: try container.optional("noticeFile", default: false),
            displayOwedBy: try container.optional("displayOwedBy", default: .everyRelease))
    }
}

private struct StrictThreshold: Decodable {
    var value: LicenseTerms.Threshold

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        try container.rejectUnknownKeys(["metric", "limit", "measuredAt"], in: "threshold")
        value = LicenseTerms.Threshold(
            metric: try container.required("metric"), limit: try container.required("limit"),
            measuredAt: try container.optional("measuredAt"))
    }
}

private struct StrictTerritory: Decodable {
    var value: LicenseTerms.Territory

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        try container.rejectUnknownKeys(["regions", "scope", "appliesTo"], in: "territory")
        value = LicenseTerms.Territory(
            regions: try container.required("regions"), scope: try container.required("scope"),
            appliesTo: try container.optional("appliesTo", default: .allModels))
    }
}
