import PedigreeDiagnostics
import SafeXML

/// Extracts the facts Pedigree needs from a CycloneDX XML BOM and checks them against the schema.
///
/// The shape read (CycloneDX 1.2–1.7, `bom-1.x.xsd`, namespace `http://cyclonedx.org/schema/bom/1.x`):
/// ```
/// bom        = <bom serialNumber? version?> metadata? components? services? dependencies? </bom>
/// metadata   = <metadata> timestamp? component? supplier? authors? licenses? properties? </metadata>
/// component  = <component type bom-ref?> supplier? publisher? group? name version? scope? hashes?
///              licenses? purl? swid? pedigree? externalReferences? properties? components? evidence?
///              modelCard? data? </component>
/// licenses   = <licenses> ( <license acknowledgement?> (id | name) url? text? </license>* | <expression/> ) </licenses>
///              (1.7: any mix of license, expression and <expression-detailed expression="…"/>)
/// dependency = <dependency ref> ( <dependency ref/> | <provides ref/> )* </dependency>
/// ```
/// Extension elements from other namespaces are ignored. Schema breaches become error diagnostics
/// at the offending element and reading goes on.
struct CycloneDXXMLDecoder {
    let path: String
    var diagnostics = DiagnosticCollector()
    var version = "1.6"
    private var namespace = ""

    init(path: String) { self.path = path }

    mutating func decode(_ root: XMLElement) -> CycloneDXBOM {
        var bom = CycloneDXBOM()
        namespace = root.namespace ?? ""
        guard root.name == "bom" else {
            diagnostics.error(
                "cyclonedx.invalid-root", "expected the root element 'bom', found '\(root.name)'", at: root.location)
            return bom
        }
        if let stated = CycloneDXSchemaRules.version(fromNamespace: namespace),
            CycloneDXSchemaRules.knownVersions.contains(stated)
        {
            version = stated
            bom.specVersion = stated
        } else {
            let found = root.namespace.map { "'\($0)'" } ?? "no namespace"
            diagnostics.error(
                "cyclonedx.unknown-namespace",
                "expected the namespace 'http://cyclonedx.org/schema/bom/1.x' with x from 0 to 7, found \(found)",
                at: root.location)
        }
        if let serial = root.attribute("serialNumber"), !CycloneDXSchemaRules.isSerialNumber(serial) {
            diagnostics.error(
                "cyclonedx.invalid-serial-number",
                "'serialNumber' must be 'urn:uuid:' and a lowercase UUID, found '\(serial)'", at: root.location)
        }
        if let metadata = child(root, "metadata") {
            if let timestamp = child(metadata, "timestamp"),
                !CycloneDXSchemaRules.isDateTime(timestamp.trimmedText, requireOffset: false)
            {
                diagnostics.error(
                    "cyclonedx.invalid-date-time",
                    "'timestamp' must be a date-time like '2024-05-01T10:00:00Z', found '\(timestamp.trimmedText)'",
                    at: timestamp.location)
            }
            if let component = child(metadata, "component") {
                bom.metadataComponent = self.component(component, isService: false)
            }
            for key in ["supplier", "manufacturer", "manufacture"] {
                if let organization = child(metadata, key) { checkContacts(children(organization, "contact")) }
            }
            if let authors = child(metadata, "authors") { checkContacts(children(authors, "author")) }
            _ = licenses(child(metadata, "licenses"))
            _ = properties(child(metadata, "properties"))
        }
        if let components = child(root, "components") {
            bom.components = children(components, "component").map { component($0, isService: false) }
        }
        if let services = child(root, "services") {
            bom.services = children(services, "service").map { component($0, isService: true) }
        }
        if let dependencies = child(root, "dependencies") {
            for element in children(dependencies, "dependency") {
                if let dependency = dependency(element) { bom.dependencies.append(dependency) }
            }
        }
        _ = properties(child(root, "properties"))
        return bom
    }

    // MARK: Components and services

