import PedigreeDiagnostics
import PedigreeModel

/// Turns a parsed SPDX 2 document into components, typed edges and product roots.
///
/// Packages always become components. Files and snippets do when they carry a license of their own
/// (a `licenseConcluded` other than NOASSERTION or NONE), are AI artifacts, are described by the
/// document, or take part in a relationship other than containment: a scanner's thousands of
/// unlicensed files say nothing a license audit needs. `SPDXRef-DOCUMENT DESCRIBES X` (and
/// `documentDescribes`) make X a root. Relationships map per `SPDX2RelationshipType`; an unknown type
/// is kept as `depends-on` with a `spdx.unknown-relationship` warning.
struct SPDX2GraphBuilder {
    let path: String
    let format: InputFormat

    /// A relationship resolved to the edge it states, before its ends are checked.
    private struct Candidate {
        var from: String
        var to: String
        var meaning: SPDX2RelationshipType.Meaning
        var statedAs: String
        var comment: String?
        var location: SourceLocation
    }

    func build(_ document: SPDX2Document) -> SBOMDocument {
        var diagnostics = DiagnosticCollector(document.diagnostics)
        let origin = { (location: SourceLocation?) in Origin(file: path, format: format, location: location) }

        // Elements by SPDXID. A second definition is an error: reading on with either one would drop
        // the other's licenses.
        var indexByID: [String: Int] = [:]
        var elements: [SPDX2Document.Element] = []
        for element in document.elements {
            if let first = indexByID[element.spdxID] {
                let place = " (first at \(elements[first].location.line):\(elements[first].location.column))"
                diagnostics.error(
                    "spdx.duplicate-id",
                    "SPDXID '\(element.spdxID)' is defined again\(place); expected one definition per SPDXID",
                    at: element.location)
                continue
            }
            indexByID[element.spdxID] = elements.count
            elements.append(element)
        }
        let kinds = elements.map { kind(of: $0, diagnostics: &diagnostics) }
        if let version = document.specVersion, ["SPDX-2.0", "SPDX-2.1", "SPDX-2.2"].contains(version),
            let purpose = elements.lazy.compactMap(\.primaryPurpose).first
        {
            // `primaryPackagePurpose` arrived with SPDX 2.3: the label and the content disagree.
            diagnostics.error(
                "spdx.version-mismatch", "'primaryPackagePurpose' is an SPDX 2.3 field, but the document says '\(version)'",
                at: purpose.location)
        }

        // Roots and candidate edges.
        var rootIDs: [String] = []
        var rootSet: Set<String> = []
        func addRoot(_ id: String) {
            if rootSet.insert(id).inserted { rootIDs.append(id) }
        }
        for described in document.describes where !Self.isNoValue(described.value) {
            addRoot(described.value)
        }
        let isDocument = { (id: String) in id == document.documentID || (indexByID[id] == nil && id.hasPrefix("SPDXRef-DOCUMENT")) }
        var candidates: [Candidate] = []
        for relationship in document.relationships {
            let a = relationship.from.value.spdxTrimmed
            let b = relationship.to.value.spdxTrimmed
            let typeName = relationship.type.value.spdxTrimmed
            if Self.isNoValue(a) || Self.isNoValue(b) { continue }  // "no such relationship" / "unknown"
            guard let meaning = SPDX2RelationshipType.meaning(of: typeName) else {
                let aboutDocument = isDocument(a) || isDocument(b)
                diagnostics.warning(
                    "spdx.unknown-relationship",
                    "unknown relationship type '\(typeName)' between '\(a)' and '\(b)'; "
                        + (aboutDocument ? "ignored, since it is about the document itself" : "kept as depends-on"),
                    at: relationship.type.location)
                if !aboutDocument {
                    candidates.append(
                        Candidate(
                            from: a, to: b, meaning: .edge(.dependsOn, .forward), statedAs: typeName,
                            comment: relationship.comment, location: relationship.from.location))
                }
                continue
            }
            switch meaning {
            case .describes:
                if isDocument(a) { addRoot(b); continue }
            case .describedBy:
                if isDocument(b) { addRoot(a); continue }
            default:
                break
            }
            // Other statements about the document itself (it CONTAINS or is a COPY_OF something)
            // describe the file, not the product.
            if isDocument(a) || isDocument(b) { continue }
            let normalized =
                SPDX2RelationshipType.table[typeName] != nil ? typeName : SPDX2RelationshipType.normalizedName(typeName)
            let effective: SPDX2RelationshipType.Meaning =
                switch meaning {
                case .describes: .edge(.contains, .forward)
                case .describedBy: .edge(.contains, .reverse)
                default: meaning
                }
            candidates.append(
                Candidate(
                    from: a, to: b, meaning: effective, statedAs: normalized, comment: relationship.comment,
                    location: relationship.from.location))
        }

        // Containment that the document states without relationships.
        for element in elements where element.kind == .package {
            for file in element.hasFiles {
                candidates.append(
                    Candidate(
                        from: element.spdxID, to: file.value, meaning: .edge(.contains, .forward), statedAs: "hasFiles",
                        location: file.location))
            }
        }

        // Facts the lineage inference needs: how many model ancestors each model has, and which
        // descendant also depends on its ancestor.
        func endpoints(_ candidate: Candidate) -> (from: String, to: String) {
            let direction: SPDX2RelationshipType.Direction =
                switch candidate.meaning {
                case .edge(_, let direction), .lineage(let direction), .generated(let direction): direction
                default: .forward
                }
            return direction == .forward ? (candidate.from, candidate.to) : (candidate.to, candidate.from)
        }
        let kindOf = { (id: String) -> ComponentKind? in indexByID[id].map { kinds[$0] } }
        var modelAncestors: [String: Set<String>] = [:]
        var dependsPairs: Set<EdgeKey> = []
        for candidate in candidates {
            let (from, to) = endpoints(candidate)
            switch candidate.meaning {
            case .lineage:
                if kindOf(from) == .model, kindOf(to) == .model { modelAncestors[from, default: []].insert(to) }
            case .edge(.dependsOn, _):
                dependsPairs.insert(EdgeKey(from: from, to: to))
            default:
                break
            }
        }

        // Resolve every candidate to a kind.
        struct Resolved {
            var from: String
            var to: String
            var kind: EdgeKind
            var statedAs: String
            var location: SourceLocation
        }
        var resolved: [Resolved] = []
        for candidate in candidates {
            var (from, to) = endpoints(candidate)
            let kind: EdgeKind
            switch candidate.meaning {
            case .edge(let fixed, _):
                kind = fixed
            case .lineage:
                let descendantName = indexByID[from].map { elements[$0].fileName ?? elements[$0].name ?? "" } ?? ""
                kind = SPDXLineageInference.descendantKind(
                    descendant: kindOf(from) ?? .other, ancestor: kindOf(to) ?? .other, descendantName: descendantName,
                    comment: candidate.comment, modelAncestorCount: modelAncestors[from]?.count ?? 0,
                    alsoDependsOn: dependsPairs.contains(EdgeKey(from: from, to: to)))
            case .generated:
                kind = SPDXLineageInference.generatedKind(
                    generated: kindOf(from) ?? .other, source: kindOf(to) ?? .other, comment: candidate.comment)
            case .other:
                if let stated = SPDXLineageInference.otherKind(
                    comment: candidate.comment, from: kindOf(from) ?? .other, to: kindOf(to) ?? .other)
                {
                    kind = stated.kind
                    if stated.reversed { swap(&from, &to) }
                } else {
                    kind = .dependsOn
                    diagnostics.warning(
                        "spdx.other-relationship",
                        "relationship OTHER between '\(candidate.from)' and '\(candidate.to)' does not say what it is"
                            + (candidate.comment.map { " (comment '\($0)')" } ?? "") + "; kept as depends-on",
                        at: candidate.location)
                }
            case .describes, .describedBy:
                kind = .contains
            }
            resolved.append(Resolved(from: from, to: to, kind: kind, statedAs: candidate.statedAs, location: candidate.location))
        }

        // Which files and snippets are worth a component.
        var included = elements.map { $0.kind == .package }
        for (position, element) in elements.enumerated() where !included[position] {
            if rootSet.contains(element.spdxID) || kinds[position].isAIArtifact || Self.isUsable(element.licenseConcluded) {
                included[position] = true
            }
        }
        for edge in resolved where edge.kind != .contains {
            if let from = indexByID[edge.from] { included[from] = true }
            if let to = indexByID[edge.to] { included[to] = true }
        }
        // A snippet is part of the file it came from: that file (or, when the file is not a
        // component, whatever contains the file) is derived from the snippet.
        var containersOf: [String: [String]] = [:]
        for edge in resolved where edge.kind == .contains {
            containersOf[edge.to, default: []].append(edge.from)
        }
        for (position, element) in elements.enumerated() where element.kind == .snippet && included[position] {
            guard let source = element.snippetFromFile else { continue }
            var holders = [source.value]
            if let fileIndex = indexByID[source.value], !included[fileIndex] {
                let containers = (containersOf[source.value] ?? []).filter { id in indexByID[id].map { included[$0] } ?? false }
                if containers.isEmpty { included[fileIndex] = true } else { holders = containers }
            }
            for holder in holders {
                resolved.append(
                    Resolved(from: holder, to: element.spdxID, kind: .derivedFrom, statedAs: "snippetFromFile", location: source.location))
            }
        }

        // Components.
        var components: [Component] = []
        for (position, element) in elements.enumerated() where included[position] {
            components.append(component(element, kind: kinds[position], origin: origin(element.location)))
        }

        // Edges, with their ends checked.
        var edges: [Edge] = []
        var seen: Set<EdgeKey> = []
        var reportedExternal: Set<String> = []
        for edge in resolved {
            var usable = true
            for end in [edge.from, edge.to] {
                if end.hasPrefix("DocumentRef-") {
                    if reportedExternal.insert(end).inserted {
                        let documentID = String(end.prefix { $0 != ":" })
                        let namespace = document.externalDocuments[documentID].map { " ('\($0)')" } ?? ""
                        diagnostics.warning(
                            "spdx.external-reference",
                            "'\(end)' is an element of another document \(documentID)\(namespace); it stays a dangling reference unless that document is read too",
                            at: edge.location)
                    }
                } else if let position = indexByID[end] {
                    if !included[position] { usable = false }
                } else {
                    diagnostics.warning(
                        "spdx.dangling-reference", "relationship \(edge.statedAs) names '\(end)', which the document does not define",
                        at: edge.location)
                    usable = false
                }
            }
            guard usable, edge.from != edge.to else { continue }
            guard seen.insert(EdgeKey(from: edge.from, to: edge.to, kind: edge.kind)).inserted else { continue }
            edges.append(
                Edge(
                    from: ComponentRef(edge.from), to: ComponentRef(edge.to), kind: edge.kind, statedAs: edge.statedAs,
                    location: edge.location, origin: origin(edge.location)))
        }

        // Roots the document names but does not define are reported, not kept.
        var roots: [ComponentRef] = []
        for id in rootIDs {
            if let position = indexByID[id], included[position] {
                roots.append(ComponentRef(id))
            } else if id.hasPrefix("DocumentRef-") {
                roots.append(ComponentRef(id))
            } else {
                diagnostics.warning(
                    "spdx.dangling-reference", "the document describes '\(id)', which it does not define",
                    at: document.describes.first { $0.value == id }?.location ?? SourceLocation(file: path, line: 1, column: 1))
            }
        }

        var result = SBOMDocument(
            path: path, format: format, specVersion: document.specVersion, components: components, edges: edges,
            roots: roots, diagnostics: diagnostics.diagnostics)
        for license in document.extractedLicenses where result.extractedLicenses[license.id] == nil {
            result.extractedLicenses[license.id] = license
        }
        return result
    }

