import PedigreeDiagnostics
import SafeJSON

/// The elements of an SPDX 3 JSON-LD document by `spdxId`, wherever the document writes them.
///
/// The 3.0.1 serialization lists every element flat in `@graph` and refers to others by IRI; real
/// documents also write one `SpdxDocument` whose `element` list holds whole element objects, and
/// embed elements where a reference is expected (`suppliedBy`, `createdBy`, a relationship's `to`).
/// JSON-LD reads an embedded node object as the node itself, so every object with an id and a type,
/// at any depth, is an element; each is made canonical (`SPDX3Terms`) before it is indexed.
///
/// Decisions: an element written twice with the same content, or with one copy adding properties
/// the other lacks (JSON-LD merges node objects of one id), is one element. Two copies that
/// disagree on a property are an error naming both places (`spdx.duplicate-id`): reading either
/// one would silently drop what the other states.
struct SPDX3ElementIndex {
    let path: String
    /// Elements by id, merged over their copies.
    private(set) var elements: [String: JSONValue] = [:]
    /// Element ids in the order of their first appearance.
    private(set) var order: [String] = []
    /// Relationship elements (with or without an id), in document order.
    private(set) var relationships: [JSONValue] = []
    private(set) var specVersion: String?
    /// Ids that the document imports from others (`import[].externalSpdxId`).
    private(set) var imported: Set<String> = []
    private(set) var diagnostics = DiagnosticCollector()

    /// Indexes the document: a `@graph`, an array of elements, or a single top-level element.
    init(document root: JSONValue, path: String) {
        self.path = path
        if let graph = root["@graph"] {
            visit(graph)
        } else {
            visit(root)
        }
    }

    /// Records the object (if an element) and everything nested in it.
    ///
    /// - Complexity: O(n) in the size of the document; depth is bounded by the JSON parser.
    private mutating func visit(_ value: JSONValue) {
        switch value.kind {
        case .array(let items):
            for item in items { visit(item) }
        case .object(let object):
            record(SPDX3Terms.canonical(value))
            for member in object.members where member.key != "@context" {
                switch member.value.kind {
                case .array, .object: visit(member.value)
                default: continue
                }
            }
        default:
            return
        }
    }

    private mutating func record(_ element: JSONValue) {
        let type = SPDX3GraphBuilder.typeName(element)
        if specVersion == nil, type == "CreationInfo" { specVersion = element["specVersion"]?.string }
        if specVersion == nil, let inline = element["creationInfo"], inline.object != nil {
            specVersion = inline["specVersion"]?.string
        }
        for entry in element["import"]?.array ?? [] {
            if let id = entry["externalSpdxId"]?.string { imported.insert(id) }
        }
        let id = element["spdxId"]?.string ?? element["@id"]?.string
        guard let id, !type.isEmpty else {
            if element["relationshipType"] != nil { relationships.append(element) }
            return
        }
        guard let first = elements[id] else {
            elements[id] = element
            order.append(id)
            if element["relationshipType"] != nil { relationships.append(element) }
            return
        }
        if first.hasSameContent(as: element) { return }
        if let merged = Self.merged(first, element) {
            elements[id] = merged
            return
        }
        let firstPlace = first.location(in: path)
        diagnostics.error(
            "spdx.duplicate-id",
            "spdxId '\(id)' is defined again with different content (first at \(firstPlace.line):\(firstPlace.column)); expected one definition per id",
            at: element.location(in: path))
        if element["relationshipType"] != nil { relationships.append(element) }
    }

    /// The two copies as one object when no property they share differs; `nil` when one does.
    private static func merged(_ first: JSONValue, _ second: JSONValue) -> JSONValue? {
        guard let firstObject = first.object, let secondObject = second.object else { return nil }
        var members = firstObject.members
        for member in secondObject.members {
            if let stated = firstObject[member.key] {
                guard stated.hasSameContent(as: member.value) else { return nil }
            } else {
                members.append(member)
            }
        }
        return JSONValue(.object(JSONObject(members)), line: first.line, column: first.column)
    }
}
