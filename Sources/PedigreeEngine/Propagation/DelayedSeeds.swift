/// States that re-enter a breadth-first search at the depth they were first reached, for the second
/// pass that may take the edges attaching unreached components (DOMAIN §8.6).
///
/// The first pass follows only the edges the inputs state. The second pass restarts from the states
/// next to attaching edges, each at its own depth, so that a path over an attaching edge is the
/// shortest such path while every state the first pass reached keeps its real one.
struct DelayedSeeds {
    private var entries: [(distance: Int32, node: Int32, bits: UInt16)]
    private var position = 0

    init() { entries = [] }

    /// - Parameters:
    ///   - nodes: the components to restart from.
    ///   - visited: the aspect bits each component holds after the first pass.
    ///   - distance: the depth of a state, by `node * width + aspect`.
    ///   - width: the number of aspects.
    init(nodes: [Int32], visited: [UInt16], distance: [Int32], width: Int) {
        var entries: [(distance: Int32, node: Int32, bits: UInt16)] = []
        for node in nodes {
            var bits = visited[Int(node)]
            while bits != 0 {
                let aspect = bits.trailingZeroBitCount
                bits &= bits - 1
                entries.append((distance[Int(node) * width + aspect], node, UInt16(1) << UInt16(aspect)))
            }
        }
        self.entries = entries.sorted { ($0.distance, $0.node) < ($1.distance, $1.node) }
    }

    /// The depth of the next state to restart, nil when none is left.
    var nextDistance: Int32? { position < entries.count ? entries[position].distance : nil }

    /// Appends the states whose depth is `depth` to the level about to be expanded.
    mutating func take(at depth: Int32, into level: inout [Int32], masks: inout [UInt16]) {
        while position < entries.count, entries[position].distance <= depth {
            level.append(entries[position].node)
            masks.append(entries[position].bits)
            position += 1
        }
    }
}
