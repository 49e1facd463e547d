import Foundation
import PedigreeDiagnostics
import PedigreeModel
import Testing

@testable import PedigreeFormats

@Suite("Loading and merging AI artifacts")
struct AIArtifactLoadingTests {
    typealias F = AIArtifactFixtures

    @Test("the sample folder loads by content: cards, adapter config, GGUF and manifest")
    func sampleFormats() throws {
        let result = InputLoader().load([F.samplePath("hf-finetune-stack")])
        #expect(!result.hasInputErrors)
        #expect(result.files.allSatisfy { $0.status == .read })
        var counts: [InputFormat: Int] = [:]
        for file in result.files { counts[file.format ?? .manifest, default: 0] += 1 }
        #expect(counts == [.huggingFaceCard: 5, .adapterConfig: 1, .gguf: 1, .manifest: 1])
    }

    @Test("merged, each Hugging Face repository is one node that carries the license its own card states")
    func sampleGraph() throws {
        let result = InputLoader().load([F.samplePath("hf-finetune-stack/pedigree.yaml")])
        #expect(!result.hasInputErrors)
        #expect(result.files.count == 8)
        let merged = LineageGraphBuilder.build(result.documents)
        #expect(merged.diagnostics.isEmpty, "\(merged.diagnostics)")
        let graph = merged.graph
        #expect(graph.roots.map { graph.components[$0].ref } == ["acme-support-assistant"])
        let llama = try #require(graph.component("meta-llama/Llama-3.1-8B-Instruct"))
        #expect(llama.declaredLicense?.parts.first?.raw == "llama3.1")
        #expect(graph.components.filter { $0.name == "meta-llama/Llama-3.1-8B-Instruct" }.count == 1)
        let lora = try #require(graph.component("acme/support-llama-3.1-8b-lora"))
        #expect(Set(lora.origins.map(\.format)) == [.huggingFaceCard, .adapterConfig])
        let dialogs = try #require(graph.component("datasets/acme/support-dialogs"))
        #expect(dialogs.declaredLicense?.parts.first?.raw == "cc-by-nc-4.0")
        #expect(graph.componentCount == 8)
        let edges = Set(graph.edges.map { "\($0.from) \($0.kind.rawValue) \($0.to)" })
        #expect(edges.contains("llama-server runs support-llama-3.1-8b-Q4_K_M.gguf"))
        #expect(edges.contains("support-llama-3.1-8b-Q4_K_M.gguf quantized-from acme/support-llama-3.1-8b"))
        #expect(graph.edges.count == 10)
    }

    @Test("a manifest's card entry names a card whose folder does not, whichever is read first")
    func manifestNamesCard() throws {
        let result = InputLoader().load([F.path("manifest/full")])
        let card = try #require(result.files.first { $0.format == .huggingFaceCard }?.document)
        #expect(card.components.first?.ref == "datasets/acme/support-dialogs")
        #expect(card.components.first?.purl == "pkg:huggingface/datasets/acme/support-dialogs")
        let merged = LineageGraphBuilder.build(result.documents)
        let nodes = merged.graph.components.filter { $0.purl == "pkg:huggingface/datasets/acme/support-dialogs" }
        #expect(nodes.count == 1)
        #expect(nodes.first?.declaredLicense?.parts.first?.raw == "cc-by-nc-4.0")
        #expect(Set(nodes.first?.origins.map(\.format) ?? []) == [.manifest, .huggingFaceCard])
    }

    @Test("without the manifest the same card is named by its folder")
    func cardAlone() throws {
        let result = InputLoader().load([F.path("manifest/full/models/support-dialogs/README.md")])
        #expect(result.documents.first?.components.first?.ref == "datasets/support-dialogs")
    }

