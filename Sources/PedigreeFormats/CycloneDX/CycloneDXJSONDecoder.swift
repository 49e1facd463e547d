import PedigreeDiagnostics
import SafeJSON

/// Extracts the facts Pedigree needs from a CycloneDX JSON BOM and checks them against the schema.
///
/// The shape read (CycloneDX 1.2–1.7, `bom-1.x.schema.json`):
/// ```
/// bom          = { bomFormat: "CycloneDX", specVersion, serialNumber?, metadata?, components?, services?,
///                  dependencies?, properties? }
/// metadata     = { timestamp?, component?, supplier?, manufacturer?, authors?, licenses?, properties? }
/// component    = { type, name, bom-ref?, group?, version?, purl?, scope?, supplier?, hashes?, licenses?,
///                  pedigree?: { ancestors?, descendants?, variants?, patches? }, components?, evidence?,
///                  modelCard?: { modelParameters?: { datasets?: [ { ref } | componentData ] } }, data? }
/// service      = { name, bom-ref?, provider?, licenses?, data?: [ { flow, … } ], services? }
/// licenses     = [ { license: { id | name, url?, text?, acknowledgement? } } | { expression, acknowledgement? } ]
/// dependencies = [ { ref, dependsOn?: [ref], provides?: [ref] } ]
/// ```
/// Schema breaches become error diagnostics at the offending value and reading goes on; values of
/// the wrong JSON type are skipped with an error.
struct CycloneDXJSONDecoder {
    let path: String
    var diagnostics = DiagnosticCollector()
    /// The version whose rules apply; `1.6` until the document says otherwise.
    var version = "1.6"

    init(path: String) { self.path = path }

    mutating func decode(_ root: JSONValue) -> CycloneDXBOM {
        var bom = CycloneDXBOM()
        guard root.object != nil else {
            diagnostics.error(
                "cyclonedx.invalid-type", "expected a JSON object at the top of a CycloneDX BOM, found \(describe(root))",
                at: location(root))
            return bom
        }
        if let format = string(root, "bomFormat") {
            if format.value != "CycloneDX" {
                diagnostics.error(
                    "cyclonedx.invalid-bom-format", "'bomFormat' must be 'CycloneDX', found '\(format.value)'",
                    at: format.location)
            }
        } else if root["bomFormat"] == nil {
            diagnostics.error("cyclonedx.missing-field", "the BOM has no 'bomFormat'; expected 'CycloneDX'", at: location(root))
        }
        if let spec = string(root, "specVersion") {
            bom.specVersion = spec.value
            if CycloneDXSchemaRules.knownVersions.contains(spec.value) {
                version = spec.value
            } else {
                diagnostics.warning(
                    "cyclonedx.unknown-spec-version",
                    "unknown 'specVersion' '\(spec.value)'; expected 1.0 to 1.7, read as \(version)", at: spec.location)
            }
        } else if root["specVersion"] == nil {
            diagnostics.error("cyclonedx.missing-field", "the BOM has no 'specVersion'", at: location(root))
        }
        if let serial = string(root, "serialNumber"), !CycloneDXSchemaRules.isSerialNumber(serial.value) {
            diagnostics.error(
                "cyclonedx.invalid-serial-number",
                "'serialNumber' must be 'urn:uuid:' and a lowercase UUID, found '\(serial.value)'", at: serial.location)
        }
        if let metadata = object(root, "metadata") {
            if let timestamp = string(metadata, "timestamp"),
                !CycloneDXSchemaRules.isDateTime(timestamp.value, requireOffset: true)
            {
                diagnostics.error(
                    "cyclonedx.invalid-date-time",
                    "'timestamp' must be a date-time like '2024-05-01T10:00:00Z', found '\(timestamp.value)'",
                    at: timestamp.location)
            }
            if let component = metadata["component"] {
                bom.metadataComponent = self.component(component, isService: false)
            }
            checkOrganization(metadata["supplier"])
            checkOrganization(metadata["manufacturer"])
            checkOrganization(metadata["manufacture"])
            checkContacts(metadata["authors"])
            _ = licenses(metadata["licenses"])
            checkProperties(metadata["properties"])
        }
        for item in array(root, "components") {
            if let component = component(item, isService: false) { bom.components.append(component) }
        }
        for item in array(root, "services") {
            if let service = component(item, isService: true) { bom.services.append(service) }
        }
        for item in array(root, "dependencies") {
            if let dependency = dependency(item) { bom.dependencies.append(dependency) }
        }
        checkProperties(root["properties"])
        return bom
    }

