import PedigreeDiagnostics
import PedigreeEngine
import PedigreeLicenses
import PedigreeModel
import PedigreeReports

/// A generated 20,000-component product audited once, for the size limits of the CI-facing reports.
///
/// The product is a commercial binary whose components form a binary tree (component i uses 2i+1 and
/// 2i+2), each stated on its own line of one SBOM. Licenses repeat in a fixed cycle of eight: MIT,
/// Apache-2.0 and BSD-3-Clause (attributions owed), CC-BY-NC-4.0 twice (non-commercial errors),
/// GPL-3.0-only (copyleft errors and source offers), MPL-2.0 and none (unknown-license warnings).
/// So there are far more findings than GitHub shows, most of them info and error.
enum LargeProduct {
    static let componentCount = 20_000
    static let licenseCycle: [String?] = ["MIT", "CC-BY-NC-4.0", "Apache-2.0", "GPL-3.0-only", "BSD-3-Clause", "CC-BY-NC-4.0", "MPL-2.0", nil]

    static let report: AuditReport = {
        let file = "/work/big/bom.cdx.json"
        var components: [Component] = []
        components.reserveCapacity(componentCount)
        for index in 0..<componentCount {
            let location = SourceLocation(file: file, line: index + 10, column: 5)
            let license = index == 0 ? nil : licenseCycle[index % licenseCycle.count]
            components.append(Component(
                ref: ComponentRef("c\(index)"), name: index == 0 ? "big-app" : "component-\(index)", version: "1.\(index % 7)",
                kind: index == 0 ? .application : .library, purl: index == 0 ? nil : "pkg:npm/component-\(index)@1.\(index % 7)",
                declaredLicense: license.map { LicenseStatement(LicenseText($0, location: location)) }, location: location))
        }
        var edges: [Edge] = []
        edges.reserveCapacity(componentCount)
        for index in 0..<componentCount {
            for child in [2 * index + 1, 2 * index + 2] where child < componentCount {
                edges.append(Edge(from: ComponentRef("c\(index)"), to: ComponentRef("c\(child)"), kind: .dependsOn))
            }
        }
        let result = Engine.audit(
            graph: LineageGraph(components: components, edges: edges, roots: ["c0"]),
            context: ProductContext(name: "big-app", commercial: true, distribution: [.binary]), policy: AuditPolicy(),
            catalog: KnowledgeBase.shared, options: AuditOptions())
        return AuditReport(result: result, toolVersion: "9.9.9")
    }()
}
