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
        out.reserveCapacity(graph.components.count * 320 + graph.edges.count * 160)
        for (position, root) in graph.roots.enumerated() {
            if position > 0 { out += ", " }
            out += string(graph.components[root].ref.rawValue)
        }
        out += "],\n  \"components\": ["
        for (position, component) in graph.components.enumerated() {
            out += position > 0 ? ",\n    " : "\n    "
            write(component, to: &out)
        }
        out += graph.components.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"relationships\": ["
        for (position, edge) in graph.edges.enumerated() {
            out += position > 0 ? ",\n    " : "\n    "
            write(edge, to: &out)
        }
        out += graph.edges.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    private func write(_ component: Component, to out: inout String) {
        out += "{\"ref\": " + string(component.ref.rawValue)
        out += ", \"name\": " + string(component.name)
        out += ", \"version\": " + optional(component.version)
        out += ", \"kind\": \"" + component.kind.rawValue + "\""
        out += ", \"purl\": " + optional(component.purl)
        out += ", \"supplier\": " + optional(component.supplier)
        out += ", \"declaredLicense\": " + license(component.declaredLicense)
        out += ", \"concludedLicense\": " + license(component.concludedLicense)
        out += ", \"location\": " + location(component.location)
        out += ", \"origins\": ["
        for (position, origin) in component.origins.enumerated() {
            if position > 0 { out += ", " }
            out += "{\"file\": " + string(origin.file) + ", \"format\": \"" + origin.format.rawValue + "\"}"
        }
        out += "]}"
    }

    private func write(_ edge: Edge, to out: inout String) {
        out += "{\"from\": " + string(edge.from.rawValue)
        out += ", \"to\": " + string(edge.to.rawValue)
        out += ", \"kind\": \"" + edge.kind.rawValue + "\""
        out += ", \"statedAs\": " + optional(edge.statedAs)
        out += ", \"location\": " + location(edge.location) + "}"
    }

    private func license(_ statement: LicenseStatement?) -> String {
        guard let statement, !statement.parts.isEmpty else { return "null" }
        return string(statement.displayText)
    }

    private func location(_ location: SourceLocation?) -> String {
        guard let location else { return "null" }
        return "{\"file\": " + string(location.file) + ", \"line\": " + String(location.line) + ", \"column\": "
            + String(location.column) + "}"
    }

    private func optional(_ text: String?) -> String { text.map(string) ?? "null" }

    func string(_ text: String) -> String { JSONNode.quoted(text) }
}