    private mutating func component(_ element: XMLElement, isService: Bool) -> CycloneDXComponent {
        let what = isService ? "service" : "component"
        var result = CycloneDXComponent(location: element.location)
        result.isService = isService
        if !isService {
            if let type = element.attribute("type") {
                result.type = type
                if !CycloneDXSchemaRules.componentTypes.contains(type) {
                    diagnostics.error(
                        "cyclonedx.invalid-component-type", "component 'type' '\(type)' is not a CycloneDX component type",
                        at: element.location)
                }
            } else {
                diagnostics.error("cyclonedx.missing-field", "component has no 'type' attribute", at: element.location)
            }
        }
        if let ref = element.attribute("bom-ref") {
            if ref.isEmpty {
                diagnostics.error("cyclonedx.empty-bom-ref", "'bom-ref' must not be empty", at: element.location)
            } else {
                result.bomRef = ref
                result.bomRefLocation = element.location
            }
        }
        if let name = child(element, "name") {
            result.name = name.trimmedText
        } else {
            diagnostics.error("cyclonedx.missing-field", "\(what) has no 'name'", at: element.location)
        }
        result.group = text(element, "group")
        result.version = text(element, "version")
        result.copyright = text(element, "copyright")
        result.purl = text(element, "purl")
        if let scope = child(element, "scope") {
            result.scope = scope.trimmedText
            if !CycloneDXSchemaRules.scopes.contains(scope.trimmedText) {
                diagnostics.error(
                    "cyclonedx.invalid-scope",
                    "'scope' must be required, optional or excluded, found '\(scope.trimmedText)'", at: scope.location)
            }
        }
        if let supplier = child(element, isService ? "provider" : "supplier") {
            result.supplier = text(supplier, "name")
            checkContacts(children(supplier, "contact"))
        }
        if result.supplier == nil { result.supplier = text(element, "publisher") }
        if let manufacturer = child(element, "manufacturer") { checkContacts(children(manufacturer, "contact")) }
        if let authors = child(element, "authors") { checkContacts(children(authors, "author")) }
        if let hashes = child(element, "hashes") {
            for hash in children(hashes, "hash") {
                if let (algorithm, content) = self.hash(hash) { result.hashes[algorithm] = content }
            }
        }
        result.licenses = licenses(child(element, "licenses"))
        if let swid = child(element, "swid") {
            for key in ["tagId", "name"] where swid.attribute(key) == nil {
                diagnostics.error("cyclonedx.missing-field", "'swid' has no '\(key)' attribute", at: swid.location)
            }
        }
        if let pedigree = child(element, "pedigree") {
            result.ancestors = nestedComponents(pedigree, "ancestors")
            result.descendants = nestedComponents(pedigree, "descendants")
            result.variants = nestedComponents(pedigree, "variants")
            if let patches = child(pedigree, "patches") {
                for patch in children(patches, "patch") { checkPatch(patch) }
            }
        }
        var huggingFaceURL: String?
        if let references = child(element, "externalReferences") {
            for reference in children(references, "reference") {
                guard let url = child(reference, "url") else { continue }
                if !CycloneDXSchemaRules.isIRIReference(url.trimmedText) {
                    diagnostics.error(
                        "cyclonedx.invalid-url", "external reference 'url' '\(url.trimmedText)' is not an IRI reference",
                        at: url.location)
                } else if huggingFaceURL == nil, CycloneDXSchemaRules.isHuggingFaceURL(url.trimmedText) {
                    huggingFaceURL = url.trimmedText
                }
            }
        }
        result.properties = properties(child(element, "properties"))
        if let huggingFaceURL, result.properties["huggingface.url"] == nil {
            result.properties["huggingface.url"] = huggingFaceURL
        }
        if isService {
            if let data = child(element, "data") { checkDataFlows(data) }
            if let services = child(element, "services") {
                result.services = children(services, "service").map { component($0, isService: true) }
            }
        } else {
            result.components = nestedComponents(element, "components")
        }
        if let evidence = child(element, "evidence") {
            result.evidenceLicenses = licenses(child(evidence, "licenses"))
        }
        if let card = child(element, "modelCard"), let parameters = child(card, "modelParameters"),
            let datasets = child(parameters, "datasets")
        {
            for entry in datasets.children where entry.namespace == namespace {
                switch entry.name {
                case "ref":
                    let ref = entry.trimmedText
                    if ref.isEmpty {
                        diagnostics.error("cyclonedx.empty-bom-ref", "dataset 'ref' must not be empty", at: entry.location)
                    } else {
                        result.datasets.append(.reference(CycloneDXText(value: ref, location: entry.location)))
                    }
                case "dataset":
                    result.datasets.append(.inline(inlineDataset(entry)))
                default: break
                }
            }
        }
        if !isService {
            for data in children(element, "data") {
                if let ref = data.attribute("bom-ref"), !ref.isEmpty {
                    result.dataRefs.append(CycloneDXText(value: ref, location: data.location))
                }
            }
        }
        return result
    }

