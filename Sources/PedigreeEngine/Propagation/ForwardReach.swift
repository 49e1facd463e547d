/// Every (license, aspect) that reaches every component, with the shortest path that carried it.
///
/// Stored as one flat array grouped by component (`records[start[node]..<start[node + 1]]`), because a
/// component is reached by few distinct licenses while a graph has many components.
struct ForwardReach: Sendable {
    struct Record: Sendable {
        var license: Int32
        var aspect: UInt8
        /// Aspect the upstream component held when it passed this one on.
        var predAspect: UInt8
        /// Edge over which it arrived; -1 at a component that holds the license itself.
        var predEdge: Int32
        /// The nearest component holding the license itself (ties: lowest rank).
        var source: Int32
        var distance: Int32
    }

    var start: [Int32]
    var records: [Record]

    func records(at node: Int) -> ArraySlice<Record> {
        records[Int(start[node])..<Int(start[node + 1])]
    }

    func record(at node: Int, license: Int, aspect: Aspect) -> Record? {
        records(at: node).first { Int($0.license) == license && Int($0.aspect) == aspect.rawValue }
    }

    /// Licenses that reach `node` with `aspect` (own licenses included).
    func licenses(at node: Int, with aspect: Aspect) -> [Record] {
        records(at: node).filter { Int($0.aspect) == aspect.rawValue }
    }

    /// The edges from `node` down to the source of (license, aspect), in order.
    func carryingEdges(from node: Int, license: Int, aspect: Aspect, index: GraphIndex) -> [Int] {
        var edges: [Int] = []
        var current = node
        var currentAspect = aspect.rawValue
        var guardCount = 0
        while let record = records(at: current).first(where: {
            Int($0.license) == license && Int($0.aspect) == currentAspect
        }), record.predEdge >= 0, guardCount <= index.nodeCount {
            edges.append(Int(record.predEdge))
            current = Int(index.edgeTo[Int(record.predEdge)])
            currentAspect = Int(record.predAspect)
            guardCount += 1
        }
        return edges
    }
}
