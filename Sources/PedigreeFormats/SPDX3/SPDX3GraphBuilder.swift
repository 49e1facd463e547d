import PedigreeDiagnostics
import PedigreeModel
import SafeJSON

/// Turns an SPDX 3.0.1 JSON-LD document into components, typed edges and product roots.
///
/// The document is a flat `@graph` of elements (or one top-level element) that refer to each other
/// by `spdxId` IRI (SPDX 3.0.1 serialization, `spdx-context.jsonld`). Components are the software
/// artifacts: `software_Package`, `ai_AIPackage` (a model), `dataset_DatasetPackage` (a dataset),
/// and files and snippets that carry a license, are models or data (`software_primaryPurpose` or
/// `software_additionalPurpose` `model`/`data`), are roots, or take part in a relationship other
/// than containment. Roots are the `rootElement`s of the `SpdxDocument`, followed through an `Sbom`
/// or `Bundle` to the product. Licenses come from `hasDeclaredLicense`/`hasConcludedLicense`
/// relationships (`SPDX3LicenseExpression`). Component refs are the `spdxId` IRIs, which are global.
struct SPDX3GraphBuilder {
    let path: String
    private var diagnostics = DiagnosticCollector()

    init(path: String) { self.path = path }

    /// Element types that become components.
    static let artifactTypes: Set<String> = [
        "software_Package", "software_File", "software_Snippet", "ai_AIPackage", "dataset_DatasetPackage",
    ]
    /// Element types whose `rootElement` names the product (or another collection that does).
    static let collectionTypes: Set<String> = ["SpdxDocument", "software_Sbom", "Bundle", "Bom", "BOM"]

    /// The class of an element as the 3.0.1 context spells it (`software_Package`), also when the
    /// document writes the full IRI (`https://spdx.org/rdf/3.0.1/terms/Software/Package`).
    static func typeName(_ element: JSONValue) -> String {
        guard let raw = element["type"]?.string ?? element["@type"]?.string else { return "" }
        guard let range = raw.firstRange(of: "/terms/") else { return SPDX3Terms.classTerm(raw) }
        let parts = raw[range.upperBound...].split(separator: "/")
        guard parts.count == 2 else { return raw }
        let profile = parts[0]
        if profile == "Core" { return String(parts[1]) }
        let prefix =
            switch profile {
            case "SimpleLicensing": "simplelicensing"
            case "ExpandedLicensing": "expandedlicensing"
            default: profile.lowercased()
            }
        return "\(prefix)_\(parts[1])"
    }

    private struct Candidate {
        var from: String
        var to: String
        var kind: EdgeKind?
        var meaning: SPDX3RelationshipType.Meaning
        var statedAs: String
        var comment: String?
        var location: SourceLocation
    }

