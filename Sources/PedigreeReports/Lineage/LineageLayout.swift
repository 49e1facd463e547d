/// A layered drawing of a lineage graph: the product on top, each component one layer below the
/// longest chain of relationships that reaches it, so upstream bases and datasets sit at the bottom.
///
/// Method (a small Sugiyama-style layout):
/// 1. Edges that close a cycle are found by depth-first search and left out of the layering.
/// 2. Every node gets the length of the longest path to it from a node without incoming edges.
/// 3. An edge spanning several layers is routed through a thin placeholder in each layer between, so
///    it bends around the boxes instead of crossing them.
/// 4. Within a layer, nodes and placeholders are ordered by the mean position of their parents
///    (barycentre), ties in graph order; a layer with more than `maxPerRow` components wraps onto
///    several rows.
/// 5. Edges leave the bottom of a box and enter the top of the next at points spread along the side,
///    in the order of the boxes they lead to, so that labels of sibling edges do not sit on each other.
/// Coordinates are integers in SVG user units.
///
/// - Complexity: O(V + E·L) for L layers, plus sorting within layers.
struct LineageLayout: Sendable {
    struct Node: Sendable, Hashable {
        var layer: Int
        var row: Int
        var x: Int
        var y: Int
    }

    struct Point: Sendable, Hashable {
        var x: Int
        var y: Int
    }

    static let nodeWidth = 220
    static let nodeHeight = 44
    static let placeholderWidth = 12
    static let horizontalGap = 36
    static let verticalGap = 64
    static let margin = 16

    var nodes: [Node]
    /// Edge indices that close a cycle (drawn straight, but not used for layering).
    var backEdges: Set<Int>
    /// For each edge, the polyline from its start to its end (at least two points).
    var routes: [[Point]]
    /// For each edge, where its label goes: the middle of its first segment.
    var labels: [Point]
    var width: Int
    var height: Int
    /// The height of every box: the drawing's labels wrap, so it grows with the longest one.
    var nodeHeight: Int

