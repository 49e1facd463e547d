import PedigreeDiagnostics
import PedigreeLicenses
import PedigreeModel
@testable import PedigreeEngine

/// Builds small lineage graphs in tests: `component("app", license: "MIT")`, `edge("app", .dependsOn, "lib")`.
struct GraphBuilder {
    var components: [Component] = []
    var edges: [Edge] = []
    var roots: [ComponentRef] = []

    @discardableResult
    mutating func component(
        _ ref: String, license: String? = nil, kind: ComponentKind = .library, name: String? = nil,
        purl: String? = nil, version: String? = nil, concluded: String? = nil, ambiguousList: [String]? = nil,
        line: Int? = nil
    ) -> ComponentRef {
        let location = SourceLocation(file: "sbom.json", line: line ?? (components.count + 1) * 10, column: 5)
        var declared = license.map { LicenseStatement(LicenseText($0, location: location)) }
        if let list = ambiguousList {
            declared = LicenseStatement(list.map { LicenseText($0, form: .id, location: location) }, isAmbiguousList: true)
        }
        components.append(Component(
            ref: ComponentRef(ref), name: name ?? ref, version: version, kind: kind, purl: purl,
            declaredLicense: declared, concludedLicense: concluded.map { LicenseStatement(LicenseText($0, location: location)) },
            location: location))
        return ComponentRef(ref)
    }

    mutating func edge(_ from: String, _ kind: EdgeKind, _ to: String) {
        edges.append(Edge(from: ComponentRef(from), to: ComponentRef(to), kind: kind))
    }

    mutating func root(_ ref: String) { roots.append(ComponentRef(ref)) }

    var graph: LineageGraph { LineageGraph(components: components, edges: edges, roots: roots) }

    func audit(
        _ context: ProductContext = ProductContext(commercial: true, distribution: [.binary]),
        policy: AuditPolicy = AuditPolicy(), catalog: TestCatalog = TestCatalog(), options: AuditOptions = AuditOptions()
    ) -> AuditResult {
        Engine.audit(graph: graph, context: context, policy: policy, catalog: catalog, options: options)
    }
}

extension AuditResult {
    func findings(_ rule: RuleID) -> [Finding] { findings.filter { $0.rule == rule } }
}

extension Finding {
    /// The path as refs joined by arrows, for compact assertions.
    var pathText: String {
        path.map { step in step.ref.rawValue + (step.edge.map { " (\($0.rawValue))" } ?? "") }.joined(separator: " → ")
    }
}