    // MARK: - Components

    private func component(_ element: SPDX2Document.Element, kind: ComponentKind, origin: Origin) -> Component {
        var properties: [String: String] = ["spdx.elementType": element.kind.rawValue]
        func keep(_ key: String, _ value: String?) {
            guard let value = value?.spdxTrimmed, !value.isEmpty, !Self.isNoValue(value) else { return }
            properties[key] = value
        }
        keep("downloadLocation", element.downloadLocation)
        keep("homepage", element.homepage)
        keep("fileName", element.fileName)
        keep(Component.copyrightProperty, element.copyrightText)
        keep("originator", element.originator)
        keep("spdx.licenseComments", element.licenseComments)
        keep("spdx.primaryPackagePurpose", element.primaryPurpose?.value)
        if !element.licenseInfo.isEmpty {
            let key =
                switch element.kind {
                case .package: "spdx.licenseInfoFromFiles"
                case .file: "spdx.licenseInfoInFiles"
                case .snippet: "spdx.licenseInfoInSnippets"
                }
            properties[key] = element.licenseInfo.map(\.value).joined(separator: ", ")
        }
        var hashes: [String: String] = [:]
        for checksum in element.checksums {
            hashes[Self.hashAlgorithmName(checksum.algorithm)] = checksum.value
        }
        let purl = element.externalReferences.first { $0.type.lowercased() == "purl" }?.locator.spdxTrimmed
        return Component(
            ref: ComponentRef(element.spdxID),
            name: element.name ?? element.fileName ?? element.spdxID,
            version: element.version,
            kind: kind,
            purl: purl,
            supplier: element.supplier.flatMap(Self.actorName),
            declaredLicense: element.licenseDeclared.map { LicenseStatement(LicenseText($0.value.spdxTrimmed, form: .expression, location: $0.location)) },
            concludedLicense: element.licenseConcluded.map { LicenseStatement(LicenseText($0.value.spdxTrimmed, form: .expression, location: $0.location)) },
            hashes: hashes,
            location: element.location,
            origins: [origin],
            properties: properties)
    }

