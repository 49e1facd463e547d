import PedigreeEngine
import PedigreeModel

/// Writes the lineage graph in Graphviz DOT, one node per component and one labelled arrow per edge.
///
/// Every input string is written inside a DOT double-quoted string with `\` and `"` escaped and
/// line breaks and other controls replaced, so that a component name cannot end the string, add
/// attributes or smuggle Graphviz escape sequences (`\N`, `\l`) into a label.
///
/// Given the audit of the graph, it draws what the HTML drawing shows: components that must act on a
/// blocking finding (its `component`: a misnamed derivative, not its base model) outlined in red, and the edges Pedigree attached to reach unreached components, dotted.
public struct DOTGraphWriter: Sendable {
    public init() {}

    public func write(_ graph: LineageGraph, audit: AuditResult? = nil) -> String {
        let roots = Set(graph.roots)
        let flagged = Set(audit?.blocking.map(\.component) ?? [])
        var out = "digraph lineage {\n"
        if audit != nil { out += "  // red: must act on a blocking finding; dotted: attached to the product by Pedigree\n" }
        out += "  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        for (index, component) in graph.components.enumerated() {
            var attributes = ["label=\(quoted(GraphLabel.lines(component).joined(separator: "\n")))"]
            switch component.kind {
            case .model: attributes.append("shape=hexagon")
            case .dataset: attributes.append("shape=cylinder")
            case .service: attributes.append("shape=component")
            default: break
            }
            if roots.contains(index) { attributes.append("peripheries=2") }
            if flagged.contains(component.ref) { attributes += ["color=\"#b3261e\"", "fontcolor=\"#b3261e\"", "penwidth=2"] }
            out += "  \(quoted(component.ref.rawValue)) [\(attributes.joined(separator: ", "))];\n"
        }
        for edge in graph.edges {
            var attributes = ["label=\(quoted(edge.kind.rawValue))"]
            if edge.kind.isNotShipped { attributes.append("style=dashed") }
            out += "  \(quoted(edge.from.rawValue)) -> \(quoted(edge.to.rawValue)) [\(attributes.joined(separator: ", "))];\n"
        }
        for attached in (audit?.relationships ?? []) where attached.attached {
            let label = quoted(attached.kind.rawValue + " (attached)")
            out += "  \(quoted(attached.from.rawValue)) -> \(quoted(attached.to.rawValue)) [label=\(label), style=dotted];\n"
        }
        out += "}\n"
        return out
    }

    /// A DOT double-quoted string; line breaks become DOT's `\n`, other controls are dropped.
    func quoted(_ text: String) -> String {
        if GraphLabel.isPlainASCII(text, except: "\\\"") { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default:
                if GraphLabel.isControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
