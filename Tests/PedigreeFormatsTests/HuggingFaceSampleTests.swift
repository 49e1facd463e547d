import PedigreeDiagnostics
import PedigreeModel
import Testing

@testable import PedigreeFormats

@Suite("Sample: hf-finetune-stack")
struct HuggingFaceSampleTests {
    typealias F = AIArtifactFixtures

    /// Every file of the sample, read by the reader its name calls for.
    func documents() throws -> [SBOMDocument] {
        let folder = F.samplePath("hf-finetune-stack")
        var collector = DiagnosticCollector()
        let files = SafeFile.regularFiles(under: folder, diagnostics: &collector)
        #expect(collector.diagnostics.isEmpty)
        var result: [SBOMDocument] = []
        for file in files {
            let bytes = try F.bytes(file)
            if file.hasSuffix("/README.md") {
                #expect(HuggingFaceCardReader.recognizes(prefix: bytes))
                result.append(try HuggingFaceCardReader.read(markdown: bytes, path: file))
            } else if file.hasSuffix("/adapter_config.json") {
                let json = try F.json(file)
                #expect(AdapterConfigReader.recognizes(json: json))
                result.append(AdapterConfigReader.read(json: json, path: file))
            } else if file.hasSuffix(".gguf") {
                #expect(GGUFReader.recognizes(prefix: bytes))
                result.append(try GGUFReader.read(bytes: bytes, path: file))
            } else if file.hasSuffix("/pedigree.yaml") {
                let yaml = try F.yaml(file)
                #expect(ManifestReader.recognizes(yaml: yaml, path: file))
                result.append(ManifestReader.read(yaml: yaml, path: file))
            } else {
                Issue.record("unexpected file \(file) in the sample")
            }
        }
        return result
    }

    @Test("every file reads without a diagnostic")
    func clean() throws {
        let documents = try documents()
        #expect(documents.count == 8)
        for document in documents { #expect(document.diagnostics.isEmpty, "\(document.path): \(document.diagnostics)") }
    }

    @Test("together the files state the whole lineage, keyed by Hugging Face ids")
    func lineage() throws {
        var edges: Set<String> = []
        for document in try documents() { edges.formUnion(F.edges(document)) }
        #expect(
            edges == [
                "acme/support-llama-3.1-8b fine-tuned-from meta-llama/Llama-3.1-8B-Instruct",
                "acme/support-llama-3.1-8b trained-on datasets/acme/support-dialogs",
                "acme/support-llama-3.1-8b trained-on datasets/OpenAssistant/oasst1",
                "acme/support-llama-3.1-8b-lora adapter-of meta-llama/Llama-3.1-8B-Instruct",
                "acme/support-llama-3.1-8b-lora trained-on datasets/acme/support-dialogs",
                "datasets/acme/support-dialogs derived-from datasets/OpenAssistant/oasst1",
                "support-llama-3.1-8b-Q4_K_M.gguf quantized-from acme/support-llama-3.1-8b",
                "support-llama-3.1-8b-Q4_K_M.gguf trained-on datasets/acme/support-dialogs",
                "acme-support-assistant runs llama-server",
                "llama-server runs support-llama-3.1-8b-Q4_K_M.gguf",
            ])
    }

    @Test("each card states its own license; referenced repositories state none")
    func licenses() throws {
        var declared: [String: String] = [:]
        for document in try documents() {
            for component in document.components {
                guard let license = component.declaredLicense else { continue }
                declared[component.ref.rawValue] = license.parts.map(\.raw).joined(separator: " | ")
            }
        }
        #expect(
            declared == [
                "meta-llama/Llama-3.1-8B-Instruct": "llama3.1",
                "acme/support-llama-3.1-8b": "llama3.1",
                "acme/support-llama-3.1-8b-lora": "llama3.1",
                "datasets/acme/support-dialogs": "cc-by-nc-4.0",
                "datasets/OpenAssistant/oasst1": "apache-2.0",
                "support-llama-3.1-8b-Q4_K_M.gguf":
                    "llama3.1 | Llama 3.1 Community License Agreement | https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/LICENSE",
                "acme-support-assistant": "LicenseRef-Acme-Proprietary",
                "llama-server": "MIT",
            ])
    }

    @Test("the manifest makes a commercial SaaS product with its users, including the sample's folders")
    func manifest() throws {
        let manifest = try #require(try documents().compactMap(\.manifest).first)
        #expect(manifest.product.commercial == true)
        #expect(manifest.product.distribution == [.saas])
        #expect(manifest.product.monthlyActiveUsers == 250_000)
        #expect(manifest.productRef == "acme-support-assistant")
        let folder = Manifest.normalizedPath(F.samplePath("hf-finetune-stack"))
        #expect(manifest.includes == [folder + "/meta-llama", folder + "/acme", folder + "/datasets"])
    }
}
