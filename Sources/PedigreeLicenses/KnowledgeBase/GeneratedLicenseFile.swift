/// The generated data file (`Data/licenses-generated.json`, written by `Scripts/generate-license-data.py`):
/// terms for every license of the SPDX list and of ScanCode LicenseDB that the curated file does not cover.
///
/// Each license names the rule that decided it; the rule carries the properties, the reason and the
/// sources, so a decision is written once and every license it covers can be traced to it. Groups name
/// the copyleft licenses that may absorb a license (`gplCompatibility`); an entry of either file may
/// refer to one as `@name`, expanded when the knowledge base is built.
///
/// Decisions: decoded strictly like the curated file (unknown keys fail), because a typo in a rule would
/// silently change thousands of licenses.
struct GeneratedLicenseFile: Decodable {
    static let supportedSchemaVersion = 1

    struct Rule: Decodable {
        var category: LicenseCategory
        var copyleft: LicenseTerms.Copyleft
        var commercial: LicenseTerms.Commercial
        var derivativesAllowed: Bool
        var useRestrictionsFlowDown: Bool
        var hostedServiceForbidden: Bool
        var reason: String
        var sources: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyCodingKey.self)
            try container.rejectUnknownKeys(
                ["category", "copyleft", "commercial", "derivativesAllowed", "useRestrictionsFlowDown",
                 "hostedServiceForbidden", "reason", "sources"], in: "generated rule")
            category = try container.required("category")
            copyleft = try container.required("copyleft")
            commercial = try container.required("commercial")
            derivativesAllowed = try container.optional("derivativesAllowed", default: true)
            useRestrictionsFlowDown = try container.optional("useRestrictionsFlowDown", default: false)
            hostedServiceForbidden = try container.optional("hostedServiceForbidden", default: false)
            reason = try container.required("reason")
            sources = try container.required("sources")
        }
    }

    struct Group: Decodable {
        var reason: String
        var members: [String]
    }

    struct License: Decodable {
        var id: String
        var name: String
        var scancode: String?
        var rule: String
        var absorbedBy: String?
        var aliases: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyCodingKey.self)
            id = try container.required("id")
            try container.rejectUnknownKeys(["id", "name", "scancode", "rule", "absorbedBy", "aliases"], in: "generated license '\(id)'")
            name = try container.required("name")
            scancode = try container.optional("scancode")
            rule = try container.required("rule")
            absorbedBy = try container.optional("absorbedBy")
            aliases = try container.optional("aliases", default: [])
        }
    }

    var spdxLicenseListVersion: String
    var groups: [String: Group]
    var rules: [String: Rule]
    /// Other names of licenses (ScanCode's `LicenseRef-scancode-…` of an SPDX id, deprecated keys) -> id.
    var aliases: [String: String]
    var licenses: [License]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        try container.rejectUnknownKeys(
            ["schemaVersion", "spdxLicenseListVersion", "groups", "rules", "aliases", "licenses"],
            in: "the generated license data", commentPrefix: "_")
        let version: Int = try container.required("schemaVersion")
        guard version == Self.supportedSchemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: AnyCodingKey("schemaVersion"), in: container,
                debugDescription: "schema version \(version) is not supported; expected \(Self.supportedSchemaVersion)")
        }
        spdxLicenseListVersion = try container.required("spdxLicenseListVersion")
        groups = try container.required("groups")
        rules = try container.required("rules")
        aliases = try container.required("aliases")
        licenses = try container.required("licenses")
    }

    /// The licenses as knowledge-base entries, each rule's properties, reason and sources applied.
    ///
    /// - Throws: `KnowledgeBaseError` when a license names a rule or group the file does not define.
    func entries() throws(KnowledgeBaseError) -> [LicenseEntry] {
        var result: [LicenseEntry] = []
        result.reserveCapacity(licenses.count)
        for license in licenses {
            guard let rule = rules[license.rule] else {
                throw KnowledgeBaseError("generated license '\(license.id)' names rule '\(license.rule)', which the file does not define")
            }
            var compatibility: [String] = []
            if let group = license.absorbedBy {
                guard groups[group] != nil else {
                    throw KnowledgeBaseError("generated license '\(license.id)' names group '\(group)', which the file does not define")
                }
                compatibility = ["@" + group]
            }
            var sources = rule.sources
            if let key = license.scancode { sources.append("https://scancode-licensedb.aboutcode.org/\(key).html") }
            let terms = LicenseTerms(
                id: license.id, name: license.name, copyleft: rule.copyleft, commercial: rule.commercial,
                derivativesAllowed: rule.derivativesAllowed, useRestrictionsFlowDown: rule.useRestrictionsFlowDown,
                hostedServiceForbidden: rule.hostedServiceForbidden, gplCompatibility: compatibility, sources: sources)
            result.append(LicenseEntry(
                terms: terms, aliases: license.aliases, category: rule.category,
                notes: "Decided by rule '\(license.rule)': \(rule.reason)"))
        }
        return result
    }
}
