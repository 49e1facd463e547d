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
}
