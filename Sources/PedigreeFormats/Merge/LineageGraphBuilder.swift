import PedigreeDiagnostics
import PedigreeModel

/// The merged graph of a run, with what merging had to say about it.
public struct MergedLineage: Sendable {
    public var graph: LineageGraph
    /// Duplicate refs, dangling references, cycles, disagreeing facts: warnings with positions.
    public var diagnostics: [Diagnostic]
    /// For each document given, in order: its own refs → the graph's refs.
    public var refMaps: [[ComponentRef: ComponentRef]]
    /// True when no input named a product, so the roots are the components nothing points to.
    public var rootsAreInferred: Bool { graph.rootsAreInferred }
}

/// Merges the documents of a run into one lineage graph.
///
/// Lives with the readers rather than in the model because deciding that two components are one
/// needs format knowledge (package URLs, Hugging Face URLs), which the neutral model stays free of.
///
/// Rules:
/// - Components of different documents are one node when they share a purl (ignoring qualifiers,
///   keeping the version), else a Hugging Face id, else name and version; the first statement's facts
///   win and later ones fill what it lacks; every origin is kept. Within one document, only equal refs
///   merge (the document already said which entries are distinct), with a `graph.duplicate-ref` warning.
/// - Refs keep the input's own id, numbered (`ref#2`) when another input used the same id for
///   something else.
/// - An edge end is looked up in its own document first, then in the whole graph (by ref, purl,
///   Hugging Face id or an unambiguous name), so that a manifest can relate components of other
///   inputs. An end found nowhere is a `graph.dangling-reference` warning and the edge is left out.
/// - Roots: the manifest's product if one names it; else every document's product that is not itself
///   used by another component; else (no product anywhere) each component that is the `to` of no edge.
/// - Cycles are reported once each (`graph.cycle`), with the refs around the loop.
///
/// - Complexity: O(V + E) expected (hash lookups), for V components and E edges over all documents.
public struct LineageGraphBuilder: Sendable {
    private var documents: [SBOMDocument] = []

    public init() {}

    public mutating func add(_ document: SBOMDocument) { documents.append(document) }

    public static func build(_ documents: [SBOMDocument]) -> MergedLineage {
        var builder = LineageGraphBuilder()
        for document in documents { builder.add(document) }
        return builder.build()
    }

    public func build() -> MergedLineage {
        var state = MergeState()
        state.reserve(components: documents.reduce(0) { $0 + $1.components.count }, edges: documents.reduce(0) { $0 + $1.edges.count })
        var refMaps: [[ComponentRef: Int]] = []
        refMaps.reserveCapacity(documents.count)
        for (documentIndex, document) in documents.enumerated() {
            refMaps.append(state.addComponents(of: document, documentIndex: documentIndex))
        }
        for (documentIndex, document) in documents.enumerated() {
            state.addEdges(of: document, localRefs: refMaps[documentIndex])
        }
        let (roots, inferred) = state.roots(documents: documents, refMaps: refMaps)
        var graph = LineageGraph(components: state.nodes, edges: state.edges, endpoints: state.edgeEnds, roots: roots.map { state.nodes[$0].ref })
        graph.rootsAreInferred = inferred
        state.reportCycles(in: graph)
        let publicMaps = refMaps.map { map in map.mapValues { state.nodes[$0].ref } }
        return MergedLineage(graph: graph, diagnostics: state.diagnostics.diagnostics, refMaps: publicMaps)
    }
}

/// The mutable work of one merge.
private struct MergeState {
    var nodes: [Component] = []
    var edges: [Edge] = []
    var edgeEnds: [(from: Int, to: Int)] = []
    var diagnostics = DiagnosticCollector()
    /// The last document that mapped a component onto each node (documents are added in order).
    private var lastDocument: [Int] = []
    private var indexByRef: [String: Int] = [:]
    private var indexByPurl: [String: Int] = [:]
    private var indexByHuggingFaceID: [String: Int] = [:]
    /// The first node with each name@version: later same-named entries of one document stay distinct,
    /// and a lookup never scans a list (merging stays linear even with thousands of `index.js`).
    private var indexByNameVersion: [String: Int] = [:]
    /// Name → node, or `ambiguousName` when several nodes share the name.
    private var indexByName: [String: Int] = [:]
    private static let ambiguousName = -1
    private var identities: [ComponentIdentity] = []
    private var edgeKeys: Set<EdgeKey> = []

    private struct EdgeKey: Hashable {
        var from: Int
        var to: Int
        var kind: EdgeKind
    }