    // MARK: Components and services

    private mutating func component(_ value: JSONValue, isService: Bool) -> CycloneDXComponent? {
        let what = isService ? "service" : "component"
        guard value.object != nil else {
            diagnostics.error("cyclonedx.invalid-type", "expected an object for a \(what), found \(describe(value))", at: location(value))
            return nil
        }
        var result = CycloneDXComponent(location: location(value))
        result.isService = isService
        if !isService {
            if let type = string(value, "type") {
                result.type = type.value
                if !CycloneDXSchemaRules.componentTypes.contains(type.value) {
                    diagnostics.error(
                        "cyclonedx.invalid-component-type",
                        "component 'type' '\(type.value)' is not a CycloneDX component type", at: type.location)
                }
            } else if value["type"] == nil {
                diagnostics.error("cyclonedx.missing-field", "component has no 'type'", at: location(value))
            }
        }
        if let ref = string(value, "bom-ref") {
            if ref.value.isEmpty {
                diagnostics.error("cyclonedx.empty-bom-ref", "'bom-ref' must not be empty", at: ref.location)
            } else {
                result.bomRef = ref.value
                result.bomRefLocation = ref.location
            }
        }
        if let name = string(value, "name") {
            result.name = name.value
        } else if value["name"] == nil {
            diagnostics.error("cyclonedx.missing-field", "\(what) has no 'name'", at: location(value))
        }
        result.group = string(value, "group")?.value
        result.version = string(value, "version")?.value
        result.purl = string(value, "purl")?.value
        result.copyright = string(value, "copyright")?.value
        if let scope = string(value, "scope") {
            result.scope = scope.value
            if !CycloneDXSchemaRules.scopes.contains(scope.value) {
                diagnostics.error(
                    "cyclonedx.invalid-scope", "'scope' must be required, optional or excluded, found '\(scope.value)'",
                    at: scope.location)
            }
        }
        let supplierKey = isService ? "provider" : "supplier"
        if let supplier = object(value, supplierKey) {
            result.supplier = string(supplier, "name")?.value
            checkOrganization(supplier)
        }
        if result.supplier == nil { result.supplier = string(value, "publisher")?.value }
        checkOrganization(value["manufacturer"])
        checkContacts(value["authors"])
        for hash in array(value, "hashes") {
            if let (algorithm, content) = self.hash(hash) { result.hashes[algorithm] = content }
        }
        result.licenses = licenses(value["licenses"])
        if let swid = object(value, "swid") {
            for key in ["tagId", "name"] where swid[key] == nil {
                diagnostics.error("cyclonedx.missing-field", "'swid' has no '\(key)'", at: location(swid))
            }
        }
        if let pedigree = object(value, "pedigree") {
            result.ancestors = components(pedigree, "ancestors")
            result.descendants = components(pedigree, "descendants")
            result.variants = components(pedigree, "variants")
            for patch in array(pedigree, "patches") { checkPatch(patch) }
        }
        var huggingFaceURL: String?
        for reference in array(value, "externalReferences") {
            guard let url = string(reference, "url") else { continue }
            if !CycloneDXSchemaRules.isIRIReference(url.value) {
                diagnostics.error(
                    "cyclonedx.invalid-url", "external reference 'url' '\(url.value)' is not an IRI reference",
                    at: url.location)
            } else if huggingFaceURL == nil, CycloneDXSchemaRules.isHuggingFaceURL(url.value) {
                huggingFaceURL = url.value
            }
        }
        result.properties = properties(value["properties"])
        if let huggingFaceURL, result.properties["huggingface.url"] == nil {
            result.properties["huggingface.url"] = huggingFaceURL
        }
        if isService {
            for flow in array(value, "data") { checkDataFlow(flow) }
            result.services = components(value, "services", isService: true)
        } else {
            result.components = components(value, "components")
        }
        if let evidence = object(value, "evidence") {
            result.evidenceLicenses = licenses(evidence["licenses"])
        }
        if let card = object(value, "modelCard"), let parameters = object(card, "modelParameters") {
            for dataset in array(parameters, "datasets") {
                if let ref = string(dataset, "ref") {
                    result.datasets.append(.reference(ref))
                } else if dataset["ref"] == nil, dataset.object != nil {
                    result.datasets.append(.inline(inlineDataset(dataset)))
                }
            }
        }
        if !isService {
            for data in array(value, "data") {
                if let ref = string(data, "bom-ref"), !ref.value.isEmpty { result.dataRefs.append(ref) }
            }
        }
        return result
    }