    mutating func build(_ root: JSONValue) -> SBOMDocument {
        let index = SPDX3ElementIndex(document: root, path: path)
        diagnostics.append(contentsOf: index.diagnostics.diagnostics)
        let elements = index.elements
        let order = index.order
        let relationships = index.relationships
        let specVersion = index.specVersion
        let imported = index.imported
        if let specVersion, !specVersion.hasPrefix("3.") {
            diagnostics.warning(
                "spdx.unsupported-version", "expected specVersion '3.0.1', found '\(specVersion)'; reading it as SPDX 3.0.1",
                at: root.location(in: path))
        }

        let artifactIDs = order.filter { Self.artifactTypes.contains(Self.typeName(elements[$0] ?? root)) }
        var kinds: [String: ComponentKind] = [:]
        for id in artifactIDs {
            if let element = elements[id] { kinds[id] = kind(of: element) }
        }

        // Roots: the document's root elements, followed through collections.
        var rootIDs: [String] = []
        var rootSet: Set<String> = []
        var rootLocations: [String: SourceLocation] = [:]
        func addRoot(_ id: String, at location: SourceLocation) {
            if rootSet.insert(id).inserted {
                rootIDs.append(id)
                rootLocations[id] = location
            }
        }
        let documents = order.filter { Self.typeName(elements[$0] ?? root) == "SpdxDocument" }
        var pendingCollections = documents.isEmpty ? order.filter { Self.collectionTypes.contains(Self.typeName(elements[$0] ?? root)) } : documents
        var visitedCollections: Set<String> = []
        while let collectionID = pendingCollections.popLast() {
            guard visitedCollections.insert(collectionID).inserted, let collection = elements[collectionID] else { continue }
            for entry in collection["rootElement"]?.array ?? collection["rootElement"].map({ [$0] }) ?? [] {
                guard let id = Self.reference(entry) else { continue }
                if let target = elements[id], Self.collectionTypes.contains(Self.typeName(target)) {
                    pendingCollections.append(id)
                } else {
                    addRoot(id, at: entry.location(in: path))
                }
            }
        }

        // Relationships.
        var licenses = SPDX3LicenseExpression(file: path, elements: elements)
        var declared: [String: [LicenseText]] = [:]
        var concluded: [String: [LicenseText]] = [:]
        var candidates: [Candidate] = []
        var buildInputs: [String: [(id: String, location: SourceLocation)]] = [:]
        var buildOutputs: [String: [(id: String, location: SourceLocation)]] = [:]
        for relationship in relationships {
            let location = relationship.location(in: path)
            guard let typeValue = relationship["relationshipType"], let rawType = typeValue.string,
                let from = Self.reference(relationship["from"])
            else {
                diagnostics.warning("spdx.incomplete-relationship", "relationship needs 'from' and 'relationshipType'", at: location)
                continue
            }
            let type = SPDX3RelationshipType.term(rawType)
            let targets = relationship["to"]?.array ?? relationship["to"].map { [$0] } ?? []
            let comment = relationship["comment"]?.string ?? relationship["description"]?.string
            guard let meaning = SPDX3RelationshipType.meaning(of: rawType) else {
                diagnostics.warning(
                    "spdx.unknown-relationship", "unknown relationship type '\(type)' from '\(from)'; kept as depends-on",
                    at: typeValue.location(in: path))
                for target in targets {
                    guard let to = Self.reference(target) else { continue }
                    candidates.append(
                        Candidate(from: from, to: to, kind: .dependsOn, meaning: .edge(.dependsOn, .forward), statedAs: type, comment: comment, location: target.location(in: path)))
                }
                continue
            }
            switch meaning {
            case .ignored:
                continue
            case .buildInput, .buildOutput:
                for target in targets {
                    guard let to = Self.reference(target) else { continue }
                    let entry = (id: to, location: target.location(in: path))
                    if meaning == .buildInput { buildInputs[from, default: []].append(entry) } else { buildOutputs[from, default: []].append(entry) }
                }
                continue
            case .describes:
                if let element = elements[from], Self.collectionTypes.contains(Self.typeName(element)) {
                    for target in targets { if let to = Self.reference(target) { addRoot(to, at: target.location(in: path)) } }
                }
                continue
            case .declaredLicense, .concludedLicense:
                for target in targets {
                    if Self.isNoneElement(target.string) { continue }
                    guard let text = licenses.text(of: target) else {
                        diagnostics.warning(
                            "spdx.unreadable-license", "'\(type)' names no license expression or license element",
                            at: target.location(in: path))
                        continue
                    }
                    let license = LicenseText(text.text, form: .expression, location: text.location)
                    if meaning == .declaredLicense { declared[from, default: []].append(license) } else { concluded[from, default: []].append(license) }
                }
                continue
            default:
                break
            }
            let scope = relationship["scope"]?.string
            for target in targets {
                guard let to = Self.reference(target) else { continue }
                if Self.isNoneElement(to) { continue }
                var kind: EdgeKind?
                if case .edge(let fixed, _) = meaning { kind = fixed }
                if meaning == .dependency { kind = SPDX3RelationshipType.dependencyKind(scope: scope) }
                candidates.append(
                    Candidate(from: from, to: to, kind: kind, meaning: meaning, statedAs: type, comment: comment, location: target.location(in: path)))
            }
        }
        diagnostics.append(contentsOf: licenses.diagnostics.diagnostics)
        // Each output of a build was generated from each of its inputs; builds are not components.
        for (build, outputs) in buildOutputs.sorted(by: { $0.key < $1.key }) {
            for output in outputs {
                for input in buildInputs[build] ?? [] where input.id != output.id {
                    candidates.append(
                        Candidate(
                            from: input.id, to: output.id, kind: nil, meaning: .generates, statedAs: "hasInput/hasOutput",
                            comment: nil, location: output.location))
                }
            }
        }

        // Orient every candidate as from → to (uses or derives from).
        struct Resolved {
            var from: String
            var to: String
            var kind: EdgeKind?
            var meaning: SPDX3RelationshipType.Meaning
            var statedAs: String
            var comment: String?
            var location: SourceLocation
        }
        var resolved: [Resolved] = candidates.map { candidate in
            let reverse: Bool =
                switch candidate.meaning {
                case .edge(_, .reverse), .lineage(.reverse), .generates: true
                default: false
                }
            return Resolved(
                from: reverse ? candidate.to : candidate.from, to: reverse ? candidate.from : candidate.to, kind: candidate.kind,
                meaning: candidate.meaning, statedAs: candidate.statedAs, comment: candidate.comment, location: candidate.location)
        }
        var modelAncestors: [String: Set<String>] = [:]
        var dependsPairs: Set<SPDX2GraphBuilder.EdgeKey> = []
        for edge in resolved {
            if case .lineage = edge.meaning, kinds[edge.from] == .model, kinds[edge.to] == .model {
                modelAncestors[edge.from, default: []].insert(edge.to)
            }
            if edge.meaning == .dependency { dependsPairs.insert(.init(from: edge.from, to: edge.to)) }
        }
        for position in resolved.indices where resolved[position].kind == nil {
            let edge = resolved[position]
            let fromKind = kinds[edge.from] ?? .other
            let toKind = kinds[edge.to] ?? .other
            switch edge.meaning {
            case .lineage:
                let element = elements[edge.from]
                resolved[position].kind = SPDXLineageInference.descendantKind(
                    descendant: fromKind, ancestor: toKind, descendantName: element?["name"]?.string ?? "",
                    comment: edge.comment, modelAncestorCount: modelAncestors[edge.from]?.count ?? 0,
                    alsoDependsOn: dependsPairs.contains(.init(from: edge.from, to: edge.to)))
            case .generates:
                resolved[position].kind = SPDXLineageInference.generatedKind(generated: fromKind, source: toKind, comment: edge.comment)
            case .other:
                if let stated = SPDXLineageInference.otherKind(comment: edge.comment, from: fromKind, to: toKind) {
                    resolved[position].kind = stated.kind
                    if stated.reversed {
                        resolved[position].from = edge.to
                        resolved[position].to = edge.from
                    }
                } else {
                    resolved[position].kind = .dependsOn
                    diagnostics.warning(
                        "spdx.other-relationship",
                        "relationship 'other' from '\(edge.from)' to '\(edge.to)' does not say what it is; kept as depends-on",
                        at: edge.location)
                }
            default:
                resolved[position].kind = .dependsOn
            }
        }

        // Which artifacts become components. A weight file that a model or data set contains is part
        // of it, not a model of its own, unless its own purpose says it is one.
        var included: Set<String> = []
        var partsOfAIArtifacts: Set<String> = []
        for edge in resolved where edge.kind == .contains && (kinds[edge.from]?.isAIArtifact ?? false) {
            partsOfAIArtifacts.insert(edge.to)
        }
        for id in artifactIDs {
            let type = Self.typeName(elements[id] ?? root)
            let isFileLike = type == "software_File" || type == "software_Snippet"
            let hasLicense = (concluded[id] ?? []).contains { Self.isUsable($0.raw) } || (declared[id] ?? []).contains { Self.isUsable($0.raw) }
            let isOwnAIArtifact =
                (kinds[id]?.isAIArtifact ?? false)
                && (!partsOfAIArtifacts.contains(id) || elements[id].map(Self.statesAIPurpose) == true)
            if !isFileLike || rootSet.contains(id) || isOwnAIArtifact || hasLicense {
                included.insert(id)
            }
        }
        for edge in resolved where edge.kind != .contains {
            if kinds[edge.from] != nil { included.insert(edge.from) }
            if kinds[edge.to] != nil { included.insert(edge.to) }
        }

        var components: [Component] = []
        for id in artifactIDs where included.contains(id) {
            guard let element = elements[id], let kind = kinds[id] else { continue }
            components.append(
                component(
                    element, id: id, kind: kind, declared: declared[id], concluded: concluded[id], elements: elements))
        }

        // Edges with checked ends.
        var edges: [Edge] = []
        var seen: Set<SPDX2GraphBuilder.EdgeKey> = []
        var reportedExternal: Set<String> = []
        for edge in resolved {
            guard let kind = edge.kind else { continue }
            var usable = true
            for end in [edge.from, edge.to] {
                if kinds[end] != nil {
                    if !included.contains(end) { usable = false }
                } else if elements[end] != nil {
                    usable = false  // an agent, a build, a document: not part of the product
                } else if imported.contains(end) || end.hasPrefix("DocumentRef-") {
                    if reportedExternal.insert(end).inserted {
                        diagnostics.warning(
                            "spdx.external-reference",
                            "'\(end)' is an element of another document; it stays a dangling reference unless that document is read too",
                            at: edge.location)
                    }
                } else {
                    diagnostics.warning(
                        "spdx.dangling-reference", "relationship '\(edge.statedAs)' names '\(end)', which the document does not define",
                        at: edge.location)
                    usable = false
                }
            }
            guard usable, edge.from != edge.to, seen.insert(.init(from: edge.from, to: edge.to, kind: kind)).inserted else { continue }
            let origin = Origin(file: path, format: .spdx3JSONLD, location: edge.location)
            edges.append(
                Edge(
                    from: ComponentRef(edge.from), to: ComponentRef(edge.to), kind: kind, statedAs: edge.statedAs,
                    location: edge.location, origin: origin))
        }

        var roots: [ComponentRef] = []
        for id in rootIDs {
            if included.contains(id) || imported.contains(id) {
                roots.append(ComponentRef(id))
            } else if elements[id] == nil {
                diagnostics.warning(
                    "spdx.dangling-reference", "'rootElement' names '\(id)', which the document does not define",
                    at: rootLocations[id] ?? root.location(in: path))
            }
        }

        var document = SBOMDocument(
            path: path, format: .spdx3JSONLD, specVersion: specVersion, components: components, edges: edges, roots: roots,
            diagnostics: diagnostics.diagnostics)
        document.extractedLicenses = licenses.extractedLicenses
        return document
    }

