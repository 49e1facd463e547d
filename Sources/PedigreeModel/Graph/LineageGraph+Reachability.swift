/// Walks over the lineage graph that the merge, the product resolution and the reports share.
extension LineageGraph {
    /// Which components the given ones reach by following edges upstream (`from` to `to`), over any kind.
    ///
    /// - Complexity: O(V + E).
    public func reached(from starts: [Int]) -> [Bool] {
        var reached = [Bool](repeating: false, count: componentCount)
        var stack: [Int] = []
        for start in starts where components.indices.contains(start) && !reached[start] {
            reached[start] = true
            stack.append(start)
        }
        while let node = stack.popLast() {
            for edge in outgoing[node] {
                let target = endpoints[edge].to
                if !reached[target] {
                    reached[target] = true
                    stack.append(target)
                }
            }
        }
        return reached
    }

    /// The tops of the part of the graph that no root reaches: one component for each group that
    /// nothing outside it uses, so that attaching these to the product reaches everything else through
    /// the edges the inputs state.
    ///
    /// Decisions: a component nothing uses (over any edge kind) is a top; a loop that nothing outside it
    /// uses is a top through its member that `precedes` puts first, because a loop has no natural head.
    /// Anything else that no root reaches is used by something no root reaches either, so it is below a top.
    ///
    /// - Parameters:
    ///   - roots: the product roots.
    ///   - components: the graph's strongly connected components.
    ///   - precedes: a strict total order on component indices that decides a loop's attached member.
    /// - Returns: the tops, ordered by `precedes`.
    /// - Complexity: O(V + E) plus sorting the tops.
    public func unreachedTops(
        roots: [Int], components: StronglyConnectedComponents, precedes: (Int, Int) -> Bool
    ) -> [Int] {
        let reached = reached(from: roots)
        guard reached.contains(false) else { return [] }
        var usedFromOutside = [Bool](repeating: false, count: components.count)
        for ends in endpoints where components.componentOf[ends.from] != components.componentOf[ends.to] {
            usedFromOutside[Int(components.componentOf[ends.to])] = true
        }
        var head = [Int](repeating: -1, count: components.count)
        for node in 0..<componentCount where !reached[node] {
            let group = Int(components.componentOf[node])
            guard !usedFromOutside[group] else { continue }
            if head[group] < 0 || precedes(node, head[group]) { head[group] = node }
        }
        return head.filter { $0 >= 0 }.sorted(by: precedes)
    }

    /// The edges of a shortest loop through `start` that stays among `members`, in order from `start`;
    /// empty when no such loop exists.
    ///
    /// - Complexity: O(V + E) within the members (a breadth-first search).
    public func shortestLoop(through start: Int, within members: Set<Int>) -> [Int] {
        var cameBy: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in outgoing[node] {
                let target = endpoints[edge].to
                guard members.contains(target) else { continue }
                if target == start {
                    var loop = [edge]
                    var current = node
                    while current != start, let previous = cameBy[current] {
                        loop.append(previous)
                        current = endpoints[previous].from
                    }
                    return loop.reversed()
                }
                if cameBy[target] == nil {
                    cameBy[target] = edge
                    queue.append(target)
                }
            }
        }
        return []
    }
}
