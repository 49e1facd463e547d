import PedigreeDiagnostics
import PedigreeModel
import SafeXML

/// Reads the SPDX 2.2/2.3 RDF/XML serialization into an `SPDX2Document`.
///
/// RDF/XML alternates node and property elements ("striped" syntax, W3C RDF 1.1 XML Syntax §2.2):
///
///     rdf       = "rdf:RDF" { node }
///     node      = TypeName [ rdf:about=IRI | rdf:nodeID=id ] { property }
///     property  = name ( rdf:resource=IRI | text | node )
///
/// The SPDX vocabulary (`http://spdx.org/rdf/terms#`, SPDX 2.3 Annex "RDF object model") types the
/// nodes `SpdxDocument`, `Package`, `File`, `Snippet`, `Relationship`, `ExtractedLicensingInfo`,
/// `ListedLicense`, `ConjunctiveLicenseSet`, `DisjunctiveLicenseSet`, `OrLaterOperator`,
/// `WithExceptionOperator`. A node may be written out where it is first used and only referenced
/// (`rdf:resource`) elsewhere, or described in several places: all descriptions with the same
/// `rdf:about` are read as one node. Relationships are properties of their subject node. Licenses
/// are IRIs (`http://spdx.org/licenses/MIT` is `MIT`, `…#LicenseRef-x` is `LicenseRef-x`,
/// `spdx:noassertion` is `NOASSERTION`) or license nodes, which become expression text.
struct SPDX2RDFParser {
    static let spdxNamespacePrefix = "http://spdx.org/rdf/terms"
    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    /// License sets nested deeper than this are cut off with a warning (a hostile file could chain them).
    static let maxLicenseDepth = 64

    let file: String
    private var diagnostics = DiagnosticCollector()
    /// Every description of a node, by `rdf:about` IRI or `_:nodeID`.
    private var descriptions: [String: [XMLElement]] = [:]
    private var documentNamespace: String?
    private var externalNamespaces: [String: String] = [:]
    private var extractedLicenses: [String: ExtractedLicense] = [:]
    private var extractedOrder: [String] = []

    init(file: String) { self.file = file }