    // MARK: - Components

    private func component(
        _ element: JSONValue, id: String, kind: ComponentKind, declared: [LicenseText]?, concluded: [LicenseText]?,
        elements: [String: JSONValue]
    ) -> Component {
        let type = Self.typeName(element)
        var properties: [String: String] = ["spdx.type": type]
        func keep(_ key: String, _ value: String?) {
            guard let value = value?.spdxTrimmed, !value.isEmpty, !SPDX2GraphBuilder.isNoValue(value) else { return }
            properties[key] = value
        }
        keep("downloadLocation", element["software_downloadLocation"]?.string)
        keep("homepage", element["software_homePage"]?.string)
        keep(Component.copyrightProperty, element["software_copyrightText"]?.string)
        keep("spdx.primaryPurpose", element["software_primaryPurpose"]?.string.map(SPDX3RelationshipType.term))
        keep("dataset.availability", element["dataset_datasetAvailability"]?.string.map(SPDX3RelationshipType.term))
        if let types = element["dataset_datasetType"]?.array?.compactMap(\.string), !types.isEmpty {
            properties["dataset.type"] = types.map(SPDX3RelationshipType.term).joined(separator: ", ")
        }
        if let types = element["ai_typeOfModel"]?.array?.compactMap(\.string), !types.isEmpty {
            properties["ai.typeOfModel"] = types.joined(separator: ", ")
        }
        var hashes: [String: String] = [:]
        for hash in element["verifiedUsing"]?.array ?? [] {
            if let algorithm = hash["algorithm"]?.string, let value = hash["hashValue"]?.string {
                hashes[SPDX2GraphBuilder.hashAlgorithmName(algorithm)] = value
            }
        }
        let supplier = Self.supplier(of: element, elements: elements)
        let name = element["name"]?.string ?? SPDX3RelationshipType.term(id)
        return Component(
            ref: ComponentRef(id), name: name, version: element["software_packageVersion"]?.string, kind: kind,
            purl: Self.purl(of: element), supplier: supplier,
            declaredLicense: declared.map { LicenseStatement($0) }, concludedLicense: concluded.map { LicenseStatement($0) },
            hashes: hashes, location: element.location(in: path),
            origins: [Origin(file: path, format: .spdx3JSONLD, location: element.location(in: path))], properties: properties)
    }

