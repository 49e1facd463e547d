#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PedigreeCore

/// The engine alone (propagation and every rule) on generated lineage graphs, against the real
/// knowledge base: 1k, 10k and 100k components with 3 edges each, and 1,000 components joined by
/// 1,000,000 edges full of cycles. Reading and merging inputs are not timed.
///
/// Goals on a 2-core machine: 100k components / 300k edges under 0.5 s; the cyclic graph under 5 s.
enum EngineBench {
    static let runs = 3

    /// Licenses in the proportions of a real product: mostly permissive, some copyleft, a few model
    /// licenses, non-commercial data and unknowns.
    static let licenses: [(String, Int)] = [
        ("MIT", 30), ("Apache-2.0", 25), ("BSD-3-Clause", 10), ("ISC", 5), ("LGPL-2.1-only", 5), ("GPL-3.0-only", 3),
        ("MPL-2.0", 4), ("llama3.1", 3), ("CC-BY-4.0", 4), ("CC-BY-NC-4.0", 1), ("creativeml-openrail-m", 2),
        ("GPL-2.0-only WITH Classpath-exception-2.0", 1), ("AGPL-3.0-only", 1), ("NOASSERTION", 6),
    ]

    static let edgeKinds: [(EdgeKind, Int)] = [
        (.dependsOn, 55), (.dynamicLink, 10), (.staticLink, 8), (.contains, 8), (.fineTunedFrom, 5), (.trainedOn, 4),
        (.quantizedFrom, 2), (.mergedFrom, 2), (.devDependency, 4), (.runs, 2),
    ]

    static func weighted<T>(_ choices: [(T, Int)], _ random: inout SplitMix64) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var roll = random.below(total)
        for (value, weight) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices[0].0
    }

    /// `count` components, each with `edgesEach` edges to later components (a DAG, as SBOMs mostly are).
    static func layeredGraph(count: Int, edgesEach: Int, seed: UInt64) -> LineageGraph {
        var random = SplitMix64(seed: seed)
        var components: [Component] = []
        components.reserveCapacity(count)
        for index in 0..<count {
            let license = index == 0 ? nil : weighted(licenses, &random)
            components.append(Component(
                ref: ComponentRef("c\(index)"), name: "component-\(index)", version: "1.\(index % 7)",
                kind: index == 0 ? .application : (random.chance(10) ? .model : .library),
                purl: "pkg:generic/component-\(index)@1.0",
                declaredLicense: license.map { LicenseStatement(LicenseText($0)) }))
        }
        var edges: [Edge] = []
        edges.reserveCapacity(count * edgesEach)
        for index in 0..<(count - 1) {
            for _ in 0..<edgesEach {
                let target = index + 1 + random.below(count - index - 1)
                edges.append(Edge(
                    from: ComponentRef("c\(index)"), to: ComponentRef("c\(target)"), kind: weighted(edgeKinds, &random)))
            }
        }
        return LineageGraph(components: components, edges: edges, roots: [ComponentRef("c0")])
    }

    /// `count` components and `edgeCount` edges between random pairs: every component is in cycles.
    static func cyclicGraph(count: Int, edgeCount: Int, seed: UInt64) -> LineageGraph {
        var random = SplitMix64(seed: seed)
        let components = (0..<count).map { index in
            Component(
                ref: ComponentRef("n\(index)"), name: "node-\(index)", kind: .model,
                declaredLicense: LicenseStatement(LicenseText(weighted(licenses, &random))))
        }
        var edges: [Edge] = []
        edges.reserveCapacity(edgeCount)
        for _ in 0..<edgeCount {
            edges.append(Edge(
                from: ComponentRef("n\(random.below(count))"), to: ComponentRef("n\(random.below(count))"),
                kind: weighted(edgeKinds, &random)))
        }
        return LineageGraph(components: components, edges: edges, roots: [ComponentRef("n0")])
    }

    static let context = ProductContext(commercial: true, distribution: [.binary, .saas], monthlyActiveUsers: 1_000_000)

    static func time(_ graph: LineageGraph) -> (seconds: Double, findings: Int) {
        var findings = 0
        if ProcessInfoLite.flag("PEDIGREE_BENCH_RULES") {
            let result = Engine.audit(graph: graph, context: context, catalog: KnowledgeBase.shared)
            var counts: [RuleID: Int] = [:]
            for finding in result.findings { counts[finding.rule, default: 0] += 1 }
            print(counts.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " "))
        }
        let best = (try? Stopwatch.best(runs: runs) {
            Engine.audit(graph: graph, context: context, catalog: KnowledgeBase.shared)
        } inspect: { result in
            findings = result.findings.count
        }) ?? .infinity
        return (best, findings)
    }

    static func layered(_ count: Int, label: String) -> BenchCase {
        BenchCase(name: "engine.audit.\(label)", label: "engine, \(label) components / \(count * 3 / 1000)k edges") { _ in
            _ = KnowledgeBase.shared.terms(for: "MIT")
            let graph = layeredGraph(count: count, edgesEach: 3, seed: 0x5EED_0001)
            let (seconds, findings) = time(graph)
            var detail = "\(graph.edges.count) edges, \(findings) findings, \(microseconds(seconds / Double(count))) per component"
            if count > 1_000 {
                let small = layeredGraph(count: 1_000, edgesEach: 3, seed: 0x5EED_0001)
                let (smallSeconds, _) = time(small)
                let growth = seconds / smallSeconds
                detail += "; \(format(growth))x the time of 1k for \(count / 1_000)x the components"
            }
            return BenchResult(bestSeconds: seconds, runs: runs, detail: detail)
        }
    }

    static let thousand = layered(1_000, label: "1k")
    static let tenThousand = layered(10_000, label: "10k")
    static let hundredThousand = layered(100_000, label: "100k")

    static let cyclic = BenchCase(name: "engine.audit.cyclic", label: "engine, 1,000 components / 1M edges, cyclic") { _ in
        _ = KnowledgeBase.shared.terms(for: "MIT")
        let graph = cyclicGraph(count: 1_000, edgeCount: 1_000_000, seed: 0x5EED_0002)
        let (seconds, findings) = time(graph)
        return BenchResult(bestSeconds: seconds, runs: runs, detail: "\(graph.edges.count) edges, \(findings) findings")
    }

    static func microseconds(_ seconds: Double) -> String { format(seconds * 1e6) + " µs" }

    static func format(_ value: Double) -> String {
        let scaled = (value * 10).rounded() / 10
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}

/// Reads an environment flag without Foundation.
enum ProcessInfoLite {
    static func flag(_ name: String) -> Bool { getenv(name) != nil }
}
