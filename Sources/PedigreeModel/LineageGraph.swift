import PedigreeDiagnostics

/// The merged lineage of a product: components joined by typed edges, stored as arrays with
/// adjacency by index so that the engine can walk it without hashing.
public struct LineageGraph: Sendable {
    public private(set) var components: [Component]
    public private(set) var edges: [Edge]
    /// Indices of the product roots in `components`.
    public private(set) var roots: [Int]
    /// For each component index, the indices in `edges` of the edges leaving it (towards upstream).
    public private(set) var outgoing: [[Int]]
    /// For each component index, the indices in `edges` of the edges arriving at it.
    public private(set) var incoming: [[Int]]
    /// For each edge index, the component indices of its ends.
    public private(set) var endpoints: [(from: Int, to: Int)]
    private var indexByRef: [ComponentRef: Int]

    /// Builds the adjacency; edges naming an unknown ref are left out (the builder reports them).
    ///
    /// - Complexity: O(V + E).
    public init(components: [Component], edges: [Edge], roots: [ComponentRef]) {
        self.components = components
        var indexByRef: [ComponentRef: Int] = [:]
        indexByRef.reserveCapacity(components.count)
        for (index, component) in components.enumerated() where indexByRef[component.ref] == nil {
            indexByRef[component.ref] = index
        }
        self.indexByRef = indexByRef
        var kept: [Edge] = []
        var endpoints: [(from: Int, to: Int)] = []
        kept.reserveCapacity(edges.count)
        endpoints.reserveCapacity(edges.count)
        var outgoing = [[Int]](repeating: [], count: components.count)
        var incoming = [[Int]](repeating: [], count: components.count)
        for edge in edges {
            guard let from = indexByRef[edge.from], let to = indexByRef[edge.to] else { continue }
            outgoing[from].append(kept.count)
            incoming[to].append(kept.count)
            endpoints.append((from, to))
            kept.append(edge)
        }
        self.edges = kept
        self.endpoints = endpoints
        self.outgoing = outgoing
        self.incoming = incoming
        self.roots = roots.compactMap { indexByRef[$0] }
    }

    public func index(of ref: ComponentRef) -> Int? { indexByRef[ref] }

    public func component(_ ref: ComponentRef) -> Component? { indexByRef[ref].map { components[$0] } }

    public var componentCount: Int { components.count }
}
