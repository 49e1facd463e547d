import PedigreeDiagnostics

/// Finds the strongly connected components of the lineage graph, to report each cycle once.
///
/// Iterative Tarjan, so a long chain cannot overflow the stack.
///
/// - Complexity: O(V + E).
enum CycleDetector {
    static func cycles(_ index: GraphIndex) -> [[Int]] {
        let count = index.nodeCount
        var order = [Int32](repeating: -1, count: count)
        var low = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int32] = []
        var result: [[Int]] = []
        var counter: Int32 = 0
        var frames: [(node: Int, slot: Int)] = []
        for start in 0..<count where order[start] < 0 {
            frames.append((start, Int(index.upStart[start])))
            order[start] = counter
            low[start] = counter
            counter += 1
            stack.append(Int32(start))
            onStack[start] = true
            while let frame = frames.last {
                let u = frame.node
                if frame.slot < Int(index.upStart[u + 1]) {
                    frames[frames.count - 1].slot += 1
                    let edge = Int(index.upEdges[frame.slot])
                    guard edge < index.realEdgeCount else { continue }
                    let v = Int(index.edgeTo[edge])
                    if order[v] < 0 {
                        order[v] = counter
                        low[v] = counter
                        counter += 1
                        stack.append(Int32(v))
                        onStack[v] = true
                        frames.append((v, Int(index.upStart[v])))
                    } else if onStack[v] {
                        low[u] = min(low[u], order[v])
                    }
                } else {
                    frames.removeLast()
                    if let parent = frames.last { low[parent.node] = min(low[parent.node], low[u]) }
                    if low[u] == order[u] {
                        var members: [Int] = []
                        while let top = stack.popLast() {
                            onStack[Int(top)] = false
                            members.append(Int(top))
                            if Int(top) == u { break }
                        }
                        if members.count > 1 || selfLoop(u, index) { result.append(members) }
                    }
                }
            }
        }
        return result
    }

    private static func selfLoop(_ node: Int, _ index: GraphIndex) -> Bool {
        (Int(index.upStart[node])..<Int(index.upStart[node + 1])).contains {
            let edge = Int(index.upEdges[$0])
            return edge < index.realEdgeCount && Int(index.edgeTo[edge]) == node
        }
    }
}
