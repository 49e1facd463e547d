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
    /// True when no input named the product, so the roots are the components nothing else uses.
    public var rootsAreInferred = false
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

    /// Builds the adjacency from edges whose ends the caller already resolved to component indices
    /// (the merge does), without looking every edge end up again; the result equals that of
    /// `init(components:edges:roots:)`, which it falls back to when the ends do not match the edges
    /// or two components share a ref.
    ///
    /// - Complexity: O(V + E), with one hash per component instead of two per edge.
    public init(components: [Component], edges: [Edge], endpoints: [(from: Int, to: Int)], roots: [ComponentRef]) {
        var indexByRef: [ComponentRef: Int] = [:]
        indexByRef.reserveCapacity(components.count)
        var unique = true
        for (index, component) in components.enumerated() where indexByRef.updateValue(index, forKey: component.ref) != nil {
            unique = false
            break
        }
        let resolved = unique && endpoints.count == edges.count
            && zip(edges, endpoints).allSatisfy { edge, ends in
                components.indices.contains(ends.from) && components.indices.contains(ends.to)
                    && components[ends.from].ref == edge.from && components[ends.to].ref == edge.to
            }
        guard resolved else {
            self.init(components: components, edges: edges, roots: roots)
            return
        }
        var outgoing = [[Int]](repeating: [], count: components.count)
        var incoming = [[Int]](repeating: [], count: components.count)
        for (edgeIndex, ends) in endpoints.enumerated() {
            outgoing[ends.from].append(edgeIndex)
            incoming[ends.to].append(edgeIndex)
        }
        self.init(
            components: components, indexByRef: indexByRef, edges: edges, endpoints: endpoints, outgoing: outgoing,
            incoming: incoming, roots: roots.compactMap { indexByRef[$0] })
    }

    private init(
        components: [Component], indexByRef: [ComponentRef: Int], edges: [Edge], endpoints: [(from: Int, to: Int)],
        outgoing: [[Int]], incoming: [[Int]], roots: [Int]
    ) {
        self.components = components
        self.indexByRef = indexByRef
        self.edges = edges
        self.endpoints = endpoints
        self.outgoing = outgoing
        self.incoming = incoming
        self.roots = roots
    }

    public func index(of ref: ComponentRef) -> Int? { indexByRef[ref] }

    public func component(_ ref: ComponentRef) -> Component? { indexByRef[ref].map { components[$0] } }

    public var componentCount: Int { components.count }
}
