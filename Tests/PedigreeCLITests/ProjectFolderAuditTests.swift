import PedigreeCore
import PedigreeEngine
import PedigreeModel
import Testing

/// `pedigree audit FOLDER` on a project without an SBOM: its manifests, lockfiles and installed
/// package metadata are the inputs (Tests/Fixtures/project).
@Suite struct ProjectFolderAuditTests {
    static func audit(_ name: String, context: ProductContext) -> AuditRun {
        let folder = PedigreeProcess.repository + "/Tests/Fixtures/project/" + name
        return Pipeline.audit(AuditRequest(inputs: [folder], context: context))
    }

    static let shippedBinary = ProductContext(commercial: true, distribution: [.binary])

    @Test func gplPackageImportedByAProprietaryBinaryIsCopyleftDistribution() throws {
        let run = Self.audit("python-app", context: Self.shippedBinary)
        let copyleft = run.result.findings.filter { $0.rule == .copyleftDistribution }
        #expect(copyleft.map(\.component.rawValue).sorted() == ["pkg:pypi/gnu3-tool@3.0", "pkg:pypi/readline-gpl@8.2"])
        let readline = try #require(copyleft.first { $0.component.rawValue == "pkg:pypi/readline-gpl@8.2" })
        #expect(readline.licenses == ["GPL-2.0-or-later"])
        #expect(readline.path.compactMap(\.edge) == [.dynamicLink])
        // LGPL and MPL packages imported the same way do not raise it.
        for silent in ["pkg:pypi/chardet-lgpl@5.2.0", "pkg:pypi/certifi@2024.2.2"] {
            #expect(!run.result.findings.contains { $0.component.rawValue == silent && $0.rule != .attribution && $0.rule != .sourceOffer })
        }
    }

    @Test func theProjectIsTheProductAndEachPackageOneComponent() throws {
        let run = Self.audit("python-app", context: Self.shippedBinary)
        let graph = run.inputs.lineage.graph
        #expect(graph.roots.map { graph.components[$0].ref.rawValue } == ["pkg:pypi/acme-desktop@1.4.0"])
        let requests = try #require(graph.components.first { $0.name == "requests" })
        // Locked in uv.lock and installed: one component with both origins, licensed by its metadata.
        #expect(Set(requests.origins.map(\.format)) == [.pythonMetadata, .uvLock, .pyproject])
        #expect(requests.declaredLicense?.displayText == "Apache 2.0")
        // Declared, neither installed nor locked: unknown, at the line that declared it.
        let leftPad = try #require(graph.components.first { $0.name == "left-pad-py" })
        #expect(leftPad.declaredLicense == nil && leftPad.version == nil)
        let unknown = try #require(run.result.findings.first { $0.rule == .unknownLicense && $0.component == leftPad.ref })
        #expect(unknown.location?.line == 10 && unknown.location?.file.hasSuffix("pyproject.toml") == true)
        // Locked but not installed: the lock's version, no license invented.
        let urllib3 = try #require(graph.components.first { $0.name == "urllib3" })
        #expect(urllib3.version == "2.2.1" && urllib3.declaredLicense == nil)
        // A marker for another platform and an extra that is not installed are not dependencies here.
        #expect(!graph.components.contains { ["pywin32", "pysocks", "PySocks", "win-inet-pton"].contains($0.name) })
        // Git internals and a build output beside the project manifest are never read.
        #expect(!run.inputs.load.files.contains { $0.path.contains("/.git/") || $0.path.contains("/build/") })
        // A license given only as a License-File is that file's text, identified.
        let tiny = try #require(graph.components.first { $0.name == "tinyhttp" })
        let tinyLicense = try #require(tiny.declaredLicense?.parts.first?.raw)
        #expect(!run.result.findings.contains { $0.component == tiny.ref && $0.rule == .unknownLicense })
        #expect(run.diagnostics.contains { $0.message.contains(tinyLicense) && $0.message.contains("MIT") })
        // The dev group ships nothing.
        let pytest = try #require(graph.components.firstIndex { $0.name == "pytest" })
        #expect(graph.incoming[pytest].allSatisfy { graph.edges[$0].kind == .devDependency })
    }
}