    mutating func parse(_ root: XMLElement) -> SPDX2Document {
        var document = SPDX2Document()
        // Node elements: children of rdf:RDF (or the root itself when a document has no wrapper).
        let topNodes = root.name == "RDF" ? root.children : [root]
        var allNodes: [XMLElement] = []
        collectNodes(topNodes, into: &allNodes)

        let documentNode = allNodes.first { $0.name == "SpdxDocument" }
        if let documentNode {
            let documentIRI = Self.identifier(of: documentNode)
            if let documentIRI, let hash = documentIRI.lastIndex(of: "#") {
                documentNamespace = String(documentIRI[..<hash])
                document.documentID = String(documentIRI[documentIRI.index(after: hash)...])
            }
            let properties = self.properties(of: documentNode)
            document.specVersion = properties.first { $0.name == "specVersion" }?.trimmedText
            document.name = properties.first { $0.name == "name" && Self.isSPDX($0) }?.trimmedText
            if let creationInfo = properties.first(where: { $0.name == "creationInfo" }) {
                let fields = resolveNode(creationInfo).map { self.properties(of: $0) } ?? []
                let creators = fields.filter { $0.name == "creator" }
                if let created = fields.first(where: { $0.name == "created" }), !SPDX2Document.isTimestamp(created.trimmedText) {
                    diagnostics.append(SPDX2Document.timestampWarning(created.trimmedText, at: created.location))
                }
                if creators.allSatisfy({ $0.trimmedText.isEmpty }) {
                    diagnostics.error("spdx.missing-field", "'creationInfo' names no 'creator'", at: creationInfo.location)
                }
            } else {
                diagnostics.error("spdx.missing-field", "document has no 'creationInfo'", at: documentNode.location)
            }
            if document.specVersion == nil {
                diagnostics.error("spdx.missing-field", "document has no 'specVersion'", at: documentNode.location)
            }
            if let version = document.specVersion, !SPDX2Document.supportedVersions.contains(version) {
                diagnostics.error(
                    "spdx.unsupported-version",
                    "expected specVersion 'SPDX-2.2' or 'SPDX-2.3', found '\(version)'; reading it as SPDX 2.3",
                    at: documentNode.location)
            }
        } else {
            diagnostics.error("spdx.missing-field", "RDF has no 'spdx:SpdxDocument' node", at: root.location)
        }
        document.namespace = documentNamespace

        for node in allNodes where node.name == "ExternalDocumentRef" {
            let properties = self.properties(of: node)
            guard let id = properties.first(where: { $0.name == "externalDocumentId" })?.trimmedText else { continue }
            let namespace = properties.first { $0.name == "spdxDocument" }.flatMap(Self.resourceOrText) ?? ""
            document.externalDocuments[id] = namespace
            if !namespace.isEmpty { externalNamespaces[namespace] = id }
        }

        // Elements, once per identifier.
        var seen: Set<String> = []
        var anonymous = 0
        for node in allNodes {
            let kind: SPDX2Document.Element.Kind
            switch node.name {
            case "Package": kind = .package
            case "File": kind = .file
            case "Snippet": kind = .snippet
            default: continue
            }
            guard Self.isSPDX(node) else { continue }
            let id: String
            if let iri = Self.identifier(of: node) {
                guard seen.insert(iri).inserted else { continue }
                id = localID(iri)
            } else {
                anonymous += 1
                id = "SPDXRef-\(kind.rawValue)-anonymous-\(anonymous)"
                diagnostics.error(
                    "spdx.missing-id", "\(kind.rawValue) node has no 'rdf:about'; relationships cannot name it; called it '\(id)'",
                    at: node.location)
            }
            document.elements.append(element(node, kind: kind, id: id))
        }

        // Relationships are properties of their subject, wherever that node is written.
        var relationshipSubjects: Set<String> = []
        for node in allNodes {
            guard let subjectIRI = Self.identifier(of: node), relationshipSubjects.insert(subjectIRI).inserted else { continue }
            let subject = node.name == "SpdxDocument" ? document.documentID : localID(subjectIRI)
            for property in properties(of: node) where property.name == "relationship" {
                guard let relationshipNode = resolveNode(property) else { continue }
                let fields = properties(of: relationshipNode)
                guard let typeProperty = fields.first(where: { $0.name == "relationshipType" }),
                    let typeIRI = Self.resourceOrText(typeProperty),
                    let relatedProperty = fields.first(where: { $0.name == "relatedSpdxElement" })
                else {
                    diagnostics.warning(
                        "spdx.incomplete-relationship", "relationship needs 'relationshipType' and 'relatedSpdxElement'",
                        at: relationshipNode.location)
                    continue
                }
                let related: String
                if let resource = Self.resource(relatedProperty) {
                    related = localID(resource)
                } else if let nested = relatedProperty.children.first, let iri = Self.identifier(of: nested) {
                    related = nested.name == "SpdxDocument" ? document.documentID : localID(iri)
                } else {
                    diagnostics.warning(
                        "spdx.incomplete-relationship", "'relatedSpdxElement' names no element", at: relatedProperty.location)
                    continue
                }
                let comment = fields.first { $0.name == "comment" }?.trimmedText
                document.relationships.append(
                    SPDX2Document.Relationship(
                        from: SPDX2Document.Text(subject, at: relationshipNode.location),
                        type: SPDX2Document.Text(typeIRI, at: typeProperty.location),
                        to: SPDX2Document.Text(related, at: relatedProperty.location), comment: comment))
            }
            // SPDX 2.0/2.1 name the described packages directly.
            if node.name == "SpdxDocument" {
                for property in properties(of: node) where property.name == "describesPackage" || property.name == "describesFile" {
                    if let iri = Self.resource(property) ?? property.children.first.flatMap(Self.identifier) {
                        document.describes.append(SPDX2Document.Text(localID(iri), at: property.location))
                    }
                }
            }
        }

        // Extracted licenses: written under the document or inline where a license names them.
        for node in allNodes where node.name == "ExtractedLicensingInfo" {
            _ = licenseIdentifier(node)
        }
        document.extractedLicenses = extractedOrder.compactMap { extractedLicenses[$0] }
        document.diagnostics = diagnostics.diagnostics
        return document
    }

    // MARK: - Nodes

    /// Every node element below the given top-level nodes (nodes sit under properties), registering
    /// each description under its identifier.
    private mutating func collectNodes(_ top: [XMLElement], into nodes: inout [XMLElement]) {
        var pending = top.reversed().map { $0 }
        while let node = pending.popLast() {
            nodes.append(node)
            if let id = Self.identifier(of: node) { descriptions[id, default: []].append(node) }
            for property in node.children.reversed() {
                for child in property.children.reversed() { pending.append(child) }
            }
        }
    }

