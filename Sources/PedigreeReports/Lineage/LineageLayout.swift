/// A layered drawing of a lineage graph: the product on top, each component one layer below the
/// longest chain of relationships that reaches it, so upstream bases and datasets sit at the bottom.
///
/// Method (a simple Sugiyama-style layout): edges that close a cycle are found by depth-first search
/// and left out of the layering; every node gets the length of the longest path to it from a node
/// without incoming edges (roots first); within a layer nodes are ordered by the mean position of
/// their parents (barycentre), ties in graph order; a layer wider than `maxPerRow` wraps onto several
/// rows. Coordinates are integers in SVG user units.
///
/// - Complexity: O(V + E) for the layering, O(V log V) for the ordering.
struct LineageLayout: Sendable {
    struct Node: Sendable, Hashable {
        var layer: Int
        var row: Int
        var x: Int
        var y: Int
    }

    static let nodeWidth = 220
    static let nodeHeight = 44
    static let horizontalGap = 36
    static let verticalGap = 64
    static let margin = 16

    var nodes: [Node]
    /// Edge indices that close a cycle (drawn, but not used for layering).
    var backEdges: Set<Int>
    var width: Int
    var height: Int

    /// - Parameters:
    ///   - count: the number of nodes.
    ///   - edges: `(from, to)` node indices; `from` is drawn above `to`.
    ///   - roots: nodes to place in the top layer and to start the search from.
    init(count: Int, edges: [(from: Int, to: Int)], roots: [Int], maxPerRow: Int = 6) {
        var outgoing = [[Int]](repeating: [], count: count)
        for (index, edge) in edges.enumerated() where edge.from != edge.to {
            outgoing[edge.from].append(index)
        }
        // Back edges by iterative DFS: 0 unvisited, 1 on the stack, 2 done.
        var state = [UInt8](repeating: 0, count: count)
        var back = Set<Int>()
        for (index, edge) in edges.enumerated() where edge.from == edge.to { back.insert(index) }
        let starts = roots + Array(0..<count)
        for start in starts where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let edge = outgoing[top.node][top.next]
                    let target = edges[edge].to
                    switch state[target] {
                    case 0:
                        state[target] = 1
                        stack.append((target, 0))
                    case 1: back.insert(edge)
                    default: break
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        // Longest path layering in topological order (Kahn), roots pinned to layer 0.
        var indegree = [Int](repeating: 0, count: count)
        for (index, edge) in edges.enumerated() where !back.contains(index) { indegree[edge.to] += 1 }
        var layer = [Int](repeating: 0, count: count)
        var queue = (0..<count).filter { indegree[$0] == 0 }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in outgoing[node] where !back.contains(edge) {
                let target = edges[edge].to
                layer[target] = max(layer[target], layer[node] + 1)
                indegree[target] -= 1
                if indegree[target] == 0 { queue.append(target) }
            }
        }
        // Order within layers by the barycentre of already placed parents.
        var parents = [[Int]](repeating: [], count: count)
        for (index, edge) in edges.enumerated() where !back.contains(index) { parents[edge.to].append(edge.from) }
        let rootSet = Set(roots)
        let layerCount = (layer.max() ?? -1) + 1
        var members = [[Int]](repeating: [], count: layerCount)
        for node in 0..<count { members[layer[node]].append(node) }
        var position = [Double](repeating: 0, count: count)
        for index in members.indices {
            let ordered: [Int]
            if index == 0 {
                ordered = members[0].filter { rootSet.contains($0) } + members[0].filter { !rootSet.contains($0) }
            } else {
                let centre: (Int) -> Double = { node in
                    let placed = parents[node]
                    guard !placed.isEmpty else { return Double(node) }
                    return placed.map { position[$0] }.reduce(0, +) / Double(placed.count)
                }
                ordered = members[index].map { ($0, centre($0)) }.sorted { l, r in
                    l.1 != r.1 ? l.1 < r.1 : l.0 < r.0
                }.map(\.0)
            }
            for (slot, node) in ordered.enumerated() { position[node] = Double(slot) }
            members[index] = ordered
        }
        // Rows and coordinates.
        let perRow = max(1, maxPerRow)
        let widest = members.map { min($0.count, perRow) }.max() ?? 0
        let stepX = Self.nodeWidth + Self.horizontalGap
        let stepY = Self.nodeHeight + Self.verticalGap
        let contentWidth = max(widest * stepX - Self.horizontalGap, Self.nodeWidth)
        var nodes = [Node](repeating: Node(layer: 0, row: 0, x: 0, y: 0), count: count)
        var row = 0
        for (index, layerNodes) in members.enumerated() {
            var start = 0
            while start < layerNodes.count {
                let slice = layerNodes[start..<min(start + perRow, layerNodes.count)]
                let rowWidth = slice.count * stepX - Self.horizontalGap
                let left = Self.margin + (contentWidth - rowWidth) / 2
                for (slot, node) in slice.enumerated() {
                    nodes[node] = Node(layer: index, row: row, x: left + slot * stepX, y: Self.margin + row * stepY)
                }
                row += 1
                start += perRow
            }
        }
        self.nodes = nodes
        backEdges = back
        width = contentWidth + 2 * Self.margin
        height = row == 0 ? 2 * Self.margin : row * stepY - Self.verticalGap + 2 * Self.margin
    }
}
