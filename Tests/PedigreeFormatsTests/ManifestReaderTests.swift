import Foundation
import PedigreeDiagnostics
import PedigreeModel
import SafeYAML
import Testing

@testable import PedigreeFormats

@Suite("Project manifest reader")
struct ManifestReaderTests {
    typealias F = AIArtifactFixtures

    func read(_ relative: String) throws -> SBOMDocument {
        let file = F.path("manifest/" + relative)
        return ManifestReader.read(yaml: try F.yaml(file), path: file)
    }

    @Test("the product section becomes the product context")
    func productContext() throws {
        let document = try read("full/pedigree.yaml")
        let manifest = try #require(document.manifest)
        let product = manifest.product
        #expect(product.name == "Acme Support Assistant")
        #expect(product.commercial == true)
        #expect(product.distribution == [.saas, .onDevice])
        #expect(product.license == "LicenseRef-Acme-Proprietary")
        #expect(product.monthlyActiveUsers == 1_200_000)
        #expect(product.dailyActiveUsers == 90_000)
        #expect(product.annualRevenueUSD == 12_500_000.5)
        #expect(product.regions == ["EU", "US"])
        #expect(document.diagnostics.isEmpty)
        #expect(document.format == .manifest)
    }

    @Test("the product is a component and the document's root")
    func productComponent() throws {
        let document = try read("full/pedigree.yaml")
        #expect(document.manifest?.productRef == "acme-assistant")
        #expect(document.roots == ["acme-assistant"])
        let product = try #require(F.component(document, "acme-assistant"))
        #expect(product.name == "Acme Support Assistant")
        #expect(product.kind == .application)
        #expect(product.version == "2.4")
        #expect(product.purl == "pkg:generic/acme/support-assistant@2.4")
        let license = try #require(product.declaredLicense?.parts.first)
        #expect(license.raw == "LicenseRef-Acme-Proprietary")
        #expect(license.form == .expression)
        #expect(license.location?.line == 9)
        #expect(license.location?.column == 12)
        #expect(product.location?.line == 3)
    }

    @Test("includes are resolved against the manifest's folder, normalised and deduplicated")
    func includes() throws {
        let document = try read("full/pedigree.yaml")
        let folder = F.path("manifest/full")
        #expect(document.manifest?.includes == [folder + "/models", folder + "/sboms/app.cdx.json"])
    }

    @Test("extra components: plain, Hugging Face data set named by a card, Hub URL")
    func components() throws {
        let document = try read("full/pedigree.yaml")
        let vllm = try #require(F.component(document, "vllm"))
        #expect(vllm.name == "vLLM")
        #expect(vllm.version == "0.6.3")
        #expect(vllm.kind == .application)
        #expect(vllm.purl == "pkg:pypi/vllm@0.6.3")
        #expect(vllm.supplier == "vLLM Team")
        #expect(vllm.declaredLicense?.parts.first?.raw == "Apache-2.0")
        #expect(vllm.declaredLicense?.location?.line == 24)
        let dataset = try #require(F.component(document, "datasets/acme/support-dialogs"))
        #expect(dataset.kind == .dataset)
        #expect(dataset.name == "acme/support-dialogs")
        #expect(dataset.purl == "pkg:huggingface/datasets/acme/support-dialogs")
        let teacher = try #require(F.component(document, "acme/teacher-70b"))
        #expect(teacher.kind == .model)
        #expect(teacher.purl == "pkg:huggingface/acme/teacher-70b")
        #expect(document.manifest?.components.map(\.ref) == ["vllm", "datasets/acme/support-dialogs", "acme/teacher-70b"])
    }

    @Test("a card path gives that folder's cards their repository id")
    func cardIDs() throws {
        let document = try read("full/pedigree.yaml")
        let manifest = try #require(document.manifest)
        let folder = F.path("manifest/full/models/support-dialogs")
        #expect(manifest.huggingFaceIDs == [folder: "acme/support-dialogs"])
        #expect(manifest.huggingFaceID(forFileAt: folder + "/README.md") == "acme/support-dialogs")
        #expect(manifest.huggingFaceID(forFileAt: F.path("manifest/full/./models/support-dialogs//README.md")) == "acme/support-dialogs")
        #expect(manifest.huggingFaceID(forFileAt: F.path("manifest/full/models/README.md")) == nil)
        let card = try HuggingFaceCardReader.read(
            markdown: F.bytes(folder + "/README.md"), path: folder + "/README.md",
            id: manifest.huggingFaceID(forFileAt: folder + "/README.md"))
        #expect(card.components.first?.ref == "datasets/acme/support-dialogs")
        #expect(card.components.first?.purl == F.component(document, "datasets/acme/support-dialogs")?.purl)
    }

    @Test("relationships of any edge kind, interpretation as written")
    func relationshipsAndInterpretation() throws {
        let document = try read("full/pedigree.yaml")
        #expect(F.edges(document) == ["acme-assistant runs vllm", "acme/student-8b distilled-from acme/teacher-70b"])
        let runs = try #require(document.edges.first)
        #expect(runs.location?.line == 31)
        #expect(runs.origin?.format == .manifest)
        #expect(document.manifest?.edges.count == 2)
        #expect(document.manifest?.interpretation == ["training-data": "derivative", "default-dependency": "static-link"])
    }