    private mutating func nestedComponents(_ parent: XMLElement, _ name: String) -> [CycloneDXComponent] {
        guard let list = child(parent, name) else { return [] }
        return children(list, "component").map { component($0, isService: false) }
    }

    private func inlineDataset(_ element: XMLElement) -> CycloneDXComponent {
        var result = CycloneDXComponent(location: element.location)
        result.type = "data"
        result.name = text(element, "name") ?? text(element, "type")
        if let ref = element.attribute("bom-ref"), !ref.isEmpty {
            result.bomRef = ref
            result.bomRefLocation = element.location
        }
        return result
    }

    private mutating func hash(_ element: XMLElement) -> (String, String)? {
        guard let algorithm = element.attribute("alg") else {
            diagnostics.error("cyclonedx.missing-field", "a hash needs an 'alg' attribute", at: element.location)
            return nil
        }
        let content = element.trimmedText
        var valid = true
        if !CycloneDXSchemaRules.hashAlgorithms.contains(algorithm) {
            diagnostics.error(
                "cyclonedx.invalid-hash-algorithm", "hash 'alg' '\(algorithm)' is not a CycloneDX hash algorithm",
                at: element.location)
            valid = false
        }
        if !CycloneDXSchemaRules.isHashContent(content) {
            diagnostics.error(
                "cyclonedx.invalid-hash-content", "hash content must be 32 to 128 hexadecimal digits, found '\(content)'",
                at: element.location)
            valid = false
        }
        return valid ? (algorithm, content.lowercased()) : nil
    }

    private mutating func checkPatch(_ patch: XMLElement) {
        if let type = patch.attribute("type"), !CycloneDXSchemaRules.patchTypes.contains(type) {
            diagnostics.error(
                "cyclonedx.invalid-patch-type",
                "patch 'type' must be unofficial, monkey, backport or cherry-pick, found '\(type)'", at: patch.location)
        }
        if let resolves = child(patch, "resolves") {
            for issue in children(resolves, "issue") {
                if let type = issue.attribute("type"), !CycloneDXSchemaRules.issueTypes.contains(type) {
                    diagnostics.error(
                        "cyclonedx.invalid-issue-type",
                        "issue 'type' must be defect, enhancement or security, found '\(type)'", at: issue.location)
                }
            }
        }
    }

    private mutating func checkDataFlows(_ data: XMLElement) {
        for entry in data.children {
            if let flow = entry.attribute("flow"), !CycloneDXSchemaRules.dataFlows.contains(flow) {
                diagnostics.error(
                    "cyclonedx.invalid-data-flow",
                    "data 'flow' must be inbound, outbound, bi-directional or unknown, found '\(flow)'",
                    at: entry.location)
            }
            if entry.name == "dataflow" { checkDataFlows(entry) }
        }
    }

    // MARK: Licenses

    private mutating func licenses(_ element: XMLElement?) -> [CycloneDXLicense] {
        guard let element else { return [] }
        var result: [CycloneDXLicense] = []
        var licenseCount = 0
        var expressionCount = 0
        for entry in element.children where entry.namespace == namespace {
            switch entry.name {
            case "license":
                licenseCount += 1
                if let license = license(entry) { result.append(license) }
            case "expression":
                expressionCount += 1
                result.append(
                    CycloneDXLicense(
                        content: .expression(CycloneDXText(value: entry.trimmedText, location: entry.location)),
                        acknowledgement: acknowledgement(entry), location: entry.location))
            case "expression-detailed" where CycloneDXSchemaRules.allowsLicenseMix(version):
                // 1.7: the expression is an attribute, the children detail its licenses.
                expressionCount += 1
                guard let expression = entry.attribute("expression") else {
                    diagnostics.error(
                        "cyclonedx.missing-field", "'expression-detailed' has no 'expression' attribute", at: entry.location)
                    continue
                }
                result.append(
                    CycloneDXLicense(
                        content: .expression(CycloneDXText(value: expression, location: entry.location)),
                        acknowledgement: acknowledgement(entry), location: entry.location))
            default:
                diagnostics.error(
                    "cyclonedx.unexpected-element", "'licenses' may hold 'license' or 'expression', found '\(entry.name)'",
                    at: entry.location)
            }
        }
        if !CycloneDXSchemaRules.allowsLicenseMix(version), expressionCount > 1 || (expressionCount > 0 && licenseCount > 0) {
            diagnostics.error(
                "cyclonedx.invalid-license-choice",
                "CycloneDX \(version) allows either license elements or one expression in 'licenses', found "
                    + "\(licenseCount) license elements and \(expressionCount) expressions (mixing is allowed from 1.7)",
                at: element.location)
        }
        return result
    }

