import PedigreeCore
import PedigreeEngine
import PedigreeModel
import Testing

/// Project folders of each ecosystem (Tests/Fixtures/project): what becomes a component, with which
/// license, linked how, and which findings that raises for a proprietary binary or a large SaaS.
@Suite struct ProjectEcosystemAuditTests {
    static func audit(_ name: String, context: ProductContext = ProjectFolderAuditTests.shippedBinary) -> AuditRun {
        ProjectFolderAuditTests.audit(name, context: context)
    }

    static func component(_ run: AuditRun, _ name: String) -> Component? {
        run.inputs.lineage.graph.components.first { $0.name == name }
    }

    static func findings(_ run: AuditRun, _ rule: RuleID) -> [String] {
        let graph = run.inputs.lineage.graph
        return run.result.findings.filter { $0.rule == rule }.compactMap { finding in
            graph.components.first { $0.ref == finding.component }?.name
        }.sorted()
    }

    @Test func javaScriptProjectReadsLockAndInstalledPackages() throws {
        let run = Self.audit("node-app")
        let graph = run.inputs.lineage.graph
        #expect(graph.roots.map { graph.components[$0].name } == ["acme-web"])
        #expect(Self.findings(run, .copyleftDistribution) == ["gpl-widget"])
        // The legacy array is npm's list, a choice: MIT is chosen over GPL-2.0-only.
        #expect(run.result.choices.contains { $0.component.rawValue.contains("legacy-choice") })
        let express = try #require(Self.component(run, "express"))
        #expect(Set(express.origins.map(\.format)) == [.npmPackage, .npmLock])
        #expect(express.version == "4.18.2" && express.declaredLicense?.displayText == "MIT")
        // The lock states no license for @acme/ui; the installed manifest's legacy { type } does.
        #expect(Self.component(run, "@acme/ui")?.declaredLicense?.displayText == "ISC")
        // Declared and neither installed nor locked: unknown at its line; an optional one not installed is absent.
        let missing = try #require(Self.component(run, "not-installed"))
        #expect(missing.declaredLicense == nil && missing.location?.line == 17 && missing.location?.file.hasSuffix("package-lock.json") == true)
        #expect(Self.component(run, "fsevents") == nil)
        let jest = try #require(graph.components.firstIndex { $0.name == "jest" })
        #expect(graph.incoming[jest].allSatisfy { graph.edges[$0].kind == .devDependency })
        // Only package.json files are read inside node_modules.
        #expect(!run.inputs.load.files.contains { $0.path.hasSuffix(".js") })
    }

    @Test func rustCratesAreStaticallyLinkedWithVendoredLicenses() throws {
        let run = Self.audit("rust-app")
        #expect(Self.findings(run, .copyleftDistribution) == ["gpl-crate"])
        let serde = try #require(Self.component(run, "serde"))
        #expect(serde.declaredLicense?.displayText == "MIT OR Apache-2.0")
        #expect(serde.version == "1.0.197")
        let graph = run.inputs.lineage.graph
        let product = try #require(graph.roots.first)
        #expect(graph.components[product].name == "acme-cli")
        let kinds = Set(graph.outgoing[product].map { graph.edges[$0].kind })
        #expect(kinds == [.staticLink, .devDependency])
        #expect(Self.component(run, "missing-crate")?.declaredLicense == nil)
    }

    @Test func goModulesTakeTheLicenseFilesVendoredBesideThem() throws {
        let run = Self.audit("go-app")
        let tinylog = try #require(Self.component(run, "github.com/acme/tinylog"))
        #expect(tinylog.version == "v1.4.0")
        #expect(!Self.findings(run, .unknownLicense).contains("github.com/acme/tinylog"))
        // Vendored without a license file, and required but not vendored: both unknown, never invented.
        #expect(Self.findings(run, .unknownLicense) == ["github.com/acme/unvendored", "golang.org/x/text"])
        let graph = run.inputs.lineage.graph
        #expect(graph.roots.map { graph.components[$0].name } == ["example.com/acme/server"])
    }

    @Test func llamaCppFoundThroughGitModulesIsMIT() throws {
        let run = Self.audit("native-app")
        let llama = try #require(Self.component(run, "llama.cpp"))
        #expect(llama.purl == "pkg:github/ggml-org/llama.cpp")
        #expect(Set(llama.origins.map(\.format)) == [.gitModules, .vendoredLicense])
        let licenseID = try #require(llama.declaredLicense?.parts.first?.raw)
        #expect(run.diagnostics.contains { $0.message.contains(licenseID) && $0.message.contains("MIT") })
        #expect(!Self.findings(run, .unknownLicense).contains("llama.cpp"))
        #expect(!Self.findings(run, .licenseMismatch).contains("llama.cpp"))
        // Fetched by CMake: known by its URL, but its license is not in the tree: unknown, with the hint.
        #expect(Self.findings(run, .unknownLicense).contains("ggml"))
        #expect(Self.component(run, "ggml")?.version == "v0.0.2")
        #expect(Self.component(run, "stb") != nil && !Self.findings(run, .unknownLicense).contains("stb"))
        let graph = run.inputs.lineage.graph
        #expect(graph.roots.map { graph.components[$0].name } == ["acme-server"])
        let cmake = try #require(Self.component(run, "cmake"))
        let index = try #require(graph.components.firstIndex { $0.ref == cmake.ref })
        #expect(graph.incoming[index].allSatisfy { graph.edges[$0].kind == .buildDependency })
    }

    @Test func ollamaModelfileWithTheLlamaLicenseAboveItsThreshold() throws {
        let saas = ProductContext(commercial: true, distribution: [.saas], monthlyActiveUsers: 800_000_000)
        let run = Self.audit("ollama-model", context: saas)
        #expect(Self.findings(run, .usageThreshold) == ["ollama-model"])
        let below = Self.audit("ollama-model", context: ProductContext(commercial: true, distribution: [.saas], monthlyActiveUsers: 1_000_000))
        #expect(Self.findings(below, .usageThreshold).isEmpty)
        // The base is a library model: no license of its own in the tree.
        #expect(Self.component(run, "llama3.1")?.version == "8b")
    }

    @Test func mlflowModelIsDerivedFromItsSourceModel() throws {
        let run = Self.audit("mlflow-model")
        let graph = run.inputs.lineage.graph
        let model = try #require(graph.components.firstIndex { $0.name == "mlflow-model" })
        let edges = graph.outgoing[model].map { graph.edges[$0] }
        #expect(edges.map(\.kind) == [.derivedFrom])
        #expect(edges.first?.to.rawValue == "acme/support-llama-3.1-8b")
        #expect(!Self.findings(run, .unknownLicense).contains("mlflow-model"))
    }
}