    mutating func reserve(components: Int, edges: Int) {
        nodes.reserveCapacity(components)
        lastDocument.reserveCapacity(components)
        identities.reserveCapacity(components)
        indexByRef.reserveCapacity(components)
        indexByPurl.reserveCapacity(components)
        indexByNameVersion.reserveCapacity(components)
        indexByName.reserveCapacity(components)
        self.edges.reserveCapacity(edges)
        edgeEnds.reserveCapacity(edges)
        edgeKeys.reserveCapacity(edges)
    }

    // MARK: Components

    mutating func addComponents(of document: SBOMDocument, documentIndex: Int) -> [ComponentRef: Int] {
        var local: [ComponentRef: Int] = [:]
        local.reserveCapacity(document.components.count)
        for component in document.components {
            if let existing = local[component.ref] {
                let first = nodes[existing].location.map { " (first at \($0))" } ?? ""
                diagnostics.warning(
                    "graph.duplicate-ref", "'\(component.ref)' is defined more than once in '\(document.path)'\(first)",
                    at: component.location)
                merge(component, into: existing)
                continue
            }
            let identity = ComponentIdentity(component)
            if let match = match(identity, documentIndex: documentIndex) {
                merge(component, into: match)
                lastDocument[match] = documentIndex
                index(identity, node: match)
                local[component.ref] = match
            } else {
                let node = nodes.count
                var stored = component
                stored.ref = uniqueRef(component.ref)
                if stored.origins.isEmpty {
                    stored.origins = [Origin(file: document.path, format: document.format, location: component.location)]
                }
                nodes.append(stored)
                lastDocument.append(documentIndex)
                identities.append(identity)
                indexByRef[stored.ref.rawValue] = node
                index(identity, node: node)
                local[component.ref] = node
            }
        }
        return local
    }

    /// The node of another document that is the same component, if any.
    private func match(_ identity: ComponentIdentity, documentIndex: Int) -> Int? {
        func usable(_ node: Int) -> Bool { lastDocument[node] != documentIndex }
        if let purl = identity.purl, let node = indexByPurl[purl], usable(node) { return node }
        if let id = identity.huggingFaceID, let node = indexByHuggingFaceID[id], usable(node) { return node }
        guard !identity.name.isEmpty, let node = indexByNameVersion[identity.nameVersion], usable(node) else { return nil }
        let other = identities[node]
        if let a = identity.purl, let b = other.purl, a != b { return nil }
        if let a = identity.huggingFaceID, let b = other.huggingFaceID, a != b { return nil }
        return node
    }

    private mutating func index(_ identity: ComponentIdentity, node: Int) {
        if let purl = identity.purl, indexByPurl[purl] == nil { indexByPurl[purl] = node }
        if let id = identity.huggingFaceID, indexByHuggingFaceID[id] == nil { indexByHuggingFaceID[id] = node }
        if indexByNameVersion[identity.nameVersion] == nil { indexByNameVersion[identity.nameVersion] = node }
        if let known = indexByName[identity.name] {
            if known != node { indexByName[identity.name] = Self.ambiguousName }
        } else {
            indexByName[identity.name] = node
        }
    }

    /// Keeps the node's facts and fills what it lacks from `component`; disagreeing licenses are reported.
    private mutating func merge(_ component: Component, into node: Int) {
        var merged = nodes[node]
        if merged.version == nil { merged.version = component.version }
        if merged.purl == nil { merged.purl = component.purl }
        if merged.supplier == nil { merged.supplier = component.supplier }
        if [.library, .other, .file].contains(merged.kind), component.kind.isAIArtifact { merged.kind = component.kind }
        if let declared = component.declaredLicense, !declared.isEmpty {
            if let existing = merged.declaredLicense, !existing.isEmpty {
                if existing.displayText.lowercased() != declared.displayText.lowercased() {
                    let firstAt = existing.location.map { " at \($0)" } ?? ""
                    diagnostics.warning(
                        "graph.license-disagreement",
                        "'\(merged.name)' is declared '\(declared.displayText)' here but '\(existing.displayText)'\(firstAt); the first is kept",
                        at: declared.location ?? component.location)
                }
            } else {
                merged.declaredLicense = declared
            }
        }
        if merged.concludedLicense == nil || merged.concludedLicense?.isEmpty == true {
            merged.concludedLicense = component.concludedLicense
        }
        merged.hashes.merge(component.hashes) { first, _ in first }
        merged.properties.merge(component.properties) { first, _ in first }
        for origin in component.origins where !merged.origins.contains(origin) { merged.origins.append(origin) }
        if merged.location == nil { merged.location = component.location }
        nodes[node] = merged
    }

