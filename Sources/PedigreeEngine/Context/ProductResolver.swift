import PedigreeModel

/// Decides the product context and roots (DOMAIN §4) and attaches the components no root reaches.
///
/// Decisions where DOMAIN.md is silent:
/// - With no stated root and every component the `to` of some edge (the graph is all cycles), the
///   component with the lowest canonical rank is the root, and the report says so.
/// - Only the tops of the unreached part are attached (components nothing else uses, and one member of
///   each loop nothing outside it uses, the first in canonical order), so that a dataset is reached
///   through the model trained on it and a base through its fine-tune, never straight from the product.
/// - With several roots, attached components hang off the first root in canonical order.
/// - Inferred roots and attached components are each stated once, as assumptions naming them, which
///   every report format shows; `rootsAreInferred` and `attached` carry the same facts for machines.
enum ProductResolver {
    static func resolve(
        stated: ProductContext, policy: AuditPolicy, index: inout GraphIndex, components: StronglyConnectedComponents
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
        let inferred = graph.rootsAreInferred || roots.isEmpty
        var tookCanonicalRoot = false
        if roots.isEmpty, index.nodeCount > 0 {
            var isTarget = [Bool](repeating: false, count: index.nodeCount)
            for to in index.edgeTo { isTarget[Int(to)] = true }
            roots = (0..<index.nodeCount).filter { !isTarget[$0] }
            if roots.isEmpty {
                let first = (0..<index.nodeCount).min { index.rank[$0] < index.rank[$1] } ?? 0
                roots = [first]
                tookCanonicalRoot = true
                assumptions.append(
                    "no component is the product and every component is used by another: '\(graph.components[first].ref)' is taken as the product")
            }
        }
        if inferred, !tookCanonicalRoot, !roots.isEmpty {
            let names = roots.sorted { index.rank[$0] < index.rank[$1] }.map { "'\(graph.components[$0].ref)'" }
            assumptions.append(
                "no input names the product: the roots are inferred as the \(names.count == 1 ? "component" : "\(names.count) components") that nothing else uses, \(names.joined(separator: ", "))")
        }
        index.buildAdjacency()
        let attached = attachUnreached(
            roots: roots, components: components, policy: policy, index: &index, assumptions: &assumptions)
        let context = ResolvedContext(
            name: stated.name, commercial: commercial, distribution: distribution, license: stated.license,
            monthlyActiveUsers: stated.monthlyActiveUsers, dailyActiveUsers: stated.dailyActiveUsers,
            annualRevenueUSD: stated.annualRevenueUSD, regions: stated.regions, interpretation: policy.interpretation,
            roots: roots.map { graph.components[$0].ref }, rootsAreInferred: inferred, attached: attached,
            assumptions: assumptions)
        return (context, roots)
    }

    /// Attaches the tops of what no root reaches to the first root, so that everything below them is
    /// reached through the edges the inputs state (DOMAIN §4), and says so once.
    ///
    /// - Returns: the attached components.
    /// - Complexity: O(V + E).
    private static func attachUnreached(
        roots: [Int], components: StronglyConnectedComponents, policy: AuditPolicy, index: inout GraphIndex,
        assumptions: inout [String]
    ) -> [ComponentRef] {
        let rank = index.rank
        guard let anchor = roots.min(by: { rank[$0] < rank[$1] }) else { return [] }
        let graph = index.graph
        let tops = graph.unreachedTops(roots: roots, components: components) { rank[$0] < rank[$1] }
        guard !tops.isEmpty else { return [] }
        let kind = policy.interpretation.defaultDependency.edgeKind
        for node in tops {
            index.addAttachingEdge(from: anchor, to: node, kind: kind, interpretation: policy.interpretation)
        }
        index.buildAdjacency()
        let names = tops.map { "'\(graph.components[$0].ref)'" }.joined(separator: ", ")
        assumptions.append(
            "\(tops.count) component\(tops.count == 1 ? "" : "s") that no path from the product reaches \(tops.count == 1 ? "is" : "are") audited as part of it, attached to '\(graph.components[anchor].ref)' as '\(kind.rawValue)': \(names)")
        return tops.map { graph.components[$0].ref }
    }
}
