/// The fixed point of license terms over the lineage graph (DOMAIN §3), computed per license as a
/// breadth-first search over (component, aspect) states.
///
/// Each state is entered once, so cycles end the search by themselves; breadth-first order makes the
/// recorded path the shortest one, and ties go to the source with the lowest canonical rank. Edges that
/// attach unreached components are taken only after every real edge (DOMAIN §8.6), so a path runs
/// through one only where no real chain exists, and counts as longer than any real one.
///
/// - Complexity: O(L · A · (V + E)) in the worst case for L distinct licenses and A aspects; in practice
///   O(L · (V + E)) because a component enters the frontier once per level with all its new aspects.
struct Propagator {
    let index: GraphIndex
    let licenses: [ResolvedLicense]
    let tables: [TransferTable]
    /// For each license, the components that hold it themselves.
    let sources: [[Int32]]

    /// Forward search: what reaches every component.
    func forward() -> ForwardReach {
        let nodeCount = index.nodeCount
        let width = Aspect.count
        var visited = [UInt16](repeating: 0, count: nodeCount)
        var pending = [UInt16](repeating: 0, count: nodeCount)
        var distance = [Int32](repeating: 0, count: nodeCount * width)
        var predEdge = [Int32](repeating: -1, count: nodeCount * width)
        var predAspect = [UInt8](repeating: 0, count: nodeCount * width)
        var source = [Int32](repeating: -1, count: nodeCount * width)
        var perNode = [Int32](repeating: 0, count: nodeCount + 1)
        var unsorted: [(node: Int32, record: ForwardReach.Record)] = []
        var touched: [Int32] = []
        var level: [Int32] = []
        var levelMask: [UInt16] = []
        var next: [Int32] = []
        let rank = index.rank
        let realEdgeCount = index.realEdgeCount
        let tops = index.attachedTops()

        for license in licenses.indices {
            let own = licenses[license].own.raw
            guard own != 0, !sources[license].isEmpty else { continue }
            let forwardTable = tables[license].forward
            level.removeAll(keepingCapacity: true)
            levelMask.removeAll(keepingCapacity: true)
            for node in sources[license] where visited[Int(node)] == 0 {
                let n = Int(node)
                visited[n] = own
                touched.append(node)
                var bits = own
                while bits != 0 {
                    let b = bits.trailingZeroBitCount
                    bits &= bits - 1
                    let slot = n * width + b
                    distance[slot] = 0
                    predEdge[slot] = -1
                    source[slot] = node
                }
                level.append(node)
                levelMask.append(own)
            }
            var depth: Int32 = 0
            var takesAttached = false
            var seeds = DelayedSeeds()
            while !level.isEmpty {
                for position in level.indices {
                    let u = Int(level[position])
                    let mask = levelMask[position]
                    for slot in Int(index.downStart[u])..<Int(index.downStart[u + 1]) {
                        let edge = Int(index.downEdges[slot])
                        if !takesAttached && edge >= realEdgeCount { continue }
                        let v = Int(index.edgeFrom[edge])
                        let row = forwardTable[Int(index.edgeClass[edge])]
                        var bits = mask
                        while bits != 0 {
                            let a = bits.trailingZeroBitCount
                            bits &= bits - 1
                            let out = row[a]
                            if out == 0 { continue }
                            let from = u * width + a
                            let newBits = out & ~visited[v]
                            if newBits != 0 {
                                if visited[v] == 0 { touched.append(Int32(v)) }
                                visited[v] |= newBits
                                if pending[v] == 0 { next.append(Int32(v)) }
                                pending[v] |= newBits
                                var fresh = newBits
                                while fresh != 0 {
                                    let b = fresh.trailingZeroBitCount
                                    fresh &= fresh - 1
                                    let to = v * width + b
                                    distance[to] = depth + 1
                                    predEdge[to] = Int32(edge)
                                    predAspect[to] = UInt8(a)
                                    source[to] = source[from]
                                }
                            }
                            var ties = out & pending[v] & ~newBits
                            while ties != 0 {
                                let b = ties.trailingZeroBitCount
                                ties &= ties - 1
                                let to = v * width + b
                                if rank[Int(source[from])] < rank[Int(source[to])] {
                                    predEdge[to] = Int32(edge)
                                    predAspect[to] = UInt8(a)
                                    source[to] = source[from]
                                }
                            }
                        }
                    }
                }
                level.removeAll(keepingCapacity: true)
                levelMask.removeAll(keepingCapacity: true)
                for v in next {
                    level.append(v)
                    levelMask.append(pending[Int(v)])
                    pending[Int(v)] = 0
                }
                next.removeAll(keepingCapacity: true)
                depth += 1
                seeds.take(at: depth, into: &level, masks: &levelMask)
                // Attached edges only once no real edge carries the term further (DOMAIN §8.6).
                if level.isEmpty, !takesAttached, !tops.isEmpty {
                    takesAttached = true
                    seeds = DelayedSeeds(nodes: tops, visited: visited, distance: distance, width: width)
                }
                if level.isEmpty, let restart = seeds.nextDistance {
                    depth = restart
                    seeds.take(at: depth, into: &level, masks: &levelMask)
                }
            }
            for node in touched {
                let n = Int(node)
                var bits = visited[n]
                while bits != 0 {
                    let b = bits.trailingZeroBitCount
                    bits &= bits - 1
                    let slot = n * width + b
                    unsorted.append((node, ForwardReach.Record(
                        license: Int32(license), aspect: UInt8(b), predAspect: predAspect[slot],
                        predEdge: predEdge[slot], source: source[slot], distance: distance[slot])))
                    perNode[n + 1] += 1
                }
                visited[n] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        for n in 0..<nodeCount { perNode[n + 1] += perNode[n] }
        var fill = perNode
        var records = [ForwardReach.Record](
            repeating: ForwardReach.Record(license: 0, aspect: 0, predAspect: 0, predEdge: -1, source: 0, distance: 0),
            count: unsorted.count)
        for entry in unsorted {
            let n = Int(entry.node)
            records[Int(fill[n])] = entry.record
            fill[n] += 1
        }
        return ForwardReach(start: perNode, records: records)
    }

    /// Backward search from the roots: which components' own terms reach a root with `aspect`.
    ///
    /// Only licenses whose own aspects include `aspect` can deliver it, so the others are skipped.
    func reachingRoots(_ roots: [Int], aspects: [Aspect]) -> [RootReach] {
        var terms: [(license: Int, aspect: Aspect)] = []
        for license in licenses.indices where !sources[license].isEmpty {
            let own = licenses[license].own.raw
            for target in aspects where own & target.bit != 0 { terms.append((license, target)) }
        }
        return reaching(roots, terms: terms)
    }

    /// Backward search from `roots` for each given (license, aspect as it arrives): every component
    /// holding the license itself whose term arrives so, with a shortest path (real edges first).
    func reaching(_ roots: [Int], terms: [(license: Int, aspect: Aspect)]) -> [RootReach] {
        let nodeCount = index.nodeCount
        let width = Aspect.count
        var visited = [UInt16](repeating: 0, count: nodeCount)
        var pending = [UInt16](repeating: 0, count: nodeCount)
        var nextEdge = [Int32](repeating: -1, count: nodeCount * width)
        var nextAspect = [UInt8](repeating: 0, count: nodeCount * width)
        var rootOf = [Int32](repeating: -1, count: nodeCount * width)
        var distance = [Int32](repeating: 0, count: nodeCount * width)
        var touched: [Int32] = []
        var level: [Int32] = []
        var levelMask: [UInt16] = []
        var next: [Int32] = []
        var result: [RootReach] = []
        let rank = index.rank
        let orderedRoots = roots.sorted { rank[$0] < rank[$1] }
        let realEdgeCount = index.realEdgeCount
        let anchors = index.attachingAnchors()

        for (license, target) in terms where !sources[license].isEmpty {
            let own = licenses[license].own.raw
            let backwardTable = tables[license].backward
            level.removeAll(keepingCapacity: true)
            levelMask.removeAll(keepingCapacity: true)
            for root in orderedRoots where visited[root] == 0 {
                visited[root] = target.bit
                touched.append(Int32(root))
                let slot = root * width + target.rawValue
                nextEdge[slot] = -1
                rootOf[slot] = Int32(root)
                distance[slot] = 0
                level.append(Int32(root))
                levelMask.append(target.bit)
            }
            var depth: Int32 = 0
            var takesAttached = false
            var seeds = DelayedSeeds()
            while !level.isEmpty {
                for position in level.indices {
                    let y = Int(level[position])
                    let mask = levelMask[position]
                    for slot in Int(index.upStart[y])..<Int(index.upStart[y + 1]) {
                        let edge = Int(index.upEdges[slot])
                        if !takesAttached && edge >= realEdgeCount { continue }
                        let z = Int(index.edgeTo[edge])
                        let row = backwardTable[Int(index.edgeClass[edge])]
                        var bits = mask
                        while bits != 0 {
                            let b = bits.trailingZeroBitCount
                            bits &= bits - 1
                            let inbound = row[b]
                            if inbound == 0 { continue }
                            let from = y * width + b
                            let newBits = inbound & ~visited[z]
                            if newBits != 0 {
                                if visited[z] == 0 { touched.append(Int32(z)) }
                                visited[z] |= newBits
                                if pending[z] == 0 { next.append(Int32(z)) }
                                pending[z] |= newBits
                                var fresh = newBits
                                while fresh != 0 {
                                    let a = fresh.trailingZeroBitCount
                                    fresh &= fresh - 1
                                    let to = z * width + a
                                    nextEdge[to] = Int32(edge)
                                    nextAspect[to] = UInt8(b)
                                    rootOf[to] = rootOf[from]
                                    distance[to] = depth + 1
                                }
                            }
                            var ties = inbound & pending[z] & ~newBits
                            while ties != 0 {
                                let a = ties.trailingZeroBitCount
                                ties &= ties - 1
                                let to = z * width + a
                                if rank[Int(rootOf[from])] < rank[Int(rootOf[to])] {
                                    nextEdge[to] = Int32(edge)
                                    nextAspect[to] = UInt8(b)
                                    rootOf[to] = rootOf[from]
                                }
                            }
                        }
                    }
                }
                level.removeAll(keepingCapacity: true)
                levelMask.removeAll(keepingCapacity: true)
                for z in next {
                    level.append(z)
                    levelMask.append(pending[Int(z)])
                    pending[Int(z)] = 0
                }
                next.removeAll(keepingCapacity: true)
                depth += 1
                seeds.take(at: depth, into: &level, masks: &levelMask)
                // Attached edges only once no real edge leads further (DOMAIN §8.6).
                if level.isEmpty, !takesAttached, !anchors.isEmpty {
                    takesAttached = true
                    seeds = DelayedSeeds(nodes: anchors, visited: visited, distance: distance, width: width)
                }
                if level.isEmpty, let restart = seeds.nextDistance {
                    depth = restart
                    seeds.take(at: depth, into: &level, masks: &levelMask)
                }
            }
            for node in sources[license] {
                let s = Int(node)
                var hits = own & visited[s]
                var best = -1
                while hits != 0 {
                    let a = hits.trailingZeroBitCount
                    hits &= hits - 1
                    if best < 0 || distance[s * width + a] < distance[s * width + best] { best = a }
                }
                guard best >= 0 else { continue }
                var edges: [Int] = []
                var current = s
                var aspect = best
                while nextEdge[current * width + aspect] >= 0, edges.count <= nodeCount {
                    let slot = current * width + aspect
                    let edge = Int(nextEdge[slot])
                    edges.append(edge)
                    aspect = Int(nextAspect[slot])
                    current = Int(index.edgeFrom[edge])
                }
                result.append(RootReach(
                    license: license, aspect: target, source: s, root: current, edges: edges.reversed()))
            }
            for node in touched { visited[Int(node)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        return result
    }
}
