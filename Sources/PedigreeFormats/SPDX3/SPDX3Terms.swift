import SafeJSON

/// The SPDX 3.0.1 JSON-LD terms this reader reads, in the compact spelling of the 3.0.1 context
/// (`spdx-context.jsonld`) and in the unprefixed spelling real generators also write.
///
/// The context names Core terms without a prefix (`Relationship`, `name`, `suppliedBy`) and every
/// other profile's terms with one (`ai_AIPackage`, `software_packageVersion`). Generators in the wild
/// write `AIPackage`, `DatasetPackage`, `packageVersion` instead, which a strict JSON-LD processor would
/// not expand to the SPDX IRIs. No unprefixed profile term read here collides with a Core term (the
/// context's one collision, `security_locator`, is outside the profiles read), so such a spelling can
/// only mean the profile's term and is read as it.
///
/// Decisions: the vocabulary below is the profiles' classes and properties as the 3.0.1 context
/// lists them, for the profiles whose elements become components or licenses (Software, AI,
/// Dataset, Build, SimpleLicensing, ExpandedLicensing); Security and Extension terms are not read.
enum SPDX3Terms {
    /// The prefix of each profile read, with its classes and properties.
    private static let profiles: [(prefix: String, classes: [String], properties: [String])] = [
        (
            "software", ["ContentIdentifier", "File", "Package", "Sbom", "Snippet", "SoftwareArtifact"],
            [
                "additionalPurpose", "attributionText", "byteRange", "contentIdentifier", "contentIdentifierType",
                "contentIdentifierValue", "copyrightText", "downloadLocation", "fileKind", "homePage", "lineRange",
                "packageUrl", "packageVersion", "primaryPurpose", "sbomType", "snippetFromFile", "sourceInfo",
            ]
        ),
        (
            "ai", ["AIPackage", "EnergyConsumption", "EnergyConsumptionDescription"],
            [
                "autonomyType", "domain", "energyConsumption", "energyQuantity", "energyUnit", "finetuningEnergyConsumption",
                "hyperparameter", "inferenceEnergyConsumption", "informationAboutApplication", "informationAboutTraining",
                "limitation", "metric", "metricDecisionThreshold", "modelDataPreprocessing", "modelExplainability",
                "safetyRiskAssessment", "standardCompliance", "trainingEnergyConsumption", "typeOfModel",
                "useSensitivePersonalInformation",
            ]
        ),
        (
            "dataset", ["DatasetPackage"],
            [
                "anonymizationMethodUsed", "confidentialityLevel", "dataCollectionProcess", "dataPreprocessing",
                "datasetAvailability", "datasetNoise", "datasetSize", "datasetType", "datasetUpdateMechanism",
                "hasSensitivePersonalInformation", "intendedUse", "knownBias", "sensor",
            ]
        ),
        (
            "build", ["Build"],
            [
                "buildEndTime", "buildId", "buildStartTime", "buildType", "configSourceDigest", "configSourceEntrypoint",
                "configSourceUri", "environment", "parameter",
            ]
        ),
        (
            "simplelicensing", ["AnyLicenseInfo", "LicenseExpression", "SimpleLicensingText"],
            ["customIdToUri", "licenseExpression", "licenseListVersion", "licenseText"]
        ),
        (
            "expandedlicensing",
            [
                "ConjunctiveLicenseSet", "CustomLicense", "CustomLicenseAddition", "DisjunctiveLicenseSet",
                "ExtendableLicense", "IndividualLicensingInfo", "License", "LicenseAddition", "ListedLicense",
                "ListedLicenseException", "NoAssertionLicense", "NoneLicense", "OrLaterOperator", "WithAdditionOperator",
            ],
            [
                "additionText", "deprecatedVersion", "isDeprecatedAdditionId", "isDeprecatedLicenseId", "isFsfLibre",
                "isOsiApproved", "licenseXml", "listVersionAdded", "member", "obsoletedBy", "seeAlso",
                "standardAdditionTemplate", "standardLicenseHeader", "standardLicenseTemplate", "subjectAddition",
                "subjectExtendableLicense", "subjectLicense",
            ]
        ),
    ]

    /// Unprefixed class name → its compact term (`AIPackage` → `ai_AIPackage`).
    private static let classTerms: [String: String] = table(\.classes)
    /// Unprefixed property name → its compact term (`packageVersion` → `software_packageVersion`).
    private static let propertyTerms: [String: String] = table(\.properties)

    private static func table(
        _ names: KeyPath<(prefix: String, classes: [String], properties: [String]), [String]>
    ) -> [String: String] {
        var result: [String: String] = [:]
        for profile in profiles {
            for name in profile[keyPath: names] { result[name] = profile.prefix + "_" + name }
        }
        return result
    }

    /// The compact term of a class name: a profile class written without its prefix gets it; Core
    /// classes and names already prefixed stay as they are.
    static func classTerm(_ name: String) -> String { classTerms[name] ?? name }

    /// Whether an object uses an unprefixed profile term, as a key or as its `type`.
    static func needsCanonicalTerms(_ value: JSONValue) -> Bool {
        guard let object = value.object else { return false }
        if let type = (value["type"] ?? value["@type"])?.string, classTerms[type] != nil { return true }
        return object.keys.contains { propertyTerms[$0] != nil }
    }

    /// The object with unprefixed profile keys renamed to their compact terms and an unprefixed
    /// class in `type` written as its term; nested objects are left as they are (each element is
    /// made canonical on its own). A key whose compact spelling is also present keeps both: the
    /// compact one is what the reader reads.
    static func canonical(_ value: JSONValue) -> JSONValue {
        guard needsCanonicalTerms(value), let object = value.object else { return value }
        let present = Set(object.keys)
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(object.count)
        for member in object.members {
            var key = member.key
            var item = member.value
            if let term = propertyTerms[key], !present.contains(term) { key = term }
            if key == "type" || key == "@type", let type = item.string, let term = classTerms[type] {
                item = JSONValue(.string(term), line: item.line, column: item.column)
            }
            members.append((key, item))
        }
        return JSONValue(.object(JSONObject(members)), line: value.line, column: value.column)
    }
}