    /// The name of the agent `suppliedBy` names (an IRI or an embedded agent; real documents also
    /// write a list of one), else the IRI itself.
    static func supplier(of element: JSONValue, elements: [String: JSONValue]) -> String? {
        guard let stated = element["suppliedBy"] else { return nil }
        let agent = stated.array?.first ?? stated
        guard let id = reference(agent) else { return nil }
        return elements[id]?["name"]?.string ?? agent["name"]?.string ?? id
    }

    static func purl(of element: JSONValue) -> String? {
        if let purl = element["software_packageUrl"]?.string { return purl }
        for identifier in element["externalIdentifier"]?.array ?? [] {
            if let type = identifier["externalIdentifierType"]?.string, SPDX3RelationshipType.term(type) == "packageUrl" {
                return identifier["identifier"]?.string
            }
        }
        return nil
    }

    /// The kind from the element's class and purposes, then AI hints for plain packages and files.
    private mutating func kind(of element: JSONValue) -> ComponentKind {
        let type = Self.typeName(element)
        if type == "ai_AIPackage" { return .model }
        if type == "dataset_DatasetPackage" { return .dataset }
        let primary = element["software_primaryPurpose"]
        let primaryTerm = primary?.string.map(SPDX3RelationshipType.term)
        let additional = (element["software_additionalPurpose"]?.array ?? []).compactMap(\.string).map(SPDX3RelationshipType.term)
        if primaryTerm == "model" { return .model }
        if primaryTerm == "data" { return .dataset }
        if additional.contains("model") { return .model }
        if additional.contains("data") { return .dataset }
        let name = element["name"]?.string
        let isFileLike = type == "software_File" || type == "software_Snippet"
        // A file's Hub location (`…/resolve/<rev>/config.json`) names a file of a model repository,
        // not a model.
        let location = isFileLike ? nil : element["software_downloadLocation"]?.string
        if let ai = SPDXArtifactHints.aiKind(purl: Self.purl(of: element), names: [name], downloadLocation: location, annotations: [])
        {
            return ai
        }
        if isFileLike { return .file }
        guard let primaryTerm else { return .library }
        if let kind = Self.purposeKinds[primaryTerm] { return kind }
        diagnostics.warning(
            "spdx.unknown-purpose", "unknown software_primaryPurpose '\(primaryTerm)'", at: primary?.location(in: path))
        return .library
    }

