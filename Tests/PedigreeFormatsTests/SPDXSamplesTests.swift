import PedigreeModel
import SafeXML
import Testing

@testable import PedigreeFormats

/// The SPDX samples read cleanly and state the lineage the README describes.
@Suite("SPDX samples")
struct SPDXSamplesTests {
    @Test(arguments: [
        ("spdx2-json-saas-chatbot/helpdesk-chat-service.spdx.json", InputFormat.spdx2JSON),
        ("spdx2-yaml-on-device-assistant/pocket-notes.spdx.yaml", .spdx2YAML),
        ("spdx2-tag-value-distilled-model/brief-summarizer.spdx", .spdx2TagValue),
        ("spdx2-rdf-translation-desktop/lingo-desk.spdx.rdf.xml", .spdx2RDF),
        ("spdx3-ai-dataset-profiles/caselens-legal-assistant.spdx3.json", .spdx3JSONLD),
    ])
    func loadsThroughDetection(sample: String, format: InputFormat) throws {
        let file = InputLoader().loadFile(SPDXFixtures.samplePath(sample))
        let document = try #require(file.document, "\(file.diagnostics)")
        #expect(document.format == format)
        #expect(!document.components.isEmpty)
        #expect(file.diagnostics.isEmpty)
    }

    @Test func xmlSerializationLoadsThroughDetection() throws {
        let file = InputLoader().loadFile(SPDXFixtures.path("spdx2/xml/support-bot.spdx.xml"))
        #expect(file.document?.format == .spdx2XML)
        #expect(file.document?.components.count == 8)
    }

    @Test func saasChatbotJSON() throws {
        let path = SPDXFixtures.samplePath("spdx2-json-saas-chatbot/helpdesk-chat-service.spdx.json")
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(path), path: path)
        #expect(document.diagnostics.isEmpty)
        #expect(document.roots == ["SPDXRef-Service"])
        #expect(
            document.edgeLines.isSuperset(of: [
                "SPDXRef-Service depends-on SPDXRef-Model-Helpdesk",
                "SPDXRef-Model-Helpdesk fine-tuned-from SPDXRef-Model-Qwen",
                "SPDXRef-Model-Helpdesk trained-on SPDXRef-Dataset-Alpaca",
                "SPDXRef-Model-Helpdesk trained-on SPDXRef-Dataset-Tickets",
                "SPDXRef-Service test-dependency SPDXRef-Pytest",
                "SPDXRef-Model-Helpdesk contains SPDXRef-Weights-1",
            ]))
        #expect(document.component("SPDXRef-Dataset-Alpaca")?.kind == .dataset)
        #expect(document.component("SPDXRef-Dataset-Tickets")?.kind == .dataset)
        #expect(document.component("SPDXRef-Dataset-Alpaca")?.concludedLicense?.displayText == "CC-BY-NC-4.0")
    }

    @Test func onDeviceAssistantYAML() throws {
        let path = SPDXFixtures.samplePath("spdx2-yaml-on-device-assistant/pocket-notes.spdx.yaml")
        let document = SPDX2Reader.read(yaml: try SPDXFixtures.yaml(path), path: path)
        #expect(document.diagnostics.isEmpty)
        #expect(
            document.edgeLines.isSuperset(of: [
                "SPDXRef-Adapter adapter-of SPDXRef-Gemma", "SPDXRef-App dynamic-link SPDXRef-FFmpeg",
                "SPDXRef-App static-link SPDXRef-LlamaCpp", "SPDXRef-GGUF quantized-from SPDXRef-Gemma",
                "SPDXRef-AdapterFile quantized-from SPDXRef-Adapter", "SPDXRef-App contains SPDXRef-GGUF",
            ]))
        #expect(document.extractedLicenses["LicenseRef-Gemma-Terms"]?.name == "Gemma Terms of Use")
    }

    @Test func distilledModelTagValue() throws {
        let path = SPDXFixtures.samplePath("spdx2-tag-value-distilled-model/brief-summarizer.spdx")
        let document = try SPDX2Reader.read(tagValue: try SPDXFixtures.bytes(path), path: path)
        #expect(document.diagnostics.isEmpty)
        #expect(
            document.edgeLines == [
                "SPDXRef-Service depends-on SPDXRef-Student", "SPDXRef-Service depends-on SPDXRef-vLLM",
                "SPDXRef-Student fine-tuned-from SPDXRef-StudentBase", "SPDXRef-Student trained-on SPDXRef-Synthetic",
                "SPDXRef-Synthetic generated-by SPDXRef-Teacher", "SPDXRef-Synthetic derived-from SPDXRef-Opinions",
                "SPDXRef-Student build-dependency SPDXRef-TRL",
            ])
        #expect(document.extractedLicenses["LicenseRef-Llama-3.1-Community"]?.text?.contains("\"Llama\" at\nthe beginning") == true)
    }

    @Test func translationDesktopRDF() throws {
        let path = SPDXFixtures.samplePath("spdx2-rdf-translation-desktop/lingo-desk.spdx.rdf.xml")
        let root = try XMLParser.parse(try SPDXFixtures.bytes(path), file: path)
        #expect(SPDX2Reader.recognizes(xml: root))
        let document = SPDX2Reader.read(rdf: root, path: path)
        #expect(document.diagnostics.isEmpty)
        #expect(
            document.edgeLines == [
                "SPDXRef-App contains SPDXRef-Model", "SPDXRef-App dynamic-link SPDXRef-Qt",
                "SPDXRef-App static-link SPDXRef-CTranslate2", "SPDXRef-App static-link SPDXRef-SentencePiece",
                "SPDXRef-Model fine-tuned-from SPDXRef-OpusBase", "SPDXRef-Model trained-on SPDXRef-Corpus",
            ])
        #expect(document.component("SPDXRef-Qt")?.declaredLicense?.displayText == "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only")
        #expect(document.component("SPDXRef-Corpus")?.kind == .dataset)
    }

    @Test func legalAssistantSPDX3() throws {
        let path = SPDXFixtures.samplePath("spdx3-ai-dataset-profiles/caselens-legal-assistant.spdx3.json")
        let json = try SPDXFixtures.json(path)
        #expect(SPDX3Reader.recognizes(json: json))
        let document = SPDX3Reader.read(json: json, path: path)
        #expect(document.diagnostics.isEmpty)
        let namespace = "https://sbom.caselens.example/legal-assistant/2.0#"
        let lines = Set(document.edges.map {
            "\($0.from.rawValue.dropFirst(namespace.count)) \($0.kind.rawValue) \($0.to.rawValue.dropFirst(namespace.count))"
        })
        #expect(
            lines == [
                "Assistant depends-on LegalModel", "Assistant depends-on Retriever", "Assistant dev-dependency Ruff",
                "Retriever dynamic-link Faiss", "Faiss static-link OpenBLAS", "LegalModel contains Weights",
                "LegalModel fine-tuned-from MistralBase", "QAData generated-by Teacher", "QAData derived-from Statutes",
                "LegalModel trained-on QAData", "LegalModel tested-on EvalSet",
            ])
        #expect(document.roots.map(\.rawValue) == [namespace + "Assistant"])
        #expect(
            document.component(namespace + "QAData")?.declaredLicense?.displayText
                == "LicenseRef-CaseLens-Subscription AND LicenseRef-Llama-3.1-Community")
    }
}