    private mutating func components(_ parent: JSONValue, _ key: String, isService: Bool = false) -> [CycloneDXComponent] {
        array(parent, key).compactMap { component($0, isService: isService) }
    }

    /// An inline `componentData` in a model card: a data set without a component of its own.
    private mutating func inlineDataset(_ value: JSONValue) -> CycloneDXComponent {
        var result = CycloneDXComponent(location: location(value))
        result.type = "data"
        result.name = string(value, "name")?.value ?? string(value, "type")?.value
        if let ref = string(value, "bom-ref"), !ref.value.isEmpty {
            result.bomRef = ref.value
            result.bomRefLocation = ref.location
        }
        if let governance = object(value, "governance") {
            for role in ["owners", "custodians", "stewards"] {
                for entry in array(governance, role) where result.supplier == nil {
                    result.supplier = entry["organization"].flatMap { string($0, "name")?.value }
                }
            }
        }
        return result
    }

    private mutating func hash(_ value: JSONValue) -> (String, String)? {
        guard let algorithm = string(value, "alg"), let content = string(value, "content") else {
            diagnostics.error("cyclonedx.missing-field", "a hash needs 'alg' and 'content'", at: location(value))
            return nil
        }
        var valid = true
        if !CycloneDXSchemaRules.hashAlgorithms.contains(algorithm.value) {
            diagnostics.error(
                "cyclonedx.invalid-hash-algorithm", "hash 'alg' '\(algorithm.value)' is not a CycloneDX hash algorithm",
                at: algorithm.location)
            valid = false
        }
        if !CycloneDXSchemaRules.isHashContent(content.value) {
            diagnostics.error(
                "cyclonedx.invalid-hash-content",
                "hash 'content' must be 32 to 128 hexadecimal digits, found '\(content.value)'", at: content.location)
            valid = false
        }
        return valid ? (algorithm.value, content.value.lowercased()) : nil
    }

    private mutating func checkPatch(_ patch: JSONValue) {
        if let type = string(patch, "type"), !CycloneDXSchemaRules.patchTypes.contains(type.value) {
            diagnostics.error(
                "cyclonedx.invalid-patch-type",
                "patch 'type' must be unofficial, monkey, backport or cherry-pick, found '\(type.value)'",
                at: type.location)
        }
        for issue in array(patch, "resolves") {
            if let type = string(issue, "type"), !CycloneDXSchemaRules.issueTypes.contains(type.value) {
                diagnostics.error(
                    "cyclonedx.invalid-issue-type",
                    "issue 'type' must be defect, enhancement or security, found '\(type.value)'", at: type.location)
            }
        }
    }

    private mutating func checkDataFlow(_ value: JSONValue) {
        if let flow = string(value, "flow"), !CycloneDXSchemaRules.dataFlows.contains(flow.value) {
            diagnostics.error(
                "cyclonedx.invalid-data-flow",
                "data 'flow' must be inbound, outbound, bi-directional or unknown, found '\(flow.value)'",
                at: flow.location)
        }
    }

