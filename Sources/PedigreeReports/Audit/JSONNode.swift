/// A JSON value built in memory and printed with keys in the order given, so that reports are
/// byte-for-byte reproducible (no dictionaries, no timestamps).
public indirect enum JSONNode: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONNode])
    case object([Member])

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONNode

        public init(_ key: String, _ value: JSONNode) {
            self.key = key
            self.value = value
        }
    }

    public static func optional(_ text: String?) -> JSONNode { text.map(JSONNode.string) ?? .null }

    /// Two-space indented text ending in a newline; empty arrays and objects stay on one line.
    public func rendered() -> String {
        var out = ""
        render(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private func render(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value):
            if value.isFinite, value.rounded() == value, abs(value) < 1e15 {
                out += String(Int64(value))
            } else if value.isFinite {
                out += String(value)
            } else {
                out += "null"
            }
        case .string(let text): out += Self.quoted(text)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (position, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.render(into: &out, indent: indent + 2)
                out += position + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            for (position, member) in members.enumerated() {
                out += String(repeating: " ", count: indent + 2) + Self.quoted(member.key) + ": "
                member.value.render(into: &out, indent: indent + 2)
                out += position + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string literal (RFC 8259 §7): quote, backslash and controls escaped; the Unicode line and
    /// paragraph separators too, so the output is also safe to embed in JavaScript.
    static func quoted(_ text: String) -> String {
        // Most strings need no escape; 0xE2 leads the UTF-8 of U+2028 and U+2029.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
