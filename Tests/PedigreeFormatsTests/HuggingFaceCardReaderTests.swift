import PedigreeDiagnostics
import PedigreeModel
import Testing

@testable import PedigreeFormats

@Suite("Hugging Face card reader")
struct HuggingFaceCardReaderTests {
    typealias F = AIArtifactFixtures

    @Test("license: other with license_name is one license, the name; the link is kept beside it")
    func licenseParts() throws {
        let document = try F.card("cards/acme/other-license/README.md")
        let card = try #require(F.component(document, "acme/other-license"))
        let license = try #require(card.declaredLicense)
        #expect(license.parts.map(\.raw) == ["deepseek"])
        #expect(license.parts.map(\.form) == [.name])
        #expect(license.parts.map { $0.location?.line } == [3])
        #expect(license.parts.map { $0.location?.column } == [15])
        #expect(license.parts.allSatisfy { $0.location?.file == document.path })
        #expect(card.properties["huggingface.license_link"] == "https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL")
        // A link outside the repository names no file of it: the card's folder is where a LICENSE would be.
        #expect(card.properties["license.file"]?.hasSuffix("cards/acme/other-license/") == true)
        #expect(!license.isAmbiguousList)
        #expect(document.diagnostics.isEmpty)
    }

    @Test("the card's identity comes from its folder: ref, name, purl, supplier, kind")
    func identityFromFolder() throws {
        let document = try F.card("cards/acme/other-license/README.md")
        let card = try #require(document.components.first)
        #expect(card.ref == "acme/other-license")
        #expect(card.name == "acme/other-license")
        #expect(card.purl == "pkg:huggingface/acme/other-license")
        #expect(card.supplier == "acme")
        #expect(card.kind == .model)
        #expect(card.location == SourceLocation(file: document.path, line: 1, column: 1))
        #expect(card.origins.map(\.format) == [.huggingFaceCard])
        #expect(document.format == .huggingFaceCard)
        #expect(document.roots.isEmpty)
    }

