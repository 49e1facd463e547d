import PedigreeDiagnostics
import SafeJSON
import SafeYAML

/// The view of a JSON, YAML or SPDX-XML node that the SPDX 2 structured parser needs.
///
/// The three serializations share one tree shape (the XML one repeats an element where JSON has an
/// array), so one parser reads them all through this protocol.
protocol SPDX2TreeNode: Sendable {
    /// The first value under `key`, when this node is an object.
    func member(_ key: String) -> Self?
    /// All values under `key`: the items of an array (JSON, YAML) or the repeated elements (XML).
    func members(_ key: String) -> [Self]
    /// The text of a scalar (a number as written); nil for objects, arrays and nulls.
    var scalarText: String? { get }
    /// Whether the value is a list; nil when the syntax cannot tell (XML repeats elements).
    var isArray: Bool? { get }
    /// Whether the value is a boolean rather than a string; nil when the syntax cannot tell.
    var isBoolean: Bool? { get }
    func sourceLocation(file: String) -> SourceLocation
}

extension JSONValue: SPDX2TreeNode {
    func member(_ key: String) -> JSONValue? { self[key] }

    func members(_ key: String) -> [JSONValue] {
        guard let value = self[key] else { return [] }
        if let items = value.array { return items }
        return value.isNull ? [] : [value]
    }

    var scalarText: String? {
        switch kind {
        case .string(let text): text
        case .number(let raw): raw
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    var isArray: Bool? { array != nil }

    var isBoolean: Bool? { bool != nil }

    func sourceLocation(file: String) -> SourceLocation { location(in: file) }
}

extension YAMLNode: SPDX2TreeNode {
    func member(_ key: String) -> YAMLNode? { self[key] }

    func members(_ key: String) -> [YAMLNode] {
        guard let value = self[key] else { return [] }
        if let items = value.sequence { return items }
        return value.isNull ? [] : [value]
    }

    var scalarText: String? { string }

    var isArray: Bool? { sequence != nil }

    var isBoolean: Bool? { bool != nil }

    func sourceLocation(file: String) -> SourceLocation { location }
}