    // MARK: Licenses

    private mutating func licenses(_ value: JSONValue?) -> [CycloneDXLicense] {
        guard let value else { return [] }
        guard let entries = value.array else {
            diagnostics.error("cyclonedx.invalid-type", "expected an array for 'licenses', found \(describe(value))", at: location(value))
            return []
        }
        var result: [CycloneDXLicense] = []
        var licenseCount = 0
        var expressionCount = 0
        for entry in entries {
            guard entry.object != nil else {
                diagnostics.error(
                    "cyclonedx.invalid-type", "expected an object in 'licenses', found \(describe(entry))", at: location(entry))
                continue
            }
            let license = entry["license"]
            let expression = entry["expression"]
            if license != nil, expression != nil {
                diagnostics.error(
                    "cyclonedx.invalid-license-choice",
                    "a 'licenses' entry has both 'license' and 'expression'; expected one of them", at: location(entry))
            }
            if let expression {
                expressionCount += 1
                if let text = expression.string {
                    let acknowledgement = self.acknowledgement(entry)
                    result.append(
                        CycloneDXLicense(
                            content: .expression(CycloneDXText(value: text, location: location(expression))),
                            acknowledgement: acknowledgement, location: location(entry)))
                } else {
                    typeError(expression, "expression", expected: "a string")
                }
            } else if let license {
                licenseCount += 1
                if let parsed = self.license(license) { result.append(parsed) }
            } else {
                diagnostics.error(
                    "cyclonedx.invalid-license-choice", "a 'licenses' entry has neither 'license' nor 'expression'",
                    at: location(entry))
            }
        }
        if CycloneDXSchemaRules.forbidsLicenseMix(version), expressionCount > 1 || (expressionCount > 0 && licenseCount > 0)
        {
            diagnostics.error(
                "cyclonedx.invalid-license-choice",
                "CycloneDX \(version) allows either license objects or one expression in 'licenses', found "
                    + "\(licenseCount) license objects and \(expressionCount) expressions (mixing is allowed from 1.7)",
                at: location(value))
        }
        return result
    }

    private mutating func license(_ value: JSONValue) -> CycloneDXLicense? {
        guard let members = value.object else {
            typeError(value, "license", expected: "an object")
            return nil
        }
        for key in members.keys where !CycloneDXSchemaRules.licenseKeys.contains(key) {
            diagnostics.error(
                "cyclonedx.unknown-license-field",
                "a license object may not carry '\(key)'; expected id or name, and url, text, acknowledgement",
                at: location(members[key] ?? value))
        }
        let text = object(value, "text")
        let entry = CycloneDXLicenseEntry(
            id: string(value, "id"), name: string(value, "name"), url: string(value, "url"),
            text: text.flatMap { string($0, "content") }, encoding: text.flatMap { string($0, "encoding") },
            location: location(value))
        var license = entry.checked(diagnostics: &diagnostics)
        checkProperties(value["properties"])
        license.acknowledgement = acknowledgement(value)
        return license
    }

    private mutating func acknowledgement(_ value: JSONValue) -> String? {
        guard let acknowledgement = string(value, "acknowledgement") else { return nil }
        if !CycloneDXSchemaRules.acknowledgements.contains(acknowledgement.value) {
            diagnostics.error(
                "cyclonedx.invalid-acknowledgement",
                "'acknowledgement' must be declared or concluded, found '\(acknowledgement.value)'",
                at: acknowledgement.location)
            return nil
        }
        return acknowledgement.value
    }

    private mutating func checkLicenseID(_ id: CycloneDXText) {
        CycloneDXSchemaRules.checkLicenseID(id, diagnostics: &diagnostics)
    }

    // MARK: Dependencies