    @Test("a string base_model without a relation is a fine-tune; a string datasets entry is trained-on")
    func stringBaseAndDatasets() throws {
        let document = try F.card("cards/acme/other-license/README.md")
        #expect(
            F.edges(document) == [
                "acme/other-license fine-tuned-from deepseek-ai/DeepSeek-V3",
                "acme/other-license trained-on datasets/acme/chat-logs",
            ])
        let base = try #require(document.edges.first { $0.kind == .fineTunedFrom })
        #expect(base.location?.line == 5)
        #expect(base.location?.column == 13)
        #expect(base.statedAs == "base_model (finetune by default)")
        let dataset = try #require(F.component(document, "datasets/acme/chat-logs"))
        #expect(dataset.kind == .dataset)
        #expect(dataset.name == "acme/chat-logs")
        #expect(dataset.purl == "pkg:huggingface/datasets/acme/chat-logs")
        #expect(dataset.declaredLicense == nil)
        let model = try #require(F.component(document, "deepseek-ai/DeepSeek-V3"))
        #expect(model.kind == .model)
        #expect(model.purl == "pkg:huggingface/deepseek-ai/DeepSeek-V3")
        #expect(model.declaredLicense == nil)
        #expect(model.location?.line == 5)
    }

    @Test("language, tags, pipeline_tag and library_name are kept as properties")
    func properties() throws {
        let card = try #require(try F.card("cards/acme/other-license/README.md").components.first)
        #expect(card.properties["huggingface.language"] == "en")
        #expect(card.properties["huggingface.tags"] == "chat, moe")
        #expect(card.properties["huggingface.pipeline_tag"] == "text-generation")
        #expect(card.properties["huggingface.library_name"] == "transformers")
        #expect(card.properties["huggingface.url"] == "https://huggingface.co/acme/other-license")
    }

    @Test("a list of licenses is a list of ids read as AND and flagged; a list of bases is a merge")
    func listsAreMerges() throws {
        let document = try F.card("cards/acme/merge-model/README.md")
        let license = try #require(document.components.first?.declaredLicense)
        #expect(license.parts.map(\.raw) == ["apache-2.0", "cc-by-nc-4.0"])
        #expect(license.parts.map(\.form) == [.id, .id])
        #expect(license.parts.map { $0.location?.line } == [3, 4])
        #expect(license.parts.map { $0.location?.column } == [5, 5])
        #expect(license.isAmbiguousList)
        #expect(
            F.edges(document) == [
                "acme/merge-model merged-from mistralai/Mistral-7B-v0.1",
                "acme/merge-model merged-from berkeley-nest/Starling-LM-7B-alpha",
                "acme/merge-model trained-on datasets/HuggingFaceH4/ultrachat_200k",
                "acme/merge-model trained-on datasets/Open-Orca/SlimOrca",
            ])
    }

    @Test(
        "base_model_relation decides the edge kind",
        arguments: [
            ("cards/acme/single-list-base/README.md", "acme/single-list-base fine-tuned-from Qwen/Qwen2.5-7B-Instruct"),
            ("cards/acme/quantized/README.md", "acme/quantized quantized-from Qwen/Qwen2.5-7B-Instruct"),
            ("cards/acme/lora/README.md", "acme/lora adapter-of meta-llama/Llama-3.1-8B-Instruct"),
            ("cards/acme/unknown-relation/README.md", "acme/unknown-relation derived-from acme/teacher-70b"),
            ("cards/acme/crlf/README.md", "acme/crlf fine-tuned-from acme/base"),
        ])
    func relations(file: String, edge: String) throws {
        let document = try F.card(file)
        #expect(F.edges(document) == [edge])
    }

    @Test("an unknown base_model_relation is derived-from with a warning at the relation")
    func unknownRelation() throws {
        let document = try F.card("cards/acme/unknown-relation/README.md")
        let warning = try #require(document.diagnostics.first)
        #expect(warning.code == "huggingface.unknown-base-model-relation")
        #expect(warning.severity == .warning)
        #expect(warning.location?.line == 4)
        #expect(warning.location?.column == 22)
        #expect(warning.message.contains("'distillation'"))
        #expect(document.edges.first?.statedAs == "base_model (base_model_relation: distillation)")
    }

    @Test("a card with data set keys is a data set; source_datasets are derived-from, minus 'original' and 'extended'")
    func datasetCard() throws {
        let document = try F.card("cards/acme/keyed-dataset/README.md")
        let card = try #require(document.components.first)
        #expect(card.ref == "datasets/acme/keyed-dataset")
        #expect(card.name == "acme/keyed-dataset")
        #expect(card.kind == .dataset)
        #expect(card.purl == "pkg:huggingface/datasets/acme/keyed-dataset")
        #expect(card.properties["huggingface.machine-generated"] == "true")
        #expect(card.properties["huggingface.task_categories"] == "text-generation")
        #expect(card.properties["huggingface.size_categories"] == "1K<n<10K")
        #expect(card.properties["huggingface.pretty_name"] == "Keyed Dataset")
        #expect(card.declaredLicense?.parts.map(\.raw) == ["cc-by-nc-4.0"])
        #expect(card.declaredLicense?.location?.line == 2)
        #expect(
            F.edges(document) == [
                "datasets/acme/keyed-dataset derived-from datasets/tatsu-lab/alpaca",
                "datasets/acme/keyed-dataset derived-from datasets/squad",
            ])
        let alpaca = try #require(document.edges.first { $0.to == "datasets/tatsu-lab/alpaca" })
        #expect(alpaca.location?.line == 11)
        #expect(F.component(document, "datasets/squad")?.kind == .dataset)
        #expect(document.diagnostics.isEmpty)
    }

    @Test("a card in a 'datasets' folder is a data set even without data set keys")
    func datasetFolder() throws {
        let card = try #require(try F.card("cards/datasets/plain-data/README.md").components.first)
        #expect(card.ref == "datasets/plain-data")
        #expect(card.kind == .dataset)
        #expect(card.purl == "pkg:huggingface/datasets/plain-data")
    }

    @Test("the Hub cache layout names the repository, here a data set")
    func hubCache() throws {
        let card = try #require(
            try F.card("cards/hub-cache/datasets--acme--cached-data/snapshots/4f1c2a9e/README.md").components.first)
        #expect(card.ref == "datasets/acme/cached-data")
        #expect(card.kind == .dataset)
        #expect(card.declaredLicense?.parts.first?.raw == "cc0-1.0")
    }

    @Test("a byte order mark and CRLF line ends do not move positions")
    func crlfAndBOM() throws {
        let card = try #require(try F.card("cards/acme/crlf/README.md").components.first)
        let part = try #require(card.declaredLicense?.parts.first)
        #expect(part.raw == "mit")
        #expect(part.location?.line == 2)
        #expect(part.location?.column == 10)
    }

    @Test("an id given by the caller wins over the folder; an invalid one is warned about and the folder used")
    func explicitID() throws {
        let named = try F.card("cards/acme/other-license/README.md", id: "acme/renamed-model")
        #expect(named.components.first?.ref == "acme/renamed-model")
        #expect(named.edges.allSatisfy { $0.from == "acme/renamed-model" })
        let invalid = try F.card("cards/acme/other-license/README.md", id: "not an id")
        #expect(invalid.components.first?.ref == "acme/other-license")
        #expect(F.codes(invalid) == ["huggingface.invalid-id"])
    }

    @Test("values of the wrong type are warnings at their position; the rest is read")
    func wrongTypes() throws {
        let document = try F.card("cards/acme/wrong-types/README.md")
        #expect(Set(F.codes(document)) == ["huggingface.unexpected-type"])
        let positions = Set(document.diagnostics.compactMap { $0.location.map { "\($0.line):\($0.column)" } })
        #expect(positions == ["3:3", "5:10", "6:15", "7:13", "10:3", "11:7"])
        let card = try #require(document.components.first)
        #expect(card.declaredLicense == nil)
        #expect(card.properties["huggingface.language"] == "en")
        #expect(card.properties["huggingface.tags"] == nil)
        #expect(F.edges(document) == ["acme/wrong-types trained-on datasets/42"])
    }

    @Test("an empty front matter is a card with nothing stated")
    func emptyFrontMatter() throws {
        let document = try F.card("not-cards/empty-front-matter/acme/empty/README.md")
        #expect(document.components.map(\.ref) == ["acme/empty"])
        #expect(document.components.first?.declaredLicense == nil)
        #expect(document.edges.isEmpty)
        #expect(document.diagnostics.isEmpty)
    }

    @Test(
        "files that cannot be cards are input errors with a position",
        arguments: [
            ("not-cards/no-front-matter/README.md", "huggingface.no-front-matter", 1, 1),
            ("not-cards/unterminated/README.md", "huggingface.unterminated-front-matter", 1, 1),
            ("not-cards/not-mapping/README.md", "huggingface.front-matter-not-mapping", 2, 1),
        ])
    func unusable(file: String, code: String, line: Int, column: Int) throws {
        let error = try #require(F.inputError { () throws(InputError) in try F.card(file) })
        #expect(error.code == code)
        #expect(error.location?.line == line)
        #expect(error.location?.column == column)
        #expect(error.location?.file.hasSuffix(file) == true)
    }

    @Test("a YAML error in the front matter is positioned in the file's own lines")
    func yamlErrorPosition() throws {
        let error = try #require(F.inputError { () throws(InputError) in try F.card("not-cards/bad-yaml/README.md") })
        #expect(error.code == "yaml.syntax")
        let line = try #require(error.location?.line)
        #expect((3...4).contains(line))
    }

    @Test(
        "recognition needs front matter naming a card key",
        arguments: [
            ("cards/acme/other-license/README.md", true),
            ("cards/acme/keyed-dataset/README.md", true),
            ("cards/acme/crlf/README.md", true),
            ("not-cards/unterminated/README.md", true),
            ("not-cards/no-front-matter/README.md", false),
            ("not-cards/jekyll/README.md", false),
            ("not-cards/empty-front-matter/acme/empty/README.md", false),
        ])
    func recognition(file: String, expected: Bool) throws {
        let bytes = try F.bytes(F.path("huggingface/" + file))
        #expect(HuggingFaceCardReader.recognizes(prefix: bytes) == expected)
    }

    @Test("recognition works on a prefix that ends inside the front matter")
    func recognitionOfPrefix() throws {
        let bytes = try F.bytes(F.path("huggingface/cards/acme/other-license/README.md"))
        #expect(HuggingFaceCardReader.recognizes(prefix: Array(bytes.prefix(20))))
        #expect(!HuggingFaceCardReader.recognizes(prefix: Array("---\ntitle: x".utf8)))
    }
}

