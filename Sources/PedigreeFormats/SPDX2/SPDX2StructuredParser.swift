import PedigreeDiagnostics
import PedigreeModel

/// Reads the SPDX 2.2/2.3 JSON, YAML and XML serializations into an `SPDX2Document`.
///
/// The three share the JSON schema's shape (SPDX 2.3 Annex; `spdx-schema.json`):
///
///     document      = { SPDXID, spdxVersion, name, documentNamespace, creationInfo,
///                       documentDescribes*, externalDocumentRefs*, hasExtractedLicensingInfos*,
///                       packages*, files*, snippets*, relationships*, annotations* }
///     package       = { SPDXID, name, versionInfo, packageFileName, supplier, originator,
///                       downloadLocation, homepage, licenseConcluded, licenseDeclared,
///                       licenseInfoFromFiles*, primaryPackagePurpose, externalRefs*, checksums*,
///                       hasFiles*, annotations*, … }
///     file          = { SPDXID, fileName, licenseConcluded, licenseInfoInFiles*, checksums*, … }
///     snippet       = { SPDXID, name, snippetFromFile, licenseConcluded, licenseInfoInSnippets*, … }
///     relationship  = { spdxElementId, relationshipType, relatedSpdxElement, comment }
///
/// Missing or malformed fields become warnings; nothing here throws, since the syntax layer has
/// already rejected input that cannot be read at all.
struct SPDX2StructuredParser<Node: SPDX2TreeNode> {
    let file: String
    private var diagnostics = DiagnosticCollector()

    init(file: String) { self.file = file }

    mutating func parse(_ root: Node) -> SPDX2Document {
        var document = SPDX2Document()
        let rootLocation = root.sourceLocation(file: file)
        document.specVersion = root.member("spdxVersion")?.scalarText
        document.name = root.member("name")?.scalarText
        document.namespace = root.member("documentNamespace")?.scalarText
        if let id = root.member("SPDXID")?.scalarText { document.documentID = id }
        checkHeader(root, specVersion: document.specVersion, at: rootLocation)

        document.describes = root.members("documentDescribes").compactMap(text)
        for reference in root.members("externalDocumentRefs") {
            guard let id = reference.member("externalDocumentId")?.scalarText else { continue }
            document.externalDocuments[id] = reference.member("spdxDocument")?.scalarText ?? ""
        }
        for info in root.members("hasExtractedLicensingInfos") {
            guard let id = info.member("licenseId")?.scalarText else {
                diagnostics.warning(
                    "spdx.missing-field", "extracted licensing info has no 'licenseId'",
                    at: info.sourceLocation(file: file))
                continue
            }
            document.extractedLicenses.append(
                ExtractedLicense(
                    id: id, name: info.member("name")?.scalarText, text: info.member("extractedText")?.scalarText,
                    seeAlso: info.members("seeAlsos").compactMap(\.scalarText),
                    location: info.sourceLocation(file: file)))
        }

        var annotationsByID: [String: [String]] = [:]
        for annotation in root.members("annotations") {
            // Document-level annotations in tag-value style name their target with `spdxElementId`.
            if let target = annotation.member("spdxElementId")?.scalarText,
                let comment = annotation.member("comment")?.scalarText
            {
                annotationsByID[target, default: []].append(comment)
            }
        }

        var index = 0
        for package in root.members("packages") {
            document.elements.append(element(package, kind: .package, ordinal: index))
            index += 1
        }
        for fileNode in root.members("files") {
            document.elements.append(element(fileNode, kind: .file, ordinal: index))
            index += 1
        }
        for snippet in root.members("snippets") {
            document.elements.append(element(snippet, kind: .snippet, ordinal: index))
            index += 1
        }
        if !annotationsByID.isEmpty {
            for position in document.elements.indices {
                document.elements[position].annotations += annotationsByID[document.elements[position].spdxID] ?? []
            }
        }

        for relationship in root.members("relationships") {
            let location = relationship.sourceLocation(file: file)
            guard let from = relationship.member("spdxElementId").flatMap(text),
                let type = relationship.member("relationshipType").flatMap(text),
                let to = relationship.member("relatedSpdxElement").flatMap(text)
            else {
                diagnostics.warning(
                    "spdx.incomplete-relationship",
                    "relationship needs 'spdxElementId', 'relationshipType' and 'relatedSpdxElement'", at: location)
                continue
            }
            document.relationships.append(
                SPDX2Document.Relationship(
                    from: from, type: type, to: to, comment: relationship.member("comment")?.scalarText))
        }
        document.diagnostics = diagnostics.diagnostics
        return document
    }

