import PedigreeDiagnostics
import PedigreeEngine
import PedigreeLicenses
import PedigreeModel
import PedigreeReports

/// Small products audited against the knowledge base, for the report writers' tests.
struct ReportFixture {
    var components: [Component] = []
    var edges: [Edge] = []
    var roots: [ComponentRef] = []
    var file = "/work/app/sbom.cdx.json"

    /// Adds a component whose license (and location) is stated at `line`, column 7.
    mutating func add(
        _ ref: String, _ name: String? = nil, kind: ComponentKind = .library, license: String? = nil, version: String? = nil,
        purl: String? = nil, line: Int
    ) {
        let location = SourceLocation(file: file, line: line, column: 7)
        components.append(Component(
            ref: ComponentRef(ref), name: name ?? ref, version: version, kind: kind, purl: purl,
            declaredLicense: license.map { LicenseStatement(LicenseText($0, location: location)) }, location: location))
    }

    mutating func edge(_ from: String, _ kind: EdgeKind, _ to: String) {
        edges.append(Edge(from: ComponentRef(from), to: ComponentRef(to), kind: kind))
    }

    func report(
        context: ProductContext = ProductContext(name: "Acme Chat", commercial: true, distribution: [.binary]),
        policy: AuditPolicy = AuditPolicy(), options: AuditOptions = AuditOptions(),
        baseline: [BaselineComparison.Entry]? = nil
    ) -> AuditReport {
        var options = options
        if let baseline { options.baseline = Set(baseline.map(\.fingerprint)) }
        var result = Engine.audit(
            graph: LineageGraph(components: components, edges: edges, roots: roots), context: context, policy: policy,
            catalog: KnowledgeBase.shared, options: options)
        if let baseline { result.baseline = BaselineComparison(source: "base.json", findings: result.findings, baseline: baseline) }
        return AuditReport(result: result, toolVersion: "9.9.9")
    }

    /// A commercial chat app: a Llama 3.1 fine-tune trained on a non-commercial dataset (a blocking
    /// error), an Apache-2.0 library and an MIT one, and a test-only tool.
    static func chatApp(hostile: String? = nil) -> ReportFixture {
        var fixture = ReportFixture()
        fixture.add("app", "acme-chat", kind: .application, version: "1.0.0", line: 3)
        fixture.add("tune", "Llama-acme-chat-8b", kind: .model, license: "llama3.1", version: "2", line: 10)
        fixture.add("base", "meta-llama/Llama-3.1-8B", kind: .model, license: "llama3.1", line: 20)
        fixture.add("data", hostile ?? "nc-dialogues", kind: .dataset, license: "CC-BY-NC-4.0", line: 30)
        fixture.add("http", "requests", license: "Apache-2.0", version: "2.32.3", purl: "pkg:pypi/requests@2.32.3", line: 40)
        fixture.add("json", "orjson", license: "MIT", version: "3.10.0", purl: "pkg:pypi/orjson@3.10.0", line: 50)
        fixture.add("test", "pytest", license: "MIT", line: 60)
        fixture.edge("app", .dependsOn, "tune")
        fixture.edge("tune", .fineTunedFrom, "base")
        fixture.edge("tune", .trainedOn, "data")
        fixture.edge("app", .dependsOn, "http")
        fixture.edge("app", .dependsOn, "json")
        fixture.edge("app", .testDependency, "test")
        fixture.roots = ["app"]
        return fixture
    }
}
