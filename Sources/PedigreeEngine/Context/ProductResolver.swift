import PedigreeModel

/// Decides the product context and roots (DOMAIN §4) and attaches the components no root reaches.
///
/// Decisions where DOMAIN.md is silent:
/// - With no stated root and every component the `to` of some edge (the graph is all cycles), the
///   component with the lowest canonical rank is the root, and the report says so.
/// - Unreached components are attached in canonical order, each only if still unreached after the
///   previous attachments, so a fine-tune's base is reached through the fine-tune rather than attached.
/// - With several roots, attached components hang off the first root in canonical order.
enum ProductResolver {
    static func resolve(
        stated: ProductContext, policy: AuditPolicy, index: inout GraphIndex
    ) -> (context: ResolvedContext, roots: [Int]) {
        var assumptions: [String] = []
        let commercial: Bool
        if let stated = stated.commercial {
            commercial = stated
        } else {
            commercial = true
            assumptions.append("the product context does not say whether use is commercial: commercial use is assumed")
        }
        let distribution: [ProductContext.Distribution]
        if let stated = stated.distribution {
            distribution = stated.sorted()
        } else {
            distribution = [.binary]
            assumptions.append("the product context does not say how the product is distributed: distribution as a binary is assumed")
        }
        let graph = index.graph
        var roots = graph.roots
        var seenRoots = Set<Int>()
        roots = roots.filter { seenRoots.insert($0).inserted }
        if roots.isEmpty, index.nodeCount > 0 {
            var isTarget = [Bool](repeating: false, count: index.nodeCount)
            for to in index.edgeTo { isTarget[Int(to)] = true }
            roots = (0..<index.nodeCount).filter { !isTarget[$0] }
            if roots.isEmpty {
                let first = (0..<index.nodeCount).min { index.rank[$0] < index.rank[$1] } ?? 0
                roots = [first]
                assumptions.append(
                    "no component is the product and every component is used by another: '\(graph.components[first].ref)' is taken as the product")
            } else if roots.count > 1 {
                assumptions.append("no product is named: the \(roots.count) components that nothing else uses are all treated as products")
            }
        }
        var attached: [ComponentRef] = []
        if let anchor = roots.min(by: { index.rank[$0] < index.rank[$1] }) {
            index.buildAdjacency()
            var reached = index.searchUpstream(from: roots).map { $0 != -2 }
            let unreached = (0..<index.nodeCount).filter { !reached[$0] }.sorted { index.rank[$0] < index.rank[$1] }
            var attachedNodes: [Int] = []
            for node in unreached where !reached[node] {
                attachedNodes.append(node)
                // Mark what the attached component brings with it.
                var stack = [node]
                reached[node] = true
                while let u = stack.popLast() {
                    for slot in Int(index.upStart[u])..<Int(index.upStart[u + 1]) {
                        let v = Int(index.edgeTo[Int(index.upEdges[slot])])
                        if !reached[v] {
                            reached[v] = true
                            stack.append(v)
                        }
                    }
                }
            }
            if !attachedNodes.isEmpty {
                let kind = policy.interpretation.defaultDependency.edgeKind
                for node in attachedNodes {
                    index.addAttachingEdge(from: anchor, to: node, kind: kind, interpretation: policy.interpretation)
                    attached.append(graph.components[node].ref)
                }
                index.buildAdjacency()
                assumptions.append(
                    "\(attachedNodes.count) component\(attachedNodes.count == 1 ? "" : "s") that no path from the product reaches \(attachedNodes.count == 1 ? "is" : "are") audited as part of it, attached to '\(graph.components[anchor].ref)' as '\(kind.rawValue)'")
            }
        } else {
            index.buildAdjacency()
        }
        let context = ResolvedContext(
            name: stated.name, commercial: commercial, distribution: distribution, license: stated.license,
            monthlyActiveUsers: stated.monthlyActiveUsers, dailyActiveUsers: stated.dailyActiveUsers,
            annualRevenueUSD: stated.annualRevenueUSD, regions: stated.regions, interpretation: policy.interpretation,
            roots: roots.map { graph.components[$0].ref }, attached: attached, assumptions: assumptions)
        return (context, roots)
    }
}