    @Test("wrong types, values and paths are errors at their positions; unknown keys are warnings")
    func errors() throws {
        let document = try read("errors/pedigree.yaml")
        let found = Set(document.diagnostics.map { "\($0.severity.rawValue) \($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" })
        let expected: Set<String> = [
            "error manifest.unsupported-version 1:11",
            "error manifest.unexpected-type 4:15",
            "error manifest.invalid-value 5:24",
            "error manifest.invalid-value 6:25",
            "error manifest.unexpected-type 7:23",
            "error manifest.unexpected-type 8:23",
            "warning manifest.unknown-key 10:3",
            "error manifest.path-not-found 12:5",
            "error manifest.absolute-path 13:5",
            "error manifest.path-not-found 14:5",
            "error manifest.invalid-value 17:11",
            "error manifest.missing-key 18:5",
            "error manifest.invalid-value 19:18",
            "error manifest.missing-key 19:5",
            "error manifest.duplicate-ref 21:5",
            "error manifest.missing-key 23:11",
            "error manifest.invalid-value 27:11",
            "error manifest.missing-key 28:5",
            "error manifest.unexpected-type 30:5",
            "error manifest.invalid-value 32:18",
            "warning manifest.unknown-key 33:3",
            "warning manifest.unknown-key 34:1",
        ]
        #expect(found == expected)
        #expect(document.diagnostics.count == expected.count)
        #expect(document.diagnostics.allSatisfy { $0.location?.file == document.path })
    }

    @Test("what is valid in a broken manifest is still read")
    func partialRead() throws {
        let document = try read("errors/pedigree.yaml")
        let manifest = try #require(document.manifest)
        #expect(manifest.product.name == "Broken")
        #expect(manifest.product.commercial == nil)
        #expect(manifest.product.distribution == [.saas])
        #expect(manifest.product.monthlyActiveUsers == nil)
        #expect(manifest.product.regions == ["EU"])
        #expect(manifest.includes.isEmpty)
        #expect(manifest.components.map(\.ref) == ["no-kind-check", "dup", "carded"])
        #expect(manifest.edges.isEmpty)
        #expect(manifest.interpretation.isEmpty)
    }

    @Test("messages say what was expected and what was found")
    func messages() throws {
        let document = try read("errors/pedigree.yaml")
        let commercial = try #require(document.diagnostics.first { $0.location?.line == 4 })
        #expect(commercial.message == "expected true or false for 'product.commercial', found the string 'yes'")
        let kind = try #require(document.diagnostics.first { $0.location?.line == 27 })
        #expect(kind.message.hasPrefix("unknown relationship kind 'trains'; expected one of fine-tuned-from,"))
        let missing = try #require(document.diagnostics.first { $0.location?.line == 12 })
        #expect(missing.message.contains("'missing-folder'"))
    }

    @Test("a product without a ref is named by its name")
    func minimal() throws {
        let document = try read("minimal/pedigree.yaml")
        #expect(document.roots == ["Tiny Tool"])
        #expect(document.components.map(\.kind) == [.application])
        #expect(document.manifest?.product.commercial == nil)
        #expect(document.diagnostics.isEmpty)
    }

    @Test("a top level that is not a mapping is an error")
    func notAMapping() throws {
        let node = try F.yaml(text: "- a\n- b\n", file: "pedigree.yaml")
        let document = ManifestReader.read(yaml: node, path: "pedigree.yaml")
        #expect(F.codes(document) == ["manifest.unexpected-type"])
        #expect(document.components.isEmpty)
    }

    @Test("an include that goes through a symlink is refused, wherever the link is")
    func symlinks() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("pedigree-manifest-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: root + "/real/inner", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: root) }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: root + "/real/inner/bom.json"))
        try manager.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/real")
        try manager.createSymbolicLink(atPath: root + "/real/file-link.json", withDestinationPath: root + "/real/inner/bom.json")
        let text = """
            include:
              - link/inner/bom.json
              - link/../real
              - real/file-link.json
              - real/inner/../inner/bom.json
            """
        let path = root + "/pedigree.yaml"
        let document = ManifestReader.read(yaml: try F.yaml(text: text, file: path), path: path)
        #expect(F.codes(document) == ["manifest.path-symlink", "manifest.path-symlink", "manifest.path-symlink"])
        #expect(document.diagnostics.map { $0.location?.line } == [2, 3, 4])
        #expect(document.manifest?.includes == [Manifest.normalizedPath(root) + "/real/inner/bom.json"])
    }

    @Test(
        "recognition",
        arguments: [
            ("product:\n  name: x\n", "any.yaml", true),
            ("include: [a]\n", "any.yaml", true),
            ("pedigree: 1\n", "any.yaml", true),
            ("anything: 1\n", "dir/pedigree.yaml", true),
            ("spdxVersion: SPDX-2.3\nproduct: x\n", "sbom.yaml", false),
            ("name: x\n", "config.yaml", false),
            ("- a\n", "pedigree.yaml", false),
        ])
    func recognition(text: String, path: String, expected: Bool) throws {
        let node = try F.yaml(text: text, file: path)
        #expect(ManifestReader.recognizes(yaml: node, path: path) == expected)
    }

    @Test("normalised paths", arguments: [
        ("a/./b//c", "a/b/c"), ("./a", "a"), ("a/b/../c", "a/c"), ("../a", "../a"), ("/x/./y", "/x/y"), (".", "."),
        ("a/..", "."),
    ])
    func normalizedPaths(path: String, expected: String) {
        #expect(Manifest.normalizedPath(path) == expected)
    }
}
