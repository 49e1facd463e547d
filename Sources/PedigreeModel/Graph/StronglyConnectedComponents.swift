/// The strongly connected components of a lineage graph: which components use each other in a loop.
///
/// The one cycle finder of the code base: the merge reports each loop from it, the engine reads it to
/// propagate around loops and to pick one component of an unreached loop to attach to the product.
///
/// Decisions: a component with an edge to itself is a cycle of one; an edge whose ends are the same
/// component but another kind (two merged nodes) counts the same way.
public struct StronglyConnectedComponents: Sendable {
    /// For each component index, the number of its strongly connected component (0-based, in the
    /// order Tarjan's algorithm closes them: every component's upstream closes before it).
    public let componentOf: [Int32]
    /// How many strongly connected components there are (singletons included).
    public let count: Int
    /// The components that form loops, each as its member indices in ascending order.
    public let cycles: [[Int]]
    /// For each component index, the position of its loop in `cycles`, or -1 when it is in none.
    public let cycleOf: [Int32]

    /// Finds the components of `graph` (iterative Tarjan, so a long chain cannot overflow the stack).
    ///
    /// - Complexity: O(V + E).
    public init(_ graph: LineageGraph) {
        let count = graph.componentCount
        var order = [Int32](repeating: -1, count: count)
        var low = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var componentOf = [Int32](repeating: -1, count: count)
        var stack: [Int32] = []
        var frames: [(node: Int, next: Int)] = []
        var counter: Int32 = 0
        var closed: Int32 = 0
        var cycles: [[Int]] = []
        var cycleOf = [Int32](repeating: -1, count: count)
        func open(_ node: Int) {
            order[node] = counter
            low[node] = counter
            counter += 1
            stack.append(Int32(node))
            onStack[node] = true
            frames.append((node, 0))
        }
        for start in 0..<count where order[start] < 0 {
            open(start)
            while let (node, next) = frames.last {
                let outgoing = graph.outgoing[node]
                if next < outgoing.count {
                    frames[frames.count - 1].next += 1
                    let target = graph.endpoints[outgoing[next]].to
                    if order[target] < 0 {
                        open(target)
                    } else if onStack[target] {
                        low[node] = min(low[node], order[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[node]) }
                guard low[node] == order[node] else { continue }
                var members: [Int] = []
                while let top = stack.popLast() {
                    onStack[Int(top)] = false
                    componentOf[Int(top)] = closed
                    members.append(Int(top))
                    if Int(top) == node { break }
                }
                closed += 1
                let selfLoop = members.count == 1 && outgoing.contains { graph.endpoints[$0].to == node }
                if members.count > 1 || selfLoop {
                    for member in members { cycleOf[member] = Int32(cycles.count) }
                    cycles.append(members.sorted())
                }
            }
        }
        self.componentOf = componentOf
        self.count = Int(closed)
        self.cycles = cycles
        self.cycleOf = cycleOf
    }
}