    /// The kind from `primaryPackagePurpose`, overridden by AI hints (SPDX 2 has no model purpose).
    private func kind(of element: SPDX2Document.Element, diagnostics: inout DiagnosticCollector) -> ComponentKind {
        let purl = element.externalReferences.first { $0.type.lowercased() == "purl" }?.locator
        if let ai = SPDXArtifactHints.aiKind(
            purl: purl, names: [element.fileName, element.name], downloadLocation: element.downloadLocation,
            annotations: element.annotations)
        {
            return ai
        }
        switch element.kind {
        case .file, .snippet:
            return .file
        case .package:
            guard let purpose = element.primaryPurpose else { return .library }
            if let kind = Self.purposeKinds[Self.purposeKey(purpose.value)] { return kind }
            diagnostics.warning(
                "spdx.unknown-purpose",
                "unknown primaryPackagePurpose '\(purpose.value)'; expected APPLICATION, FRAMEWORK, LIBRARY, CONTAINER, OPERATING-SYSTEM, DEVICE, FIRMWARE, SOURCE, ARCHIVE, FILE, INSTALL or OTHER",
                at: purpose.location)
            return .library
        }
    }

    /// SPDX 2.3 clause 7.24 `PrimaryPackagePurpose` to the neutral kinds.
    static let purposeKinds: [String: ComponentKind] = [
        "APPLICATION": .application, "FRAMEWORK": .framework, "LIBRARY": .library, "CONTAINER": .container,
        "OPERATING-SYSTEM": .other, "DEVICE": .other, "FIRMWARE": .other, "SOURCE": .library, "ARCHIVE": .file,
        "FILE": .file, "INSTALL": .application, "OTHER": .other,
    ]