    /// The properties of a node from all its descriptions, the first (fullest) first.
    private func properties(of node: XMLElement) -> [XMLElement] {
        guard let id = Self.identifier(of: node), let all = descriptions[id], all.count > 1 else { return node.children }
        return all.flatMap(\.children)
    }

    /// The node a property points at: its nested node, or the node its `rdf:resource` names.
    private func resolveNode(_ property: XMLElement) -> XMLElement? {
        if let nested = property.children.first { return nested }
        if let resource = Self.resource(property) { return descriptions[resource]?.first { !$0.children.isEmpty } }
        if let nodeID = property.attribute("nodeID", namespace: Self.rdfNamespace) { return descriptions["_:" + nodeID]?.first }
        return nil
    }

    private mutating func element(_ node: XMLElement, kind: SPDX2Document.Element.Kind, id: String) -> SPDX2Document.Element {
        let properties = self.properties(of: node)
        var element = SPDX2Document.Element(kind: kind, spdxID: id, location: node.location)
        func text(_ name: String) -> String? {
            properties.first { $0.name == name }.flatMap(Self.resourceOrText)
        }
        element.name = properties.first { $0.name == "name" && Self.isSPDX($0) }?.trimmedText
        element.version = text("versionInfo")
        element.fileName = text(kind == .package ? "packageFileName" : "fileName")
        element.downloadLocation = text("downloadLocation")
        element.homepage = text("homepage")
        element.supplier = text("supplier")
        element.originator = text("originator")
        element.copyrightText = text("copyrightText")
        element.licenseComments = text("licenseComments")
        element.comment = properties.first { $0.name == "comment" }?.trimmedText
        if let filesAnalyzed = properties.first(where: { $0.name == "filesAnalyzed" }) {
            let value = filesAnalyzed.trimmedText
            if value != "true" && value != "false" {
                diagnostics.error(
                    "spdx.invalid-type", "expected 'filesAnalyzed' to be true or false, found '\(value)'",
                    at: filesAnalyzed.location)
            }
        }
        if let purpose = properties.first(where: { $0.name == "primaryPackagePurpose" }), let value = Self.resourceOrText(purpose) {
            element.primaryPurpose = SPDX2Document.Text(value, at: purpose.location)
        }
        for property in properties {
            switch property.name {
            case "licenseConcluded":
                element.licenseConcluded = onlyLicense(element.licenseConcluded, licenseText(property), of: id, property: property)
            case "licenseDeclared":
                element.licenseDeclared = onlyLicense(element.licenseDeclared, licenseText(property), of: id, property: property)
            case "licenseInfoFromFiles", "licenseInfoInFile", "licenseInfoInSnippet":
                if let license = licenseText(property) { element.licenseInfo.append(license) }
            case "checksum":
                if let checksum = resolveNode(property) {
                    let fields = self.properties(of: checksum)
                    if let algorithm = fields.first(where: { $0.name == "algorithm" }).flatMap(Self.resourceOrText),
                        let value = fields.first(where: { $0.name == "checksumValue" })?.trimmedText
                    {
                        element.checksums.append((algorithm, value))
                    }
                }
            case "externalRef":
                if let reference = resolveNode(property) {
                    let fields = self.properties(of: reference)
                    if let type = fields.first(where: { $0.name == "referenceType" }).flatMap(Self.resourceOrText),
                        let locator = fields.first(where: { $0.name == "referenceLocator" })?.trimmedText
                    {
                        let category = fields.first { $0.name == "referenceCategory" }.flatMap(Self.resourceOrText) ?? ""
                        element.externalReferences.append(
                            .init(
                                category: Self.lastSegment(category), type: Self.lastSegment(type), locator: locator,
                                location: reference.location))
                    }
                }
            case "hasFile":
                if let iri = Self.resource(property) ?? property.children.first.flatMap(Self.identifier) {
                    element.hasFiles.append(SPDX2Document.Text(localID(iri), at: property.location))
                }
            case "snippetFromFile":
                if let iri = Self.resource(property) ?? property.children.first.flatMap(Self.identifier) {
                    element.snippetFromFile = SPDX2Document.Text(localID(iri), at: property.location)
                }
            case "annotation":
                if let annotation = resolveNode(property),
                    let comment = self.properties(of: annotation).first(where: { $0.name == "comment" })?.trimmedText
                {
                    element.annotations.append(comment)
                }
            default:
                break
            }
        }
        return element
    }