    /// Whether the element's primary or additional purpose is `model` or `data`.
    static func statesAIPurpose(_ element: JSONValue) -> Bool {
        let purposes = [element["software_primaryPurpose"]] + (element["software_additionalPurpose"]?.array ?? []).map { $0 }
        return purposes.contains { $0?.string.map(SPDX3RelationshipType.term).map { $0 == "model" || $0 == "data" } == true }
    }

    /// SPDX 3.0.1 `Software/Vocabularies/SoftwarePurpose` to the neutral kinds, for packages.
    static let purposeKinds: [String: ComponentKind] = [
        "application": .application, "executable": .application, "install": .application, "framework": .framework,
        "library": .library, "module": .library, "source": .library, "container": .container, "model": .model,
        "data": .dataset, "archive": .file, "file": .file, "bom": .file, "configuration": .file,
        "documentation": .file, "evidence": .file, "manifest": .file, "patch": .file, "requirement": .file,
        "specification": .file, "test": .file, "diskImage": .other, "filesystemImage": .other, "device": .other,
        "deviceDriver": .other, "firmware": .other, "operatingSystem": .other, "platform": .other, "other": .other,
    ]

    // MARK: - Values

    /// A relationship end: an IRI, or an inline element's id.
    static func reference(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if let iri = value.string { return iri }
        return value["spdxId"]?.string ?? value["@id"]?.string
    }

    /// `NoneElement` says no such relationship exists; `NoAssertionElement` says nothing.
    static func isNoneElement(_ iri: String?) -> Bool {
        guard let iri, iri.contains("spdx.org/rdf/3") else { return false }
        let term = SPDX3RelationshipType.term(iri)
        return term == "NoneElement" || term == "NoAssertionElement"
    }

    static func isUsable(_ license: String) -> Bool {
        let text = license.spdxTrimmed
        return !text.isEmpty && !SPDX2GraphBuilder.isNoValue(text)
    }
}
