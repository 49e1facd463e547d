import PedigreeDiagnostics
import PedigreeModel

/// Writes the lineage graph as JSON: roots, components and relationships, in graph order.
///
/// Strings keep their original characters, escaped as JSON requires (quotes, backslashes and all
/// controls); keys are written in a fixed order so that the output is byte-for-byte reproducible.
public struct JSONGraphWriter: Sendable {
    public init() {}

    public func write(_ graph: LineageGraph) -> String {
        var out = "{\n  \"schemaVersion\": 1,\n  \"roots\": ["
        out += graph.roots.map { string(graph.components[$0].ref.rawValue) }.joined(separator: ", ")
        out += "],\n  \"components\": ["
        out += graph.components.map { "\n    " + component($0) }.joined(separator: ",")
        out += graph.components.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"relationships\": ["
        out += graph.edges.map { "\n    " + relationship($0) }.joined(separator: ",")
        out += graph.edges.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    private func component(_ component: Component) -> String {
        var fields = [
            ("ref", string(component.ref.rawValue)), ("name", string(component.name)),
            ("version", optional(component.version)), ("kind", string(component.kind.rawValue)),
            ("purl", optional(component.purl)), ("supplier", optional(component.supplier)),
            ("declaredLicense", license(component.declaredLicense)),
            ("concludedLicense", license(component.concludedLicense)),
            ("location", location(component.location)),
        ]
        let origins = component.origins.map { "{\"file\": \(string($0.file)), \"format\": \(string($0.format.rawValue))}" }
        fields.append(("origins", "[" + origins.joined(separator: ", ") + "]"))
        return object(fields)
    }

    private func relationship(_ edge: Edge) -> String {
        object([
            ("from", string(edge.from.rawValue)), ("to", string(edge.to.rawValue)), ("kind", string(edge.kind.rawValue)),
            ("statedAs", optional(edge.statedAs)), ("location", location(edge.location)),
        ])
    }

    private func license(_ statement: LicenseStatement?) -> String {
        guard let statement, !statement.parts.isEmpty else { return "null" }
        return string(statement.displayText)
    }

    private func location(_ location: SourceLocation?) -> String {
        guard let location else { return "null" }
        return "{\"file\": \(string(location.file)), \"line\": \(location.line), \"column\": \(location.column)}"
    }

    private func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    private func optional(_ text: String?) -> String { text.map(string) ?? "null" }

    /// A JSON string literal (RFC 8259 §7): `"` and `\` escaped, controls as `\u00XX`.
    func string(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
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