    // MARK: - Licenses

    /// A license property as SPDX expression text, located at the property.
    /// The one license a node's descriptions state for a property: descriptions of one SPDXID that
    /// state two different ones are an error naming both places, since either would drop the other.
    private mutating func onlyLicense(
        _ first: SPDX2Document.Text?, _ second: SPDX2Document.Text?, of id: String, property: XMLElement
    ) -> SPDX2Document.Text? {
        guard let first, let second else { return first ?? second }
        if first.value != second.value {
            diagnostics.error(
                "spdx.duplicate-id",
                "SPDXID '\(id)' is described again with '\(property.name)' '\(second.value)' (first at \(first.location.line):\(first.location.column), '\(first.value)'); expected one definition per SPDXID",
                at: second.location)
        }
        return first
    }

    private mutating func licenseText(_ property: XMLElement) -> SPDX2Document.Text? {
        var visiting: Set<String> = []
        guard let text = license(property, depth: 0, visiting: &visiting) else {
            diagnostics.warning(
                "spdx.rdf.unreadable-license", "'\(property.name)' names no license node or license IRI", at: property.location)
            return nil
        }
        return SPDX2Document.Text(text, at: property.location)
    }

    private mutating func license(_ property: XMLElement, depth: Int, visiting: inout Set<String>) -> String? {
        if let resource = Self.resource(property) {
            if let node = descriptions[resource]?.first(where: { !$0.children.isEmpty }), Self.isCompositeLicense(node),
                visiting.insert(resource).inserted
            {
                defer { visiting.remove(resource) }
                return licenseNode(node, depth: depth + 1, visiting: &visiting)
            }
            return licenseID(iri: resource)
        }
        if let nodeID = property.attribute("nodeID", namespace: Self.rdfNamespace),
            let node = descriptions["_:" + nodeID]?.first, visiting.insert("_:" + nodeID).inserted
        {
            defer { visiting.remove("_:" + nodeID) }
            return licenseNode(node, depth: depth + 1, visiting: &visiting)
        }
        if let node = property.children.first { return licenseNode(node, depth: depth + 1, visiting: &visiting) }
        let text = property.trimmedText
        return text.isEmpty ? nil : text
    }

    /// A license node as expression text: sets join their members with AND/OR (compound members in
    /// parentheses), `OrLaterOperator` appends `+`, `WithExceptionOperator` reads `A WITH B`.
    private mutating func licenseNode(_ node: XMLElement, depth: Int, visiting: inout Set<String>) -> String? {
        guard depth <= Self.maxLicenseDepth else {
            diagnostics.warning(
                "spdx.rdf.license-too-deep", "license nesting deeper than \(Self.maxLicenseDepth) levels is not read",
                at: node.location)
            return nil
        }
        let properties = self.properties(of: node)
        switch node.name {
        case "ConjunctiveLicenseSet", "DisjunctiveLicenseSet":
            let separator = node.name == "ConjunctiveLicenseSet" ? " AND " : " OR "
            var members: [String] = []
            for member in properties where member.name == "member" {
                guard let text = license(member, depth: depth, visiting: &visiting) else { continue }
                members.append(SPDXExpressionText.parenthesized(text))
            }
            guard !members.isEmpty else { return nil }
            return members.count == 1 ? members[0] : members.joined(separator: separator)
        case "OrLaterOperator":
            guard let member = properties.first(where: { $0.name == "member" }),
                let text = license(member, depth: depth, visiting: &visiting)
            else { return nil }
            return text.hasSuffix("+") ? text : text + "+"
        case "WithExceptionOperator":
            guard let member = properties.first(where: { $0.name == "member" }),
                let base = license(member, depth: depth, visiting: &visiting)
            else { return nil }
            guard let exceptionProperty = properties.first(where: { $0.name == "licenseException" }) else { return base }
            let exception: String?
            if let resource = Self.resource(exceptionProperty) {
                exception = Self.lastSegment(resource)
            } else if let exceptionNode = exceptionProperty.children.first {
                exception =
                    self.properties(of: exceptionNode).first { $0.name == "licenseExceptionId" }?.trimmedText
                    ?? Self.identifier(of: exceptionNode).map(Self.lastSegment)
            } else {
                exception = nil
            }
            return exception.map { "\(SPDXExpressionText.parenthesized(base)) WITH \($0)" } ?? base
        default:
            return licenseIdentifier(node)
        }
    }

