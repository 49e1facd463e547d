import PedigreeDiagnostics
import PedigreeModel
import SafeJSON
import Testing

@testable import PedigreeFormats

@Suite("PEFT adapter config reader")
struct AdapterConfigReaderTests {
    typealias F = AIArtifactFixtures

    func read(_ relative: String, id: String? = nil) throws -> SBOMDocument {
        let file = F.path("huggingface/" + relative)
        return AdapterConfigReader.read(json: try F.json(file), path: file, id: id)
    }

    @Test("base_model_name_or_path is an adapter-of edge to the Hub id, at its position")
    func adapterOf() throws {
        let document = try read("cards/acme/lora/adapter_config.json")
        #expect(F.edges(document) == ["acme/lora adapter-of meta-llama/Llama-3.1-8B-Instruct"])
        let edge = try #require(document.edges.first)
        #expect(edge.location?.line == 2)
        #expect(edge.location?.column == 30)
        #expect(edge.statedAs == "base_model_name_or_path")
        let base = try #require(F.component(document, "meta-llama/Llama-3.1-8B-Instruct"))
        #expect(base.purl == "pkg:huggingface/meta-llama/Llama-3.1-8B-Instruct")
        #expect(base.kind == .model)
        #expect(base.properties["huggingface.revision"] == "0e9e39f249a16976918f6564b8830bc894c89659")
        #expect(document.diagnostics.isEmpty)
        #expect(document.format == .adapterConfig)
    }

    @Test("the method's settings are peft.* properties")
    func properties() throws {
        let adapter = try #require(try read("cards/acme/lora/adapter_config.json").components.first)
        #expect(adapter.properties["peft.peft_type"] == "LORA")
        #expect(adapter.properties["peft.task_type"] == "CAUSAL_LM")
        #expect(adapter.properties["peft.r"] == "8")
        #expect(adapter.properties["peft.lora_alpha"] == "16")
        #expect(adapter.properties["peft.lora_dropout"] == "0.1")
        #expect(adapter.properties["peft.target_modules"] == "q_proj, v_proj")
        #expect(adapter.properties["peft.inference_mode"] == "true")
        #expect(adapter.kind == .model)
    }

    @Test("an adapter folder's card and config describe one component")
    func sameIdentityAsCard() throws {
        let config = try #require(try read("cards/acme/lora/adapter_config.json").components.first)
        let card = try #require(try F.card("cards/acme/lora/README.md").components.first)
        #expect(config.ref == card.ref)
        #expect(config.purl == card.purl)
        #expect(config.name == card.name)
    }

    @Test("a local base path is a warning on its line, not a component")
    func localBase() throws {
        let document = try read("adapters/acme/local-base/adapter_config.json")
        #expect(F.edges(document).isEmpty)
        #expect(document.components.map(\.ref.rawValue) == ["acme/local-base"])
        let warning = try #require(document.diagnostics.first)
        #expect(warning.code == "adapter.local-base-model")
        #expect(warning.location?.line == 2)
        #expect(warning.location?.column == 30)
    }

    @Test("a Hub URL as base names the repository")
    func urlBase() throws {
        let document = try read("adapters/acme/url-base/adapter_config.json")
        #expect(F.edges(document) == ["acme/url-base adapter-of google/gemma-2-9b"])
        #expect(document.components.first?.properties["peft.peft_type"] == "IA3")
        #expect(document.diagnostics.isEmpty)
    }

    @Test("a config without a base is an adapter of nothing, with a warning")
    func noBase() throws {
        let document = try read("adapters/acme/no-base/adapter_config.json")
        #expect(document.components.map(\.ref) == ["acme/no-base"])
        #expect(document.edges.isEmpty)
        #expect(F.codes(document) == ["adapter.no-base-model"])
        #expect(document.diagnostics.first?.location?.line == 1)
    }

    @Test("an id given by the caller names the adapter")
    func explicitID() throws {
        let document = try read("adapters/acme/url-base/adapter_config.json", id: "acme/gemma-classifier")
        #expect(document.components.first?.ref == "acme/gemma-classifier")
        #expect(document.edges.first?.from == "acme/gemma-classifier")
    }

    @Test(
        "recognition",
        arguments: [
            (#"{"peft_type": "LORA"}"#, true),
            (#"{"base_model_name_or_path": "x/y"}"#, true),
            (#"{"bomFormat": "CycloneDX"}"#, false),
            (#"{"peft_type": 3}"#, false),
            (#"["peft_type"]"#, false),
        ])
    func recognition(text: String, expected: Bool) throws {
        let value = try JSONParser.parse(Array(text.utf8), file: "inline.json")
        #expect(AdapterConfigReader.recognizes(json: value) == expected)
    }

    @Test(
        "local paths are told from Hub ids",
        arguments: [
            ("/abs/model", true), ("./rel", true), ("../up", true), ("~/models/x", true), ("C:\\models\\x", true),
            ("runs/exp1/checkpoint-500", true), ("meta-llama/Llama-3.1-8B", false), ("gpt2", false),
            ("https://huggingface.co/a/b", false),
        ])
    func localPaths(text: String, isLocal: Bool) {
        #expect(HuggingFaceRepository.looksLikeLocalPath(text) == isLocal)
    }
}

extension AdapterConfigReaderTests {
    @Test("a null or empty base is no base, with a warning")
    func nullBase() throws {
        for (text, code) in [(#"{"peft_type": "LORA", "base_model_name_or_path": null}"#, "adapter.no-base-model"),
                             (#"{"peft_type": "LORA", "base_model_name_or_path": ""}"#, "adapter.unexpected-type")] {
            let document = AdapterConfigReader.read(
                json: try JSONParser.parse(Array(text.utf8), file: "a/b/adapter_config.json"), path: "a/b/adapter_config.json")
            #expect(document.edges.isEmpty)
            #expect(F.codes(document) == [code])
        }
    }
}
