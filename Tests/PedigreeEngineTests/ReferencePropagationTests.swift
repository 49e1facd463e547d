import PedigreeLicenses
import PedigreeModel
import Testing
@testable import PedigreeEngine

/// Checks the engine's propagation against a naive reference: repeat "push every term over every edge"
/// until nothing changes (Bellman-Ford style, so distances are shortest), on random DAGs and cyclic
/// graphs with fixed seeds. The reference states DOMAIN.md §3 per edge kind, independently of the
/// engine's bit tables.
@Suite struct ReferencePropagationTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    struct Key: Hashable {
        var license: String
        var aspect: String
    }

    static let licenseIDs = TestCatalog.standard.map(\.id)

    /// What a license gives its own holder, straight from the terms.
    static func own(_ t: LicenseTerms) -> Set<String> {
        var s: Set<String> = ["work"]
        if t.copyleft == .strong || t.copyleft == .network { s.insert("copyleft") }
        if t.copyleft == .weakFile || t.copyleft == .weakLibrary { s.insert("weak-copyleft") }
        if t.copyleft == .shareAlike { s.insert("share-alike") }
        if t.commercial != .allowed || !t.thresholds.isEmpty { s.insert("commercial-limits") }
        if !t.derivativesAllowed { s.insert("no-derivatives") }
        if t.useRestrictionsFlowDown { s.insert("use-restrictions") }
        let a = t.attribution
        if a.notice != nil || a.display != nil || a.namePrefix != nil || a.licenseCopy || a.noticeFile { s.insert("attribution") }
        if t.hostedServiceForbidden || t.hostingIsDistribution { s.insert("hosting") }
        if !t.territory.isEmpty { s.insert("territory") }
        if !t.outputUse.isEmpty || t.derivativeIncludesOutputs { s.insert("output-terms") }
        return s
    }

    /// DOMAIN.md §3 for one aspect over one edge kind (default interpretations).
    static func flows(_ kind: EdgeKind, _ aspect: String, _ t: LicenseTerms) -> Set<String> {
        let learned: Set<String> = t.derivativeIncludesOutputs ? own(t).union(["learned-from-outputs"]) : ["learned-from-outputs"]
        switch kind {
        case .fineTunedFrom, .quantizedFrom, .mergedFrom, .adapterOf, .derivedFrom, .staticLink:
            return [aspect]
        case .dynamicLink, .dependsOn:
            let weak = t.copyleft == .weakFile || t.copyleft == .weakLibrary
            if ["copyleft", "commercial-limits", "hosting", "territory"].contains(aspect) { return [aspect] }
            if aspect == "work" && !weak { return ["work"] }
            return []
        case .trainedOn:
            if ["commercial-limits", "no-derivatives", "use-restrictions"].contains(aspect) { return [aspect] }
            return aspect == "outputs" ? learned : []
        case .distilledFrom:
            return aspect == "output-terms" ? learned : []
        case .generatedBy:
            return aspect == "output-terms" ? ["outputs"] : []
        case .contains, .runs:
            return ["commercial-limits", "hosting", "territory", "outputs"].contains(aspect) ? [aspect] : []
        case .testedOn, .devDependency, .buildDependency, .testDependency:
            return []
        }
    }

    /// The terms reaching every component: first over the stated edges until nothing changes, then over
    /// all edges for what only an attaching edge brings, keeping what the first pass found (DOMAIN §8.6).
    static func reference(
        components: [Component], edges: [(ComponentRef, ComponentRef, EdgeKind, attached: Bool)], catalog: TestCatalog
    ) -> [ComponentRef: [Key: Int]] {
        var reach: [ComponentRef: [Key: Int]] = [:]
        for component in components {
            guard let id = component.declaredLicense?.parts.first?.raw, let terms = catalog.terms(for: id) else { continue }
            for aspect in own(terms) { reach[component.ref, default: [:]][Key(license: id, aspect: aspect)] = 0 }
        }
        relax(&reach, over: edges.filter { !$0.attached }, frozen: [:], catalog: catalog)
        relax(&reach, over: edges, frozen: reach, catalog: catalog)
        return reach
    }

    /// Pushes every term over every edge until nothing changes (Bellman-Ford), leaving `frozen` as it is.
    static func relax(
        _ reach: inout [ComponentRef: [Key: Int]], over edges: [(ComponentRef, ComponentRef, EdgeKind, attached: Bool)],
        frozen: [ComponentRef: [Key: Int]], catalog: TestCatalog
    ) {
        var changed = true
        while changed {
            changed = false
            for (from, to, kind, _) in edges {
                for (key, distance) in reach[to] ?? [:] {
                    guard let terms = catalog.terms(for: key.license) else { continue }
                    for aspect in flows(kind, key.aspect, terms) {
                        let target = Key(license: key.license, aspect: aspect)
                        if frozen[from]?[target] != nil { continue }
                        if let known = reach[from]?[target], known <= distance + 1 { continue }
                        reach[from, default: [:]][target] = distance + 1
                        changed = true
                    }
                }
            }
        }
    }

    @discardableResult
    func check(seed: UInt64, cyclic: Bool) -> Int {
        var random = Random(state: seed)
        let catalog = TestCatalog()
        let count = 2 + random.below(11)
        var g = GraphBuilder()
        for node in 0..<count {
            let license = random.below(4) == 0 ? nil : Self.licenseIDs[random.below(Self.licenseIDs.count)]
            g.component("n\(node)", license: license, kind: node == 0 ? .application : .model)
        }
        let edgeCount = random.below(count * 3)
        for _ in 0..<edgeCount {
            var from = random.below(count)
            var to = random.below(count)
            if !cyclic {
                if from == to { continue }
                if from > to { swap(&from, &to) }
            }
            g.edge("n\(from)", EdgeKind.allCases[random.below(EdgeKind.allCases.count)], "n\(to)")
        }
        g.root("n0")
        let result = g.audit()
        let edges = result.relationships.map { ($0.from, $0.to, $0.kind, attached: $0.attached) }
        let expected = Self.reference(components: g.components, edges: edges, catalog: catalog)
        let carried = expected.values.reduce(0) { $0 + $1.values.filter { $0 > 0 }.count }
        for component in g.components {
            guard let explanation = result.explain(component: component.ref.rawValue) else {
                Issue.record("no explanation for \(component.ref) (seed \(seed))")
                continue
            }
            // Every source is listed; the nearest over stated edges counts, else the nearest over any.
            var real: [Key: Int] = [:]
            var any: [Key: Int] = [:]
            for term in explanation.terms {
                #expect(term.path.first?.ref == component.ref)
                #expect(term.path.last?.ref == term.source)
                let attached = term.path.contains { $0.attached }
                for aspect in term.aspects {
                    let key = Key(license: term.license, aspect: aspect)
                    any[key] = min(any[key] ?? Int.max, term.path.count - 1)
                    if !attached { real[key] = min(real[key] ?? Int.max, term.path.count - 1) }
                }
            }
            let actual = any.merging(real) { _, stated in stated }
            let wanted = expected[component.ref] ?? [:]
            #expect(actual == wanted, "seed \(seed), cyclic \(cyclic), component \(component.ref)")
        }
        return carried
    }

    @Test func theGeneratedGraphsCarryTerms() {
        let carried = (0..<40).reduce(0) { $0 + check(seed: UInt64($1) &* 7919 &+ 1, cyclic: $1 % 2 == 0) }
        #expect(carried > 200)
    }

    @Test(arguments: 0..<200)
    func randomDAGsMatchTheReference(seed: Int) { check(seed: UInt64(seed) &* 7919 &+ 1, cyclic: false) }

    @Test(arguments: 0..<200)
    func randomCyclicGraphsMatchTheReference(seed: Int) { check(seed: UInt64(seed) &* 104_729 &+ 3, cyclic: true) }
}