    /// - Parameters:
    ///   - count: the number of nodes.
    ///   - edges: `(from, to)` node indices; `from` is drawn above `to`.
    ///   - roots: nodes to place first in the top layer and to start the search from.
    ///   - nodeHeight: the height of every box (labels of several lines need more).
    init(count: Int, edges: [(from: Int, to: Int)], roots: [Int], maxPerRow: Int = 6, nodeHeight: Int = Self.nodeHeight) {
        let w = Self.nodeWidth
        let h = nodeHeight
        self.nodeHeight = nodeHeight
        var outgoing = [[Int]](repeating: [], count: count)
        for (index, edge) in edges.enumerated() where edge.from != edge.to {
            outgoing[edge.from].append(index)
        }
        // 1. Back edges by iterative DFS: 0 unvisited, 1 on the stack, 2 done.
        var state = [UInt8](repeating: 0, count: count)
        var back = Set<Int>()
        for (index, edge) in edges.enumerated() where edge.from == edge.to { back.insert(index) }
        for start in roots + Array(0..<count) where state[start] == 0 {
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
        // 2. Longest-path layering in topological order (Kahn).
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
        // 3. Placeholders (ids from `count` on) for edges spanning more than one layer.
        var itemLayer = layer
        var parents = [[Int]](repeating: [], count: count)
        var chains = [[Int]](repeating: [], count: edges.count)
        for (index, edge) in edges.enumerated() where !back.contains(index) {
            var previous = edge.from
            if layer[edge.to] > layer[edge.from] + 1 {
                for between in (layer[edge.from] + 1)..<layer[edge.to] {
                    let placeholder = itemLayer.count
                    itemLayer.append(between)
                    parents.append([previous])
                    chains[index].append(placeholder)
                    previous = placeholder
                }
            }
            parents[edge.to].append(previous)
        }
        let items = itemLayer.count
        // 4. Order within layers by the barycentre of the parents already placed.
        let rootSet = Set(roots)
        let layerCount = (itemLayer.max() ?? -1) + 1
        var members = [[Int]](repeating: [], count: layerCount)
        for item in 0..<items { members[itemLayer[item]].append(item) }
        var position = [Double](repeating: 0, count: items)
        for index in members.indices {
            let ordered: [Int]
            if index == 0 {
                ordered = members[0].filter { rootSet.contains($0) } + members[0].filter { !rootSet.contains($0) }
            } else {
                let centre: (Int) -> Double = { item in
                    let placed = parents[item]
                    guard !placed.isEmpty else { return Double(item) }
                    return placed.map { position[$0] }.reduce(0, +) / Double(placed.count)
                }
                ordered = members[index].map { ($0, centre($0)) }.sorted { l, r in
                    l.1 != r.1 ? l.1 < r.1 : l.0 < r.0
                }.map(\.0)
            }
            for (slot, item) in ordered.enumerated() { position[item] = Double(slot) }
            members[index] = ordered
        }
        // Rows: a layer wraps after `maxPerRow` components (placeholders ride along).
        let perRow = max(1, maxPerRow)
        var rows: [[Int]] = []
        var rowOfItem = [Int](repeating: 0, count: items)
        for layerItems in members {
            var current: [Int] = []
            var real = 0
            for item in layerItems {
                if item < count {
                    if real == perRow {
                        rows.append(current)
                        current = []
                        real = 0
                    }
                    real += 1
                }
                current.append(item)
            }
            rows.append(current)
        }
        func itemWidth(_ item: Int) -> Int { item < count ? w : Self.placeholderWidth }
        let rowWidths = rows.map { row in row.map(itemWidth).reduce(0, +) + max(0, row.count - 1) * Self.horizontalGap }
        let contentWidth = max(rowWidths.max() ?? 0, w)
        var itemX = [Int](repeating: 0, count: items)
        var itemY = [Int](repeating: 0, count: items)
        let stepY = h + Self.verticalGap
        for (rowIndex, row) in rows.enumerated() {
            var x = Self.margin + (contentWidth - rowWidths[rowIndex]) / 2
            for item in row {
                itemX[item] = x
                itemY[item] = Self.margin + rowIndex * stepY
                rowOfItem[item] = rowIndex
                x += itemWidth(item) + Self.horizontalGap
            }
        }
        nodes = (0..<count).map { Node(layer: layer[$0], row: rowOfItem[$0], x: itemX[$0], y: itemY[$0]) }
        // 5. Routes, with ports spread along the bottom and top of each box.
        var bottomPorts = [[Int]](repeating: [], count: count)
        var topPorts = [[Int]](repeating: [], count: count)
        for (index, edge) in edges.enumerated() where !back.contains(index) {
            bottomPorts[edge.from].append(index)
            topPorts[edge.to].append(index)
        }
        func firstStop(_ edge: Int) -> Int { chains[edge].first ?? edges[edge].to }
        func lastStop(_ edge: Int) -> Int { chains[edge].last ?? edges[edge].from }
        var start = [Point](repeating: Point(x: 0, y: 0), count: edges.count)
        var end = [Point](repeating: Point(x: 0, y: 0), count: edges.count)
        for node in 0..<count {
            let down = bottomPorts[node].sorted { (itemX[firstStop($0)], $0) < (itemX[firstStop($1)], $1) }
            for (slot, edge) in down.enumerated() {
                start[edge] = Point(x: itemX[node] + w * (slot + 1) / (down.count + 1), y: itemY[node] + h)
            }
            let up = topPorts[node].sorted { (itemX[lastStop($0)], $0) < (itemX[lastStop($1)], $1) }
            for (slot, edge) in up.enumerated() {
                end[edge] = Point(x: itemX[node] + w * (slot + 1) / (up.count + 1), y: itemY[node])
            }
        }
        var routes: [[Point]] = []
        var labels: [Point] = []
        for (index, edge) in edges.enumerated() {
            let a = (x: itemX[edge.from], y: itemY[edge.from])
            let b = (x: itemX[edge.to], y: itemY[edge.to])
            var route: [Point]
            if !back.contains(index) {
                route = [start[index]]
                for placeholder in chains[index] {
                    let centre = itemX[placeholder] + Self.placeholderWidth / 2
                    route.append(Point(x: centre, y: itemY[placeholder]))
                    route.append(Point(x: centre, y: itemY[placeholder] + h))
                }
                route.append(end[index])
            } else if rowOfItem[edge.to] < rowOfItem[edge.from] {
                route = [Point(x: a.x + w / 2, y: a.y), Point(x: b.x + w / 2, y: b.y + h)]
            } else if b.x >= a.x, edge.from != edge.to {
                route = [Point(x: a.x + w, y: a.y + h / 2), Point(x: b.x, y: b.y + h / 2)]
            } else if edge.from != edge.to {
                route = [Point(x: a.x, y: a.y + h / 2), Point(x: b.x + w, y: b.y + h / 2)]
            } else {
                // A self-loop: out of the right side and back in.
                route = [
                    Point(x: a.x + w, y: a.y + h / 3), Point(x: a.x + w + 18, y: a.y + h / 3),
                    Point(x: a.x + w + 18, y: a.y + 2 * h / 3), Point(x: a.x + w, y: a.y + 2 * h / 3),
                ]
            }
            routes.append(route)
            labels.append(Point(x: (route[0].x + route[1].x) / 2, y: (route[0].y + route[1].y) / 2))
        }
        self.routes = routes
        self.labels = labels
        backEdges = back
        width = contentWidth + 2 * Self.margin + (back.contains { edges[$0].from == edges[$0].to } ? 24 : 0)
        height = rows.isEmpty ? 2 * Self.margin : rows.count * stepY - Self.verticalGap + 2 * Self.margin
    }
}
