import PedigreeDiagnostics
import SafeJSON
import SafeYAML

/// A policy document as a small typed tree, whichever syntax (YAML or JSON) it was written in.
///
/// Both parsers already reject duplicate keys, bound depth and size, and record positions; this tree
/// only erases the difference in how they type scalars, so that the policy reader checks each key
/// once. YAML scalars are typed by the core schema (plain `true` is a bool, quoted `"true"` a string).
struct PolicyNode: Sendable {
    enum Value: Sendable {
        case null
        case bool(Bool)
        /// A number, as written.
        case number(String)
        case string(String)
        case list([PolicyNode])
        case map([Member])
    }

    struct Member: Sendable {
        var key: String
        var value: PolicyNode
    }

    var value: Value
    var location: SourceLocation

    /// What the value is, for messages: `a string`, `a list`, `a mapping`, `the number 3`.
    var typeDescription: String {
        switch value {
        case .null: "nothing (null)"
        case .bool(let flag): "the boolean \(flag)"
        case .number(let text): "the number \(text)"
        case .string(let text): "the string '\(text)'"
        case .list: "a list"
        case .map: "a mapping"
        }
    }

    /// The text of a string, or of a number (a version or name written without quotes).
    var text: String? {
        switch value {
        case .string(let text), .number(let text): text
        default: nil
        }
    }

    init(value: Value, location: SourceLocation) {
        self.value = value
        self.location = location
    }

    init(yaml node: YAMLNode) {
        location = node.location
        switch node.kind {
        case .scalar(let scalar):
            if node.isNull {
                value = .null
            } else if let flag = node.bool {
                value = .bool(flag)
            } else if node.int != nil || node.double != nil, scalar.isPlain || scalar.tag != nil {
                value = .number(scalar.value)
            } else {
                value = .string(scalar.value)
            }
        case .sequence(let items):
            value = .list(items.map(PolicyNode.init(yaml:)))
        case .mapping(let pairs):
            value = .map(pairs.map { pair in
                Member(key: pair.key.string ?? "", value: PolicyNode(yaml: pair.value))
            })
        }
    }

    init(json node: JSONValue, file: String) {
        location = node.location(in: file)
        switch node.kind {
        case .null: value = .null
        case .bool(let flag): value = .bool(flag)
        case .number(let text): value = .number(text)
        case .string(let text): value = .string(text)
        case .array(let items): value = .list(items.map { PolicyNode(json: $0, file: file) })
        case .object(let object):
            value = .map(object.members.map { Member(key: $0.key, value: PolicyNode(json: $0.value, file: file)) })
        }
    }
}