@Suite("Hugging Face cards as found on the Hub")
struct HuggingFaceCardConventionTests {
    typealias F = AIArtifactFixtures

    func read(_ frontMatter: String, path: String = "hub/acme/model-x/README.md") throws -> SBOMDocument {
        try HuggingFaceCardReader.read(markdown: Array("---\n\(frontMatter)---\n# Card\n".utf8), path: path)
    }

    @Test func aRelativeLicenseLinkNamesAFileBesideTheCard() throws {
        let document = try read("license: other\nlicense_name: acme-model-license\nlicense_link: LICENSE.md\n")
        let card = try #require(document.components.first)
        #expect(card.declaredLicense?.parts.map(\.raw) == ["acme-model-license"])
        #expect(card.properties["license.file"] == "hub/acme/model-x/LICENSE.md")
        #expect(card.properties["huggingface.license_link"] == "LICENSE.md")
        // A known id with a link keeps the id; a link out of the repository names no file.
        let escaping = try read("license: other\nlicense_name: x\nlicense_link: ../other/LICENSE\n")
        #expect(escaping.components.first?.properties["license.file"] == "hub/acme/model-x/")
        let ownHubURL = try read("license: other\nlicense_link: https://huggingface.co/acme/model-x/blob/main/LICENSE\n")
        #expect(ownHubURL.components.first?.properties["license.file"] == "hub/acme/model-x/LICENSE")
        let otherHubURL = try read("license: other\nlicense_link: https://huggingface.co/acme/model-y/blob/main/LICENSE\n")
        #expect(otherHubURL.components.first?.properties["license.file"] == "hub/acme/model-x/")
    }