    private mutating func dependency(_ value: JSONValue) -> CycloneDXDependency? {
        guard value.object != nil else {
            typeError(value, "dependencies", expected: "an object")
            return nil
        }
        guard let ref = string(value, "ref") else {
            if value["ref"] == nil {
                diagnostics.error("cyclonedx.missing-field", "dependency has no 'ref'", at: location(value))
            }
            return nil
        }
        guard !ref.value.isEmpty else {
            diagnostics.error("cyclonedx.empty-bom-ref", "dependency 'ref' must not be empty", at: ref.location)
            return nil
        }
        var result = CycloneDXDependency(ref: ref)
        result.dependsOn = references(value, "dependsOn")
        result.provides = references(value, "provides")
        return result
    }

    private mutating func references(_ value: JSONValue, _ key: String) -> [CycloneDXReference] {
        var result: [CycloneDXReference] = []
        for item in array(value, key) {
            guard let text = item.string else {
                typeError(item, key, expected: "a string")
                continue
            }
            if text.isEmpty {
                diagnostics.error("cyclonedx.empty-bom-ref", "a reference in '\(key)' must not be empty", at: location(item))
                continue
            }
            result.append(CycloneDXText(value: text, location: location(item)))
        }
        return result
    }

    // MARK: Properties, contacts

    /// Checks `properties` (each needs a `name`, nothing but `name` and `value`) and returns name → value.
    private mutating func properties(_ value: JSONValue?) -> [String: String] {
        guard let value else { return [:] }
        var result: [String: String] = [:]
        guard let items = value.array else {
            typeError(value, "properties", expected: "an array")
            return [:]
        }
        for item in items {
            guard let members = item.object else {
                typeError(item, "properties", expected: "an object")
                continue
            }
            for key in members.keys where !CycloneDXSchemaRules.propertyKeys.contains(key) {
                diagnostics.error(
                    "cyclonedx.unknown-property-field", "a property may carry only 'name' and 'value', found '\(key)'",
                    at: location(members[key] ?? item))
            }
            guard let name = string(item, "name") else {
                if item["name"] == nil {
                    diagnostics.error("cyclonedx.missing-field", "property has no 'name'", at: location(item))
                }
                continue
            }
            if result[name.value] == nil { result[name.value] = string(item, "value")?.value ?? "" }
        }
        return result
    }

    private mutating func checkProperties(_ value: JSONValue?) { _ = properties(value) }

    private mutating func checkOrganization(_ value: JSONValue?) {
        guard let value, value.object != nil else { return }
        checkContacts(value["contact"])
    }

    private mutating func checkContacts(_ value: JSONValue?) {
        guard let value, let contacts = value.array else { return }
        for contact in contacts {
            if let email = string(contact, "email"), !CycloneDXSchemaRules.isEmail(email.value) {
                diagnostics.error(
                    "cyclonedx.invalid-email", "'email' is not an e-mail address: '\(email.value)'", at: email.location)
            }
        }
    }

    // MARK: Typed access

    private func location(_ value: JSONValue) -> SourceLocation { value.location(in: path) }

    private mutating func string(_ value: JSONValue, _ key: String) -> CycloneDXText? {
        guard let member = value[key] else { return nil }
        guard let text = member.string else {
            typeError(member, key, expected: "a string")
            return nil
        }
        return CycloneDXText(value: text, location: location(member))
    }

    private mutating func object(_ value: JSONValue, _ key: String) -> JSONValue? {
        guard let member = value[key] else { return nil }
        guard member.object != nil else {
            typeError(member, key, expected: "an object")
            return nil
        }
        return member
    }

    private mutating func array(_ value: JSONValue, _ key: String) -> [JSONValue] {
        guard let member = value[key] else { return [] }
        guard let items = member.array else {
            typeError(member, key, expected: "an array")
            return []
        }
        return items
    }

    private mutating func typeError(_ value: JSONValue, _ key: String, expected: String) {
        diagnostics.error(
            "cyclonedx.invalid-type", "expected \(expected) for '\(key)', found \(describe(value))", at: location(value))
    }

    private func describe(_ value: JSONValue) -> String {
        switch value.kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number(let raw): "the number \(raw)"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
