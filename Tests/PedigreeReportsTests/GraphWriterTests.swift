import PedigreeDiagnostics
import PedigreeEngine
import PedigreeLicenses
import PedigreeModel
import PedigreeReports
import Testing

@Suite("Graph writers: DOT, Mermaid and JSON, with input text escaped")
struct GraphWriterTests {
    /// A two-node graph whose names try to break out of every output format.
    static let hostile: LineageGraph = {
        let app = Component(
            ref: "app\"];evil[", name: "app\" -> \"x\n<script>`#&", version: "1\\N",
            kind: .application, declaredLicense: LicenseStatement(LicenseText("MIT", form: .id)),
            location: SourceLocation(file: "bom.json", line: 3, column: 5))
        let model = Component(ref: "model", name: "m\u{1B}[31m\u{202E}", kind: .model)
        return LineageGraph(
            components: [app, model],
            edges: [Edge(from: app.ref, to: "model", kind: .fineTunedFrom, statedAs: "pedigree.ancestors")],
            roots: [app.ref])
    }()

    @Test func dotMarksBlockingComponentsAndAttachedEdgesLikeTheHTML() {
        let license = { (id: String) in LicenseStatement(LicenseText(id, form: .id)) }
        let graph = LineageGraph(
            components: [
                Component(ref: "app", name: "app", kind: .application),
                Component(ref: "nc", name: "nc-model", kind: .model, declaredLicense: license("CC-BY-NC-4.0")),
                Component(ref: "lib", name: "lib", kind: .library, declaredLicense: license("MIT")),
                Component(ref: "loose", name: "loose", kind: .library, declaredLicense: license("MIT")),
            ],
            edges: [Edge(from: "app", to: "nc", kind: .dependsOn), Edge(from: "app", to: "lib", kind: .dependsOn)],
            roots: ["app"])
        let audit = Engine.audit(
            graph: graph, context: ProductContext(name: "app", commercial: true, distribution: [.binary]),
            catalog: KnowledgeBase.shared)
        let dot = DOTGraphWriter().write(graph, audit: audit)
        #expect(dot.contains(##""nc" [label="nc-model\nmodel · CC-BY-NC-4.0", shape=hexagon, color="#b3261e", fontcolor="#b3261e", penwidth=2];"##))
        #expect(dot.contains(#""lib" [label="lib\nlibrary · MIT"];"#))
        #expect(dot.contains(#""app" -> "loose" [label="dynamic-link (attached)", style=dotted];"#))
        // Without an audit nothing is marked and nothing attached.
        let plain = DOTGraphWriter().write(graph)
        #expect(!plain.contains("#b3261e") && !plain.contains("attached"))
    }

    @Test func dotQuotesEveryIdentifierAndLabel() {
        let dot = DOTGraphWriter().write(Self.hostile)
        #expect(dot.hasPrefix("digraph lineage {\n"))
        #expect(dot.contains(#""app\"];evil[" [label="app\" -> \"x\n<script>`#& 1\\N\napplication · MIT", peripheries=2];"#))
        #expect(dot.contains(#""app\"];evil[" -> "model" [label="fine-tuned-from"];"#))
        #expect(!dot.contains("\u{1B}"))
        #expect(!dot.contains("\u{202E}"))
        #expect(dot.contains("shape=hexagon"))
    }

    @Test func mermaidUsesGeneratedIDsAndEntityCodes() {
        let mermaid = MermaidGraphWriter().write(Self.hostile)
        #expect(mermaid.hasPrefix("flowchart LR\n"))
        #expect(mermaid.contains(#"n0["app#quot; -#gt; #quot;x #lt;script#gt;#96;#35;#amp; 1\N<br/>application · MIT"]:::product"#))
        #expect(mermaid.contains("n0 -->|fine-tuned-from| n1"))
        #expect(!mermaid.contains("<script>"))
        #expect(!mermaid.contains("\u{1B}"))
    }

    @Test func jsonKeepsTheCharactersEscaped() {
        let json = JSONGraphWriter().write(Self.hostile)
        #expect(json.contains(#""roots": ["app\"];evil["]"#))
        #expect(json.contains(#""name": "app\" -> \"x\n<script>`#&""#))
        #expect(json.contains(#""name": "m\u001b[31m"#))
        #expect(json.contains(#""location": {"file": "bom.json", "line": 3, "column": 5}"#))
        #expect(json.contains(#"{"from": "app\"];evil[", "to": "model", "kind": "fine-tuned-from", "statedAs": "pedigree.ancestors", "location": null}"#))
        #expect(json.contains(#""declaredLicense": "MIT""#))
    }

    @Test func writersAreDeterministic() {
        #expect(JSONGraphWriter().write(Self.hostile) == JSONGraphWriter().write(Self.hostile))
        #expect(DOTGraphWriter().write(Self.hostile) == DOTGraphWriter().write(Self.hostile))
    }
}
