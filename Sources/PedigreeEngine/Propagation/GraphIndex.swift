import PedigreeModel

/// The lineage graph as flat arrays for the propagation: edges by index, both adjacency directions in
/// compressed rows, the edges that attach unreached components, and a canonical rank per component.
///
/// The rank orders components by version-free identity, so that every tie the engine breaks (equally
/// short paths, several roots) is broken the same way whatever the input order.
struct GraphIndex: Sendable {
    let graph: LineageGraph
    let nodeCount: Int
    /// Endpoints and kinds of every edge: the graph's, then the attaching ones.
    var edgeFrom: [Int32]
    var edgeTo: [Int32]
    var edgeKind: [EdgeKind]
    var edgeClass: [UInt8]
    /// Number of the graph's own edges; higher indices are attaching edges.
    let realEdgeCount: Int
    /// For node u, `downEdges[downStart[u]..<downStart[u+1]]` are the edges whose `to` is u
    /// (terms flow along them from u to the edge's `from`).
    var downStart: [Int32] = []
    var downEdges: [Int32] = []
    /// For node u, the edges whose `from` is u (towards upstream).
    var upStart: [Int32] = []
    var upEdges: [Int32] = []
    /// Canonical rank of each component (0 = first by identity).
    var rank: [Int32]
    var identity: [String]

    init(graph: LineageGraph, interpretation: Interpretation) {
        self.graph = graph
        nodeCount = graph.componentCount
        let edgeCount = graph.edges.count
        edgeFrom = []
        edgeTo = []
        edgeKind = []
        edgeClass = []
        edgeFrom.reserveCapacity(edgeCount)
        edgeTo.reserveCapacity(edgeCount)
        edgeKind.reserveCapacity(edgeCount)
        edgeClass.reserveCapacity(edgeCount)
        for (index, ends) in graph.endpoints.enumerated() {
            let kind = graph.edges[index].kind
            edgeFrom.append(Int32(ends.from))
            edgeTo.append(Int32(ends.to))
            edgeKind.append(kind)
            edgeClass.append(UInt8(EdgeClass.of(kind, interpretation: interpretation).rawValue))
        }
        realEdgeCount = edgeCount
        let identity = graph.components.map { Fingerprint.identity(purl: $0.purl, name: $0.name) }
        self.identity = identity
        let order = (0..<graph.componentCount).sorted { a, b in
            let ca = graph.components[a]
            let cb = graph.components[b]
            if identity[a] != identity[b] { return identity[a] < identity[b] }
            if (ca.version ?? "") != (cb.version ?? "") { return (ca.version ?? "") < (cb.version ?? "") }
            return ca.ref < cb.ref
        }
        var rank = [Int32](repeating: 0, count: graph.componentCount)
        for (position, node) in order.enumerated() { rank[node] = Int32(position) }
        self.rank = rank
    }

    /// Adds an edge `from → to` of `kind` (used to attach unreached components to the product).
    mutating func addAttachingEdge(from: Int, to: Int, kind: EdgeKind, interpretation: Interpretation) {
        edgeFrom.append(Int32(from))
        edgeTo.append(Int32(to))
        edgeKind.append(kind)
        edgeClass.append(UInt8(EdgeClass.of(kind, interpretation: interpretation).rawValue))
    }

    func isAttaching(_ edge: Int) -> Bool { edge >= realEdgeCount }

    /// Builds both adjacency directions.
    ///
    /// - Complexity: O(V + E).
    mutating func buildAdjacency() {
        (downStart, downEdges) = Self.rows(count: nodeCount, keys: edgeTo)
        (upStart, upEdges) = Self.rows(count: nodeCount, keys: edgeFrom)
    }

    private static func rows(count: Int, keys: [Int32]) -> ([Int32], [Int32]) {
        var start = [Int32](repeating: 0, count: count + 1)
        for key in keys { start[Int(key) + 1] += 1 }
        for index in 0..<count { start[index + 1] += start[index] }
        var fill = start
        var edges = [Int32](repeating: 0, count: keys.count)
        for (edge, key) in keys.enumerated() {
            edges[Int(fill[Int(key)])] = Int32(edge)
            fill[Int(key)] += 1
        }
        return (start, edges)
    }

    /// Breadth-first search from `roots` along edges towards upstream, optionally only over edges
    /// that `follow` accepts. Ties between equally short paths go to the lower-ranked predecessor.
    ///
    /// Decisions: the edges that attach unreached components are taken only once no real edge leads
    /// further, so a component reached both ways is reached through the edges the inputs state
    /// (DOMAIN §8.6), however much shorter the attached way is.
    ///
    /// - Returns: for each node, the edge it was reached over (-1 for roots, -2 when unreached).
    /// - Complexity: O(V + E).
    func searchUpstream(from roots: [Int], follow: (Int) -> Bool = { _ in true }) -> [Int32] {
        var via = [Int32](repeating: -2, count: nodeCount)
        var origin = [Int32](repeating: -1, count: nodeCount)
        var level: [Int32] = []
        for root in roots.sorted(by: { rank[$0] < rank[$1] }) where via[root] == -2 {
            via[root] = -1
            origin[root] = rank[root]
            level.append(Int32(root))
        }
        var next: [Int32] = []
        var discoveredNow = [Bool](repeating: false, count: nodeCount)
        var takesAttached = false
        while true {
            while !level.isEmpty {
                for u in level {
                    let ui = Int(u)
                    for slot in Int(upStart[ui])..<Int(upStart[ui + 1]) {
                        let edge = Int(upEdges[slot])
                        guard takesAttached || edge < realEdgeCount, follow(edge) else { continue }
                        let v = Int(edgeTo[edge])
                        if via[v] == -2 {
                            via[v] = Int32(edge)
                            origin[v] = origin[ui]
                            discoveredNow[v] = true
                            next.append(Int32(v))
                        } else if discoveredNow[v], origin[ui] < origin[v] {
                            via[v] = Int32(edge)
                            origin[v] = origin[ui]
                        }
                    }
                }
                for v in next { discoveredNow[Int(v)] = false }
                level = next
                next = []
            }
            guard !takesAttached, realEdgeCount < edgeFrom.count else { return via }
            takesAttached = true
            level = attachingAnchors().filter { via[Int($0)] != -2 }
        }
    }

    /// The components that attaching edges leave (the product roots that unreached components hang off).
    func attachingAnchors() -> [Int32] {
        var anchors: [Int32] = []
        for edge in realEdgeCount..<edgeFrom.count where !anchors.contains(edgeFrom[edge]) {
            anchors.append(edgeFrom[edge])
        }
        return anchors
    }

    /// The components that attaching edges reach (the attached tops).
    func attachedTops() -> [Int32] { Array(edgeTo[realEdgeCount...]) }
}