    private func uniqueRef(_ ref: ComponentRef) -> ComponentRef {
        guard indexByRef[ref.rawValue] != nil else { return ref }
        var counter = 2
        while indexByRef["\(ref.rawValue)#\(counter)"] != nil { counter += 1 }
        return ComponentRef("\(ref.rawValue)#\(counter)")
    }

    // MARK: Edges

    mutating func addEdges(of document: SBOMDocument, localRefs: [ComponentRef: Int]) {
        for edge in document.edges {
            guard let from = resolve(edge.from, localRefs: localRefs), let to = resolve(edge.to, localRefs: localRefs) else {
                let missing = resolve(edge.from, localRefs: localRefs) == nil ? edge.from : edge.to
                diagnostics.warning(
                    "graph.dangling-reference",
                    "\(edge.kind.rawValue) relationship from '\(edge.from)' to '\(edge.to)' names '\(missing)', which no input defines",
                    at: edge.location ?? SourceLocation(file: document.path, line: 0, column: 0))
                continue
            }
            guard edgeKeys.insert(EdgeKey(from: from, to: to, kind: edge.kind)).inserted else { continue }
            if edge.from == nodes[from].ref, edge.to == nodes[to].ref, edge.origin != nil {
                edges.append(edge)
            } else {
                var stored = edge
                stored.from = nodes[from].ref
                stored.to = nodes[to].ref
                if stored.origin == nil { stored.origin = Origin(file: document.path, format: document.format, location: edge.location) }
                edges.append(stored)
            }
            edgeEnds.append((from, to))
        }
    }

    private func resolve(_ ref: ComponentRef, localRefs: [ComponentRef: Int]) -> Int? {
        if let node = localRefs[ref] { return node }
        if let node = indexByRef[ref.rawValue] { return node }
        if let purl = ComponentIdentity.purlKey(ref.rawValue), let node = indexByPurl[purl] { return node }
        let lowered = ref.rawValue.lowercased()
        if let node = indexByHuggingFaceID[lowered] { return node }
        if let id = ComponentIdentity.huggingFaceID(fromURL: ref.rawValue), let node = indexByHuggingFaceID[id] { return node }
        if lowered.contains("@"), let node = indexByNameVersion[lowered] { return node }
        if let node = indexByName[lowered], node != Self.ambiguousName { return node }
        return nil
    }

    // MARK: Roots

    mutating func roots(documents: [SBOMDocument], refMaps: [[ComponentRef: Int]]) -> ([Int], Bool) {
        func mapped(_ filter: (SBOMDocument) -> Bool) -> [Int] {
            var result: [Int] = []
            for (index, document) in documents.enumerated() where filter(document) {
                for root in document.roots {
                    if let node = refMaps[index][root] ?? resolve(root, localRefs: refMaps[index]), !result.contains(node) {
                        result.append(node)
                    }
                }
            }
            return result
        }
        let manifestRoots = mapped { $0.format == .manifest }
        if !manifestRoots.isEmpty { return (manifestRoots, false) }
        let stated = mapped { _ in true }
        if !stated.isEmpty {
            var targets = Set<Int>()
            for (from, to) in edgeEnds where from != to { targets.insert(to) }
            let products = stated.filter { !targets.contains($0) }
            return (products.isEmpty ? stated : products, false)
        }
        var hasIncoming = [Bool](repeating: false, count: nodes.count)
        for (_, to) in edgeEnds { hasIncoming[to] = true }
        return (nodes.indices.filter { !hasIncoming[$0] }, true)
    }

    // MARK: Cycles

    /// Reports each loop once (`graph.cycle`): the refs around a shortest loop through its member that
    /// comes first in the graph, located at the first edge of the loop that has a position.
    mutating func reportCycles(in graph: LineageGraph) {
        for members in StronglyConnectedComponents(graph).cycles {
            guard let start = members.first else { continue }
            let loop = graph.shortestLoop(through: start, within: Set(members))
            var text = "'\(graph.components[start].ref)'"
            for edge in loop { text += " -\(graph.edges[edge].kind.rawValue)-> '\(graph.components[graph.endpoints[edge].to].ref)'" }
            let others = members.count > 1 ? " (\(members.count) components)" : ""
            diagnostics.warning(
                "graph.cycle", "the lineage loops\(others): \(text); terms are carried around it until nothing changes",
                at: loop.lazy.compactMap { graph.edges[$0].location }.first)
        }
    }
}
