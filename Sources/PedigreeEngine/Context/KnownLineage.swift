import PedigreeDiagnostics
import PedigreeLicenses
import PedigreeModel

/// Adds to a graph the lineage the knowledge base knows and the inputs leave out: a model whose card
/// states only the license of its code (Ziya-LLaMA says GPL-3.0) gains the base its weights come from
/// (LLaMA 1) and the derivative edge, so the base's terms reach the product like any stated base's.
///
/// Nothing is added where the inputs already state a derivative edge to that base, or to a component
/// under the base's license; a base the inputs list but do not link is linked rather than duplicated.
enum KnownLineage {
    /// The prefix of the refs of components only the knowledge base states.
    static let refPrefix = "knowledge-base:"
    /// How audits name the origin of the edges added here.
    static let origin = "knowledge base"

    /// - Complexity: O(V) lookups in the knowledge base, plus O(V) once some component has a known base.
    static func extend(_ graph: LineageGraph, catalog: any LicenseCatalog) -> (LineageGraph, [Diagnostic]) {
        var additions = Additions(graph: graph)
        for (node, component) in graph.components.enumerated() {
            let bases = catalog.knownBases(purl: component.purl, name: component.name, version: component.version)
            for base in bases where !additions.statesBase(base, of: node, catalog: catalog) {
                additions.link(node, to: base)
            }
        }
        guard !additions.edges.isEmpty else { return (graph, []) }
        var extended = LineageGraph(
            components: graph.components + additions.components, edges: graph.edges + additions.edges,
            roots: graph.roots.map { graph.components[$0].ref })
        extended.rootsAreInferred = graph.rootsAreInferred
        return (extended, additions.diagnostics)
    }

    private struct Additions {
        let graph: LineageGraph
        var components: [Component] = []
        var edges: [Edge] = []
        var diagnostics: [Diagnostic] = []
        /// Components of the graph by lower-cased Hugging Face id or name, built on first need.
        private var byIdentity: [String: ComponentRef]?

        init(graph: LineageGraph) { self.graph = graph }

        /// Whether the inputs already state a derivative edge from `node` to this base or to a
        /// component under the base's license.
        func statesBase(_ base: KnownBaseFact, of node: Int, catalog: any LicenseCatalog) -> Bool {
            graph.outgoing[node].contains { edgeIndex in
                guard graph.edges[edgeIndex].kind.isDerivative else { return false }
                let target = graph.components[graph.endpoints[edgeIndex].to]
                if Self.identities(of: target).contains(base.identifier.lowercased()) { return true }
                let stated = target.effectiveLicense?.parts.map(\.raw) ?? []
                if stated.contains(where: { $0.caseInsensitiveCompare(base.license) == .orderedSame }) { return true }
                return catalog.knownLicense(purl: target.purl, name: target.name, version: target.version)?.license
                    == base.license
            }
        }

        mutating func link(_ node: Int, to base: KnownBaseFact) {
            let derivative = graph.components[node]
            let key = base.identifier.lowercased()
            let baseRef: ComponentRef
            if let listed = existingComponent(key) {
                baseRef = listed
            } else if let added = components.first(where: { $0.name.lowercased() == key }) {
                baseRef = added.ref
            } else {
                baseRef = ComponentRef(KnownLineage.refPrefix + base.identifier)
                components.append(Component(
                    ref: baseRef, name: base.identifier, kind: .model,
                    purl: base.identifier.hasPrefix("pkg:") ? base.identifier : "pkg:huggingface/" + base.identifier,
                    declaredLicense: LicenseStatement(LicenseText(base.license)),
                    properties: ["knowledge.sources": base.sources.joined(separator: " ")]))
            }
            edges.append(Edge(from: derivative.ref, to: baseRef, kind: base.relationship, statedAs: KnownLineage.origin))
            let sources = base.sources.isEmpty ? "" : " (" + base.sources.joined(separator: ", ") + ")"
            diagnostics.append(.note(
                "knowledge.known-base",
                "'\(derivative.name)' is \(base.relationship.rawValue) \(base.identifier) under \(base.license), as the knowledge base states\(sources); the lineage includes it",
                at: derivative.location))
        }

        private mutating func existingComponent(_ key: String) -> ComponentRef? {
            if byIdentity == nil {
                var index: [String: ComponentRef] = [:]
                for component in graph.components {
                    for identity in Self.identities(of: component) where index[identity] == nil {
                        index[identity] = component.ref
                    }
                }
                byIdentity = index
            }
            return byIdentity?[key]
        }

        /// A component's lower-cased name and, for a Hugging Face purl, its `org/name`.
        static func identities(of component: Component) -> [String] {
            var identities = [component.name.lowercased()]
            let prefix = "pkg:huggingface/"
            if let purl = component.purl?.lowercased(), purl.hasPrefix(prefix) {
                var id = Substring(purl.dropFirst(prefix.count))
                if let cut = id.firstIndex(where: { $0 == "@" || $0 == "?" || $0 == "#" }) { id = id[..<cut] }
                identities.append(String(id))
            }
            return identities
        }
    }
}