    /// A single license node's id (`licenseId`, else its IRI), recording extracted license texts.
    private mutating func licenseIdentifier(_ node: XMLElement) -> String? {
        let properties = self.properties(of: node)
        let iri = Self.identifier(of: node)
        let id = properties.first { $0.name == "licenseId" }?.trimmedText ?? iri.map(licenseID(iri:))
        if node.name == "ExtractedLicensingInfo", let id, extractedLicenses[id] == nil {
            extractedOrder.append(id)
            extractedLicenses[id] = ExtractedLicense(
                id: id, name: properties.first { $0.name == "name" && Self.isSPDX($0) }?.trimmedText,
                text: properties.first { $0.name == "extractedText" }?.text,
                seeAlso: properties.filter { $0.name == "seeAlso" }.compactMap(Self.resourceOrText),
                location: node.location)
        }
        return id
    }

    /// `http://spdx.org/licenses/MIT` → `MIT`; `http://spdx.org/rdf/terms#noassertion` → `NOASSERTION`;
    /// `<namespace>#LicenseRef-x` → `LicenseRef-x` (`DocumentRef-y:LicenseRef-x` for another document).
    private func licenseID(iri: String) -> String {
        if iri.hasPrefix(Self.spdxNamespacePrefix) {
            let term = Self.lastSegment(iri).lowercased()
            if term == "noassertion" { return "NOASSERTION" }
            if term == "none" { return "NONE" }
        }
        for prefix in ["http://spdx.org/licenses/", "https://spdx.org/licenses/"] where iri.hasPrefix(prefix) {
            var id = Substring(iri.dropFirst(prefix.count))
            for suffix in [".html", ".json"] where id.hasSuffix(suffix) { id = id.dropLast(suffix.count) }
            return String(id)
        }
        if iri.contains("#") { return localID(iri) }
        return iri
    }

    // MARK: - Identifiers

    /// `<document namespace>#SPDXRef-X` → `SPDXRef-X`; an element of an external document becomes
    /// `DocumentRef-y:SPDXRef-X` so that it is reported as an external reference.
    private func localID(_ iri: String) -> String {
        guard let hash = iri.lastIndex(of: "#") else { return iri }
        let namespace = String(iri[..<hash])
        let fragment = String(iri[iri.index(after: hash)...])
        if namespace.hasPrefix(Self.spdxNamespacePrefix) {
            let term = fragment.lowercased()
            if term == "noassertion" { return "NOASSERTION" }
            if term == "none" { return "NONE" }
        }
        if let documentNamespace, namespace != documentNamespace, let external = externalNamespaces[namespace] {
            return "\(external):\(fragment)"
        }
        return fragment
    }

    static func identifier(of node: XMLElement) -> String? {
        if let about = node.attribute("about", namespace: rdfNamespace) ?? node.attribute("about") { return about }
        if let nodeID = node.attribute("nodeID", namespace: rdfNamespace) { return "_:" + nodeID }
        return nil
    }

    static func resource(_ property: XMLElement) -> String? {
        property.attribute("resource", namespace: rdfNamespace) ?? property.attribute("resource")
    }

    /// A property's value: the IRI it points at, else its text.
    static func resourceOrText(_ property: XMLElement) -> String? {
        if let resource = resource(property) { return resource }
        guard property.children.isEmpty else { return nil }
        let text = property.trimmedText
        return text.isEmpty ? nil : text
    }

    /// `http://spdx.org/rdf/references/purl` → `purl`, `…#referenceCategory_packageManager` →
    /// `referenceCategory_packageManager`.
    static func lastSegment(_ iri: String) -> String {
        if let hash = iri.lastIndex(of: "#") { return String(iri[iri.index(after: hash)...]) }
        if let slash = iri.lastIndex(of: "/") { return String(iri[iri.index(after: slash)...]) }
        return iri
    }

    static func isSPDX(_ element: XMLElement) -> Bool {
        element.namespace.map { $0.hasPrefix(spdxNamespacePrefix) } ?? true
    }

    static func isCompositeLicense(_ node: XMLElement) -> Bool {
        ["ConjunctiveLicenseSet", "DisjunctiveLicenseSet", "OrLaterOperator", "WithExceptionOperator", "ExtractedLicensingInfo"]
            .contains(node.name)
    }
}