    private mutating func license(_ element: XMLElement) -> CycloneDXLicense? {
        let ids = children(element, "id")
        let names = children(element, "name")
        for (list, key) in [(ids, "id"), (names, "name")] where list.count > 1 {
            diagnostics.error(
                "cyclonedx.repeated-element", "a license may have one '\(key)', found \(list.count)", at: list[1].location)
        }
        let text = child(element, "text")
        let entry = CycloneDXLicenseEntry(
            id: ids.first.map { CycloneDXText(value: $0.trimmedText, location: $0.location) },
            name: names.first.map { CycloneDXText(value: $0.trimmedText, location: $0.location) },
            url: child(element, "url").map { CycloneDXText(value: $0.trimmedText, location: $0.location) },
            text: text.map { CycloneDXText(value: $0.text, location: $0.location) },
            encoding: text.flatMap { element in element.attribute("encoding").map { CycloneDXText(value: $0, location: element.location) } },
            location: element.location)
        var license = entry.checked(diagnostics: &diagnostics)
        _ = properties(child(element, "properties"))
        license.acknowledgement = acknowledgement(element)
        return license
    }

    private mutating func acknowledgement(_ element: XMLElement) -> String? {
        guard let value = element.attribute("acknowledgement") else { return nil }
        guard CycloneDXSchemaRules.acknowledgements.contains(value) else {
            diagnostics.error(
                "cyclonedx.invalid-acknowledgement", "'acknowledgement' must be declared or concluded, found '\(value)'",
                at: element.location)
            return nil
        }
        return value
    }

    private mutating func checkLicenseID(_ id: CycloneDXText) {
        CycloneDXSchemaRules.checkLicenseID(id, diagnostics: &diagnostics)
    }

    // MARK: Dependencies, properties, contacts

    private mutating func dependency(_ element: XMLElement) -> CycloneDXDependency? {
        guard let ref = element.attribute("ref") else {
            diagnostics.error("cyclonedx.missing-field", "dependency has no 'ref' attribute", at: element.location)
            return nil
        }
        guard !ref.isEmpty else {
            diagnostics.error("cyclonedx.empty-bom-ref", "dependency 'ref' must not be empty", at: element.location)
            return nil
        }
        var result = CycloneDXDependency(ref: CycloneDXText(value: ref, location: element.location))
        for entry in element.children where entry.namespace == namespace {
            guard entry.name == "dependency" || entry.name == "provides" else { continue }
            guard let target = entry.attribute("ref"), !target.isEmpty else {
                diagnostics.error(
                    "cyclonedx.empty-bom-ref", "'\(entry.name)' needs a non-empty 'ref' attribute", at: entry.location)
                continue
            }
            let reference = CycloneDXText(value: target, location: entry.location)
            if entry.name == "dependency" {
                result.dependsOn.append(reference)
                if !entry.children.isEmpty {
                    // Old BOMs nest dependency trees; the inner entries state the inner component's own edges.
                    diagnostics.note(
                        "cyclonedx.nested-dependency", "nested dependency entries below '\(target)' are not read",
                        at: entry.location)
                }
            } else {
                result.provides.append(reference)
            }
        }
        return result
    }

    private mutating func properties(_ element: XMLElement?) -> [String: String] {
        guard let element else { return [:] }
        var result: [String: String] = [:]
        for property in children(element, "property") {
            guard let name = property.attribute("name") else {
                diagnostics.error("cyclonedx.missing-field", "property has no 'name' attribute", at: property.location)
                continue
            }
            if result[name] == nil { result[name] = property.text }
        }
        return result
    }

    private mutating func checkContacts(_ contacts: [XMLElement]) {
        for contact in contacts {
            if let email = child(contact, "email"), !CycloneDXSchemaRules.isEmail(email.trimmedText) {
                diagnostics.error(
                    "cyclonedx.invalid-email", "'email' is not an e-mail address: '\(email.trimmedText)'", at: email.location)
            }
        }
    }

    // MARK: Element access in the BOM's namespace

    private func child(_ element: XMLElement, _ name: String) -> XMLElement? {
        element.children.first { $0.name == name && $0.namespace == namespace }
    }

    private func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
        element.children.filter { $0.name == name && $0.namespace == namespace }
    }

    private func text(_ element: XMLElement, _ name: String) -> String? {
        child(element, name)?.trimmedText
    }
}
