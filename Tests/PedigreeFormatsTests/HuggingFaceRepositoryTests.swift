import PedigreeModel
import Testing

@testable import PedigreeFormats

@Suite("Hugging Face repository ids")
struct HuggingFaceRepositoryTests {
    @Test(
        "ids, URLs and purls name a repository",
        arguments: [
            ("meta-llama/Llama-3.1-8B-Instruct", HuggingFaceRepository.Kind.model, "meta-llama/Llama-3.1-8B-Instruct", "model"),
            ("gpt2", .model, "gpt2", "model"),
            ("https://huggingface.co/Qwen/Qwen2.5-7B", .model, "Qwen/Qwen2.5-7B", "model"),
            ("https://huggingface.co/Qwen/Qwen2.5-7B/tree/main", .model, "Qwen/Qwen2.5-7B", "model"),
            ("https://huggingface.co/Qwen/Qwen2.5-7B/resolve/main/config.json", .model, "Qwen/Qwen2.5-7B", "model"),
            ("https://huggingface.co/datasets/tatsu-lab/alpaca", .model, "tatsu-lab/alpaca", "dataset"),
            ("hf.co/google/gemma-2-9b", .model, "google/gemma-2-9b", "model"),
            ("pkg:huggingface/microsoft/phi-2@abc123", .model, "microsoft/phi-2", "model"),
            ("pkg:huggingface/datasets/acme/logs", .model, "acme/logs", "dataset"),
            ("  acme/padded  ", .dataset, "acme/padded", "dataset"),
        ])
    func parse(text: String, kind: HuggingFaceRepository.Kind, id: String, resolvedKind: String) throws {
        let repository = try #require(HuggingFaceRepository.parse(text, kind: kind))
        #expect(repository.id == id)
        #expect(repository.kind.rawValue == resolvedKind)
    }

    @Test(
        "text that is no repository id is refused",
        arguments: [
            "", "a/b/c", "/abs/path", "./local", "has space/x", "-lead/x", "org/", "https://huggingface.co/spaces/org/app",
            "https://example.com/org/name", String(repeating: "a", count: 97),
        ])
    func refuse(text: String) {
        #expect(HuggingFaceRepository.parse(text, kind: .model) == nil)
    }

    @Test("a model and a data set of the same id get different refs and purls")
    func refsAndPurls() throws {
        let model = try #require(HuggingFaceRepository(id: "acme/x", kind: .model))
        let dataset = try #require(HuggingFaceRepository(id: "acme/x", kind: .dataset))
        #expect(model.ref == "acme/x")
        #expect(dataset.ref == "datasets/acme/x")
        #expect(model.purl == "pkg:huggingface/acme/x")
        #expect(dataset.purl == "pkg:huggingface/datasets/acme/x")
        #expect(model.url == "https://huggingface.co/acme/x")
        #expect(dataset.url == "https://huggingface.co/datasets/acme/x")
        #expect(model.organization == "acme")
        #expect(HuggingFaceRepository(id: "gpt2", kind: .model)?.organization == nil)
    }

    @Test(
        "folders name the repository",
        arguments: [
            ("/repo/models/meta-llama/Llama-3.1-8B/README.md", "meta-llama/Llama-3.1-8B", "model", false),
            ("meta-llama/Llama-3.1-8B/README.md", "meta-llama/Llama-3.1-8B", "model", false),
            ("./acme/x/adapter_config.json", "acme/x", "model", false),
            ("datasets/acme/logs/README.md", "acme/logs", "dataset", true),
            ("datasets/logs/README.md", "logs", "dataset", true),
            ("models/my-model/README.md", "my-model", "model", true),
            ("x/README.md", "x", "model", false),
            ("/home/u/.cache/huggingface/hub/models--Qwen--Qwen2.5-7B/snapshots/a1b2/README.md", "Qwen/Qwen2.5-7B", "model", true),
            ("hub/datasets--acme--logs/snapshots/a1b2/README.md", "acme/logs", "dataset", true),
        ])
    func folders(path: String, id: String, kind: String, fromLayout: Bool) throws {
        let found = try #require(HuggingFaceRepository.fromFolder(of: path))
        #expect(found.repository.id == id)
        #expect(found.repository.kind.rawValue == kind)
        #expect(found.kindFromLayout == fromLayout)
    }

    @Test("a file without a folder, or with folders that are no id, names no repository")
    func noFolder() {
        #expect(HuggingFaceRepository.fromFolder(of: "README.md") == nil)
        #expect(HuggingFaceRepository.fromFolder(of: "my folder/README.md") == nil)
    }
}
