import PedigreeDiagnostics
import PedigreeLicenses
import PedigreeModel

/// Everything a rule may read: the graph, the product context, each component's licenses and the
/// propagated terms, with helpers that draw paths and build findings the same way for every rule.
public struct RuleContext: Sendable {
    let index: GraphIndex
    /// The product context in force.
    public let product: ResolvedContext
    let roots: [Int]
    let policy: AuditPolicy
    let catalog: any LicenseCatalog
    let licenses: [ResolvedLicense]
    let componentLicenses: [ComponentLicense]
    /// The product's outbound licenses (stated, else the root's own); empty when unknown.
    let outbound: [Int]
    let forward: ForwardReach
    /// The propagation itself, for questions about one component (`explain`: every source of a term).
    let propagator: Propagator
    let rootReach: [RootReach]
    /// For each component, the edge a shortest path from a root arrived over (-1 root, -2 unreached).
    let rootVia: [Int32]
    let shipped: [Bool]
    /// Components with an outgoing derivative edge (DOMAIN §8.3).
    let isDerivative: [Bool]
    /// What the catalog knows of each component's license (by purl, name, version).
    let knownFacts: [KnownLicenseFact?]
    /// For each component, the index of the cycle (strongly connected component) it is in, or -1.
    let cycleOf: [Int32]

    var components: [Component] { index.graph.components }

    func ref(_ node: Int) -> ComponentRef { components[node].ref }

    /// The component's name for messages (quoted by the caller).
    func name(_ node: Int) -> String { components[node].name.isEmpty ? components[node].ref.rawValue : components[node].name }

    /// Whether the component is a model derived from another (fine-tune, merge, adapter, distillation).
    func isDerivativeModel(_ node: Int) -> Bool { isDerivative[node] && components[node].kind == .model }

    /// Licenses whose display only derivative models owe, carried into a derivative model from upstream
    /// ("Built with Qwen" is owed by the model built with Qwen, whatever license it states itself).
    func carriedDerivativeDisplays(_ node: Int) -> [(license: Int, display: String)] {
        guard isDerivativeModel(node) else { return [] }
        return forward.licenses(at: node, with: .attribution).compactMap { record in
            guard record.predEdge >= 0, let a = licenses[Int(record.license)].terms?.attribution,
                a.displayOwedBy == .derivativeModels, let display = a.display
            else { return nil }
            return (Int(record.license), display)
        }
    }

    /// The known licenses in force on a component.
    func ownLicenses(_ node: Int) -> [Int] {
        componentLicenses[node].atoms.filter { licenses[$0].terms != nil }
    }

    func outboundLicenses() -> [ResolvedLicense] { outbound.map { licenses[$0] } }

    /// Edges of a shortest path from a product root down to `node`.
    func rootEdges(to node: Int) -> [Int] {
        var edges: [Int] = []
        var current = node
        while rootVia[current] >= 0, edges.count <= index.nodeCount {
            let edge = Int(rootVia[current])
            edges.append(edge)
            current = Int(index.edgeFrom[edge])
        }
        return edges.reversed()
    }

    /// Steps for a walk that starts at `start` and follows `edges` upstream.
    func steps(from start: Int, edges: [Int]) -> [PathStep] {
        var steps: [PathStep] = []
        var current = start
        for edge in edges {
            steps.append(PathStep(ref: ref(current), edge: index.edgeKind[edge], attached: index.isAttaching(edge)))
            current = Int(index.edgeTo[edge])
        }
        steps.append(PathStep(ref: ref(current)))
        return steps
    }

    /// The path from the product to `node`.
    func pathToComponent(_ node: Int) -> [PathStep] {
        let edges = rootEdges(to: node)
        let start = edges.first.map { Int(index.edgeFrom[$0]) } ?? node
        return steps(from: start, edges: edges)
    }

    /// The path from the product to `firedAt`, then down the edges that carried (license, aspect) to it.
    func path(firedAt node: Int, license: Int, aspect: Aspect) -> [PathStep] {
        let down = rootEdges(to: node)
        let carry = forward.carryingEdges(from: node, license: license, aspect: aspect, index: index)
        let start = down.first.map { Int(index.edgeFrom[$0]) } ?? node
        return steps(from: start, edges: down + carry)
    }

    /// The path from the product to `node`, then over one more edge.
    func path(to node: Int, then edge: Int) -> [PathStep] {
        let edges = rootEdges(to: node) + [edge]
        let start = edges.first.map { Int(index.edgeFrom[$0]) } ?? node
        return steps(from: start, edges: edges)
    }

    /// The path of a term that reaches a root, from that root down to the component holding it.
    func path(of reach: RootReach) -> [PathStep] { steps(from: reach.root, edges: reach.edges) }

    /// The source of (license, aspect) as it reaches `node`.
    func source(at node: Int, license: Int, aspect: Aspect) -> Int? {
        forward.record(at: node, license: license, aspect: aspect).map { Int($0.source) }
    }

    /// Where a finding about `node` points: its license statement, else the component.
    func location(of node: Int) -> SourceLocation? {
        componentLicenses[node].statement?.location ?? components[node].location
    }

    /// A finding with everything but severity, fingerprint and waiver, which the engine adds.
    func finding(
        _ rule: RuleID, _ message: String, component: Int, firedAt: Int, licenses: [String], path: [PathStep],
        remediation: String, parties: [FindingParty] = [], notes: [String] = []
    ) -> Finding {
        Finding(
            rule: rule, severity: rule.defaultSeverity, message: message, component: ref(component),
            firedAt: ref(firedAt), licenses: licenses, path: path, location: location(of: component),
            remediation: remediation, parties: parties, notes: notes)
    }

    /// A side of a conflict: the component and the license it brings.
    func party(_ node: Int, license: String) -> FindingParty {
        FindingParty(component: ref(node), license: license, location: location(of: node))
    }

    /// A finding whose duty falls on a derivative (DOMAIN §8.5): the derivative must act and is located
    /// in its own file; `source`, whose license imposes the term, is named beside it.
    func derivativeFinding(
        _ rule: RuleID, _ message: String, derivative: Int, source: Int, licenses: [String], path: [PathStep],
        remediation: String, notes: [String] = []
    ) -> Finding {
        Finding(
            rule: rule, severity: rule.defaultSeverity, message: message, component: ref(derivative),
            source: ref(source), firedAt: ref(derivative), licenses: licenses, path: path,
            location: location(of: derivative), sourceLocation: source == derivative ? nil : location(of: source),
            remediation: remediation, notes: notes)
    }

    /// Whether a license id or category list names this license.
    static func listMatches(_ list: [String], _ license: ResolvedLicense) -> Bool {
        guard !list.isEmpty else { return false }
        let id = license.id.uppercased()
        let key = license.key.uppercased()
        for entry in list {
            let upper = entry.uppercased()
            if upper == id || upper == key || LicenseIdentity.normalized(entry) == license.normalized { return true }
            if let category = PolicyLicenseCategory(rawValue: entry.lowercased()), let terms = license.terms,
                category.matches(terms)
            {
                return true
            }
        }
        return false
    }

    /// Whether the policy denies a license (an `allow` match wins over a `deny` match).
    func isDenied(_ license: ResolvedLicense) -> Bool { RuleContextPolicy(policy: policy).isDenied(license) }
}
