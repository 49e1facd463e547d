import PedigreeModel

/// Writes the lineage graph as a Mermaid flowchart, for Markdown pages that render Mermaid.
///
/// Node ids are generated (`n0`, `n1`…), never taken from input; labels are quoted and every
/// character Mermaid or the Markdown around it could interpret (`"`, `<`, `>`, `&`, `#`, backtick) is
/// written as a Mermaid entity code, so input text cannot end a label or inject HTML.
public struct MermaidGraphWriter: Sendable {
    public init() {}

    public func write(_ graph: LineageGraph) -> String {
        let roots = Set(graph.roots)
        var out = "flowchart LR\n"
        for (index, component) in graph.components.enumerated() {
            let label = GraphLabel.lines(component).map(escaped).joined(separator: "<br/>")
            let (open, close): (String, String) =
                switch component.kind {
                case .model: ("{{", "}}")
                case .dataset: ("[(", ")]")
                case .service: ("([", "])")
                default: ("[", "]")
                }
            out += "  n\(index)\(open)\"\(label)\"\(close)"
            if roots.contains(index) { out += ":::product" }
            out += "\n"
        }
        for (edge, ends) in zip(graph.edges, graph.endpoints) {
            let arrow = edge.kind.isNotShipped ? "-.->" : "-->"
            out += "  n\(ends.from) \(arrow)|\(edge.kind.rawValue)| n\(ends.to)\n"
        }
        out += "  classDef product stroke-width:3px\n"
        return out
    }

    func escaped(_ text: String) -> String {
        if GraphLabel.isPlainASCII(text, except: "\"<>&#`") { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "#": out += "#35;"
            case "`": out += "#96;"
            case "\n", "\t": out += " "
            default:
                if GraphLabel.isControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