    /// `purpose_operatingSystem` (RDF) and `OPERATING_SYSTEM` spell `OPERATING-SYSTEM`.
    static func purposeKey(_ raw: String) -> String {
        var text = Substring(raw.spdxTrimmed)
        if let hash = text.lastIndex(of: "#") { text = text[text.index(after: hash)...] }
        if text.hasPrefix("purpose_") { text = text.dropFirst("purpose_".count) }
        var out = ""
        for character in text {
            if character.isUppercase, let last = out.last, last.isLowercase { out.append("-") }
            out += character == "_" ? "-" : character.uppercased()
        }
        return out
    }

    // MARK: - Values

    static func isNoValue(_ text: String) -> Bool {
        // Most values are ids or expressions of other lengths; only then is case folded.
        let count = text.utf8.count
        guard count == 4 || count == 11 else { return false }
        let upper = text.uppercased()
        return upper == "NOASSERTION" || upper == "NONE"
    }

    /// An edge's identity for deduplication, without allocating an array per edge.
    struct EdgeKey: Hashable {
        var from: String
        var to: String
        var kind: EdgeKind?
    }

    /// Whether a license field states an actual license (not missing, NOASSERTION or NONE).
    static func isUsable(_ text: SPDX2Document.Text?) -> Bool {
        guard let value = text?.value.spdxTrimmed, !value.isEmpty else { return false }
        return !isNoValue(value)
    }

    /// `Organization: Meta Platforms, Inc. (opensource@meta.com)` → `Meta Platforms, Inc.`.
    static func actorName(_ raw: String) -> String? {
        var text = Substring(raw.spdxTrimmed)
        if isNoValue(String(text)) || text.isEmpty { return nil }
        for prefix in ["Organization:", "Person:", "Tool:"] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count).drop { $0 == " " }
        }
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let name = text[..<open].spdxTrimmed
            if !name.isEmpty { text = Substring(name) }
        }
        let name = String(text).spdxTrimmed
        return name.isEmpty ? nil : name
    }

    /// `SHA256`, `checksumAlgorithm_sha256`, `sha3_256`, `BLAKE2b-256` in the `SHA-256` style.
    static func hashAlgorithmName(_ raw: String) -> String {
        var text = Substring(raw.spdxTrimmed)
        if let hash = text.lastIndex(of: "#") { text = text[text.index(after: hash)...] }
        if text.hasPrefix("checksumAlgorithm_") { text = text.dropFirst("checksumAlgorithm_".count) }
        let upper = text.uppercased().replacingUnderscores
        for family in ["SHA3-", "SHA"] where upper.hasPrefix(family) {
            let digits = upper.dropFirst(family.count).drop { $0 == "-" }
            if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return family == "SHA" ? "SHA-\(digits)" : "SHA3-\(digits)" }
        }
        if upper.hasPrefix("BLAKE2B") {
            let digits = upper.dropFirst("BLAKE2B".count).drop { $0 == "-" }
            return "BLAKE2b-\(digits)"
        }
        return upper
    }
}

extension String {
    /// The text without surrounding whitespace and line breaks.
    var spdxTrimmed: String {
        // Nearly every value has nothing to trim; checking the end bytes avoids a Character walk.
        if let first = utf8.first, let last = utf8.last, first > 0x20, last > 0x20, first < 0x80, last < 0x80 {
            return self
        }
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}

extension Substring {
    fileprivate var spdxTrimmed: String { String(self).spdxTrimmed }
}
