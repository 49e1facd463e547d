import PedigreeEngine
import PedigreeModel

/// Draws the lineage graph of an audit as inline SVG for the HTML report, with `LineageLayout`.
///
/// Components are labelled boxes (name and version; kind and license in force), relationships are
/// arrows from the user to what it uses, labelled with their kind; dev/build/test relationships are
/// dashed, edges Pedigree added to attach unreached components dotted. The product is outlined
/// thickly and components that must act on a blocking finding (its `component`) in red. Labels are written in full,
/// wrapped onto as many lines as they need (after spaces, `/`, `-`, `_` or `:` where possible),
/// and every box is as tall as the longest label needs; each box's `<title>` repeats them with the ref. All input text is escaped with `HTMLText`.
/// The drawing is styled by the page's CSS classes, so it needs no attributes with input in them.
struct LineageDiagram {
    /// Above this many components the drawing would be unreadable; the report says so instead.
    static let maxComponents = 150
    /// Characters per label line in a 220-unit box.
    static let labelLength = 30
    static let lineHeight = 16

    /// The SVG element, or nil when the graph has too many components to draw.
    static func svg(_ digest: ReportDigest) -> String? {
        let result = digest.result
        let count = result.components.count
        guard count > 0, count <= maxComponents else { return nil }
        var index: [ComponentRef: Int] = [:]
        for (position, component) in result.components.enumerated() where index[component.ref] == nil {
            index[component.ref] = position
        }
        var edges: [(from: Int, to: Int)] = []
        var drawn: [AuditedRelationship] = []
        for relationship in result.relationships {
            guard let from = index[relationship.from], let to = index[relationship.to] else { continue }
            edges.append((from, to))
            drawn.append(relationship)
        }
        let roots = result.components.enumerated().filter(\.element.isProduct).map(\.offset)
        let boxLabels = result.components.map { component in
            (name: wrap(digest.label(component.ref)), meta: wrap(component.kind.rawValue + " · " + digest.licenseText(component)))
        }
        let labelLines = boxLabels.map { $0.name.count + $0.meta.count }.max() ?? 2
        let layout = LineageLayout(
            count: count, edges: edges, roots: roots, nodeHeight: max(LineageLayout.nodeHeight, 12 + labelLines * lineHeight))
        let flagged = Set(digest.blocking.map(\.component))
        let w = LineageLayout.nodeWidth
        let h = layout.nodeHeight

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lineage\" viewBox=\"0 0 \(layout.width) \(layout.height)\" width=\"\(layout.width)\" height=\"\(layout.height)\" role=\"img\" aria-label=\"Lineage graph of \(HTMLText.escape(digest.productName))\">\n"
        out += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>\n"
        var lines = ""
        var labels = ""
        for position in edges.indices {
            let relationship = drawn[position]
            var classes = ["edge"]
            if relationship.kind.isNotShipped { classes.append("not-shipped") }
            if relationship.attached { classes.append("attached") }
            if layout.backEdges.contains(position) { classes.append("cycle") }
            let points = layout.routes[position].map { "\($0.x),\($0.y)" }.joined(separator: " ")
            lines += "<polyline class=\"\(classes.joined(separator: " "))\" points=\"\(points)\" marker-end=\"url(#arrow)\"/>\n"
            let label = relationship.kind.rawValue + (relationship.attached ? " (attached)" : "")
            let at = layout.labels[position]
            labels += "<text class=\"edge-label\" x=\"\(at.x)\" y=\"\(at.y + 4)\" text-anchor=\"middle\">\(HTMLText.escape(label))</text>\n"
        }
        out += "<g class=\"edges\">\n" + lines + labels + "</g>\n<g class=\"nodes\">\n"
        for (position, component) in result.components.enumerated() {
            let node = layout.nodes[position]
            var classes = ["node", component.kind.rawValue]
            if component.isProduct { classes.append("product") }
            if !component.ships { classes.append("not-shipped") }
            if flagged.contains(component.ref) { classes.append("flagged") }
            let first = digest.label(component.ref)
            let second = component.kind.rawValue + " · " + digest.licenseText(component)
            out += "<g class=\"\(classes.joined(separator: " "))\"><title>\(HTMLText.escape(first + "\n" + second + "\n" + component.ref.rawValue))</title>"
            out += "<rect x=\"\(node.x)\" y=\"\(node.y)\" width=\"\(w)\" height=\"\(h)\" rx=\"6\"/>"
            let label = boxLabels[position]
            out += text("name", label.name, x: node.x + 10, y: node.y + 18)
            out += text("meta", label.meta, x: node.x + 10, y: node.y + 18 + label.name.count * lineHeight) + "</g>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// One `<text>` with a `<tspan>` per line, the first at `y`.
    static func text(_ role: String, _ lines: [String], x: Int, y: Int) -> String {
        var out = "<text class=\"\(role)\" x=\"\(x)\" y=\"\(y)\">"
        for (index, line) in lines.enumerated() {
            out += "<tspan x=\"\(x)\"\(index == 0 ? "" : " dy=\"\(lineHeight)\"")>\(HTMLText.escape(line))</tspan>"
        }
        return out + "</text>"
    }

    /// The whole text in lines of at most `labelLength` characters, broken after a space or a
    /// separator where one falls in the line; a run without any is broken at the width.
    static func wrap(_ text: String) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while rest.count > labelLength {
            let window = rest.prefix(labelLength)
            let cut = window.lastIndex { " /-_:".contains($0) }.map { rest.index(after: $0) } ?? window.endIndex
            lines.append(String(rest[..<cut]).trimmingTrailingSpaces)
            rest = rest[cut...].drop { $0 == " " }
        }
        if !rest.isEmpty || lines.isEmpty { lines.append(String(rest)) }
        return lines
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