    @Test("front matter without a card key is no card: skipped in a folder, an error when named")
    func jekyllPage() throws {
        let path = F.path("huggingface/not-cards/jekyll/README.md")
        let bytes = try F.bytes(path)
        let inFolder = InputLoader().load(bytes: bytes, path: path, explicit: false)
        #expect(inFolder.status == .skipped)
        #expect(inFolder.diagnostics.map(\.code) == ["input.skipped"])
        let named = InputLoader().load(bytes: bytes, path: path, explicit: true)
        #expect(named.status == .failed)
        #expect(named.diagnostics.map(\.code) == ["input.unrecognized-format"])
    }

    @Test("a YAML file framed by document markers is judged as YAML, not as front matter")
    func yamlWithMarkers() throws {
        let text = "---\nproduct:\n  name: Framed\n...\n"
        let file = InputLoader().load(bytes: Array(text.utf8), path: "framed.yaml")
        #expect(file.format == .manifest)
        #expect(file.document?.manifest?.product.name == "Framed")
    }

    @Test("a file named pedigree.yaml is a manifest whatever keys it starts with")
    func manifestByName() throws {
        let file = InputLoader().load(
            bytes: Array("relationships:\n  - {from: a, to: b, kind: runs}\n".utf8), path: "project/pedigree.yaml")
        #expect(file.format == .manifest)
        #expect(file.document?.edges.map(\.kind) == [.runs])
    }

    @Test("a hostile GGUF found in a folder is an error with its offset, not a crash")
    func hostileGGUFThroughLoader() throws {
        let file = InputLoader().loadFile(F.path("gguf/absurd-array-count.gguf"))
        #expect(file.status == .failed)
        #expect(file.format == .gguf)
        #expect(file.diagnostics.map(\.code) == ["gguf.array-too-long"])
        #expect(file.diagnostics.first?.location?.byteOffset == 61)
    }

    /// A file of the sample's GGUF metadata followed by `padding` zero bytes standing for tensors.
    func largeModelFile(padding: Int) throws -> String {
        let metadata = try F.bytes(F.samplePath("hf-finetune-stack/acme/support-llama-3.1-8b-GGUF/support-llama-3.1-8b-Q4_K_M.gguf"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pedigree-\(UUID().uuidString).gguf").path
        try Data(metadata + [UInt8](repeating: 0, count: padding)).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a GGUF file larger than the input limit is read by its header only")
    func largeGGUF() throws {
        let path = try largeModelFile(padding: 20_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var limits = InputLimits.default
        limits.maxFileBytes = 4_096
        let file = InputLoader(limits: limits).loadFile(path)
        #expect(file.status == .read)
        #expect(file.document?.components.first?.name == "Acme Support Llama 3.1 8B Instruct")
        #expect(file.document?.edges.count == 2)
    }

    @Test("a GGUF header longer than the bytes read is an error that says only a prefix was read")
    func largeGGUFHeaderOverBudget() throws {
        let path = try largeModelFile(padding: 20_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var limits = InputLimits.default
        limits.maxFileBytes = 1_000
        let file = InputLoader(limits: limits).loadFile(path)
        #expect(file.status == .failed)
        let error = try #require(file.diagnostics.first)
        #expect(["gguf.truncated", "gguf.string-too-long", "gguf.array-too-long"].contains(error.code))
        #expect((error.location?.byteOffset ?? .max) <= 1_000)
        #expect(error.notes == ["only the first 1000 bytes of this larger file were read; its metadata must fit in them"])
    }

    @Test("other files over the limit are still refused")
    func largeOtherFile() throws {
        var limits = InputLimits.default
        limits.maxFileBytes = 100
        let file = InputLoader(limits: limits).loadFile(F.samplePath("hf-finetune-stack/pedigree.yaml"))
        #expect(file.status == .failed)
        #expect(file.diagnostics.map(\.code) == ["input.too-large"])
    }

    @Test("a prefix read takes at most the bytes asked for")
    func prefixRead() throws {
        let path = F.path("gguf/merge-v2.gguf")
        #expect(try SafeFile.read(path, firstBytes: 4) == Array("GGUF".utf8))
        #expect(try SafeFile.read(path, firstBytes: 1 << 20).count == 689)
        #expect(try SafeFile.read(path, firstBytes: 0).isEmpty)
    }
}