    private mutating func checkHeader(_ root: Node, specVersion: String?, at location: SourceLocation) {
        if let specVersion {
            if !SPDX2Document.supportedVersions.contains(specVersion) {
                diagnostics.error(
                    "spdx.unsupported-version",
                    "expected spdxVersion 'SPDX-2.2' or 'SPDX-2.3', found '\(specVersion)'; reading it as SPDX 2.3",
                    at: root.member("spdxVersion")?.sourceLocation(file: file) ?? location)
            }
        } else {
            diagnostics.error("spdx.missing-field", "document has no 'spdxVersion'", at: location)
        }
        if let created = root.member("creationInfo")?.member("created"), let value = created.scalarText,
            !SPDX2Document.isTimestamp(value)
        {
            diagnostics.append(SPDX2Document.timestampWarning(value, at: created.sourceLocation(file: file)))
        }
        if let creationInfo = root.member("creationInfo") {
            if let creators = creationInfo.member("creators"), creators.isArray == false {
                diagnostics.error(
                    "spdx.invalid-type", "expected 'creators' to be a list, found a single value",
                    at: creators.sourceLocation(file: file))
            } else if creationInfo.members("creators").compactMap(\.scalarText).isEmpty {
                diagnostics.error(
                    "spdx.missing-field", "'creationInfo' names no 'creators'", at: creationInfo.sourceLocation(file: file))
            }
        } else {
            diagnostics.error("spdx.missing-field", "document has no 'creationInfo'", at: location)
        }
    }

    private func text(_ node: Node) -> SPDX2Document.Text? {
        guard let value = node.scalarText else { return nil }
        return SPDX2Document.Text(value, at: node.sourceLocation(file: file))
    }

    private mutating func element(_ node: Node, kind: SPDX2Document.Element.Kind, ordinal: Int) -> SPDX2Document.Element {
        let location = node.sourceLocation(file: file)
        let spdxID: String
        if let id = node.member("SPDXID")?.scalarText, !id.isEmpty {
            spdxID = id
        } else {
            spdxID = "SPDXRef-\(kind.rawValue)-\(ordinal + 1)"
            diagnostics.error(
                "spdx.missing-id", "\(kind.rawValue) has no 'SPDXID'; relationships cannot name it; called it '\(spdxID)'",
                at: location)
        }
        var element = SPDX2Document.Element(kind: kind, spdxID: spdxID, location: location)
        element.name = node.member("name")?.scalarText
        element.version = node.member("versionInfo")?.scalarText
        element.fileName = node.member(kind == .package ? "packageFileName" : "fileName")?.scalarText
        element.primaryPurpose = node.member("primaryPackagePurpose").flatMap(text)
        element.licenseDeclared = node.member("licenseDeclared").flatMap(text)
        element.licenseConcluded = node.member("licenseConcluded").flatMap(text)
        let infoKey =
            switch kind {
            case .package: "licenseInfoFromFiles"
            case .file: "licenseInfoInFiles"
            case .snippet: "licenseInfoInSnippets"
            }
        element.licenseInfo = node.members(infoKey).compactMap(text)
        element.downloadLocation = node.member("downloadLocation")?.scalarText
        element.homepage = node.member("homepage")?.scalarText
        element.supplier = node.member("supplier")?.scalarText
        element.originator = node.member("originator")?.scalarText
        element.copyrightText = node.member("copyrightText")?.scalarText
        element.licenseComments = node.member("licenseComments")?.scalarText
        element.comment = node.member("comment")?.scalarText
        for checksum in node.members("checksums") {
            if let algorithm = checksum.member("algorithm")?.scalarText,
                let value = checksum.member("checksumValue")?.scalarText
            {
                element.checksums.append((algorithm, value))
            }
        }
        for reference in node.members("externalRefs") {
            guard let type = reference.member("referenceType")?.scalarText,
                let locator = reference.member("referenceLocator")?.scalarText
            else { continue }
            element.externalReferences.append(
                .init(
                    category: reference.member("referenceCategory")?.scalarText ?? "", type: type, locator: locator,
                    location: reference.sourceLocation(file: file)))
        }
        element.hasFiles = node.members("hasFiles").compactMap(text)
        element.snippetFromFile = node.member("snippetFromFile").flatMap(text)
        if let filesAnalyzed = node.member("filesAnalyzed") {
            let value = filesAnalyzed.scalarText
            if filesAnalyzed.isBoolean == false || (value != "true" && value != "false") {
                diagnostics.error(
                    "spdx.invalid-type", "expected 'filesAnalyzed' to be true or false, found '\(value ?? "a collection")'",
                    at: filesAnalyzed.sourceLocation(file: file))
            }
        }
        element.annotations = node.members("annotations").compactMap { $0.member("comment")?.scalarText }
        return element
    }
}