    @Test func aLinkAloneBesideOtherIsTheStatementOnlyWhenItIsAURL() throws {
        let url = try read("license: other\nlicense_link: https://example.org/acme-license\n")
        #expect(url.components.first?.declaredLicense?.parts.map(\.form) == [.url])
        let file = try read("license: other\nlicense_link: ./LICENSE\n")
        #expect(file.components.first?.declaredLicense?.parts.map(\.raw) == ["other"])
        #expect(file.components.first?.properties["license.file"] == "hub/acme/model-x/LICENSE")
    }

    @Test func sourceDatasetMarkersAreNoDataSets() throws {
        let document = try read(
            "task_categories: [text-classification]\nsource_datasets:\n- original\n- other\n- extended\n- extended|glue\n",
            path: "hub/datasets/acme/nli-mix/README.md")
        #expect(F.edges(document) == ["datasets/acme/nli-mix derived-from datasets/glue"])
        #expect(document.diagnostics.isEmpty)
    }

    @Test func aLocalBaseModelIsAWarningOnItsLineNotAComponent() throws {
        let document = try read("license: mit\nbase_model:\n- /root/autodl-tmp/models/glm-4-9b-chat\n- acme/base-7b\n")
        #expect(F.edges(document) == ["acme/model-x fine-tuned-from acme/base-7b"])
        let warning = try #require(document.diagnostics.first)
        #expect(warning.code == "huggingface.local-base-model")
        #expect(warning.location?.line == 4)
        #expect(document.components.map(\.ref.rawValue) == ["acme/model-x", "acme/base-7b"])
    }
}
