import PedigreeDiagnostics
import PedigreeModel
import SafeJSON
import Testing

@testable import PedigreeFormats

@Suite("SPDX 2 JSON and YAML")
struct SPDX2ReaderTests {
    let jsonPath = SPDXFixtures.path("spdx2/json/support-bot.spdx.json")

    @Test func recognizesSPDX2AndNothingElse() throws {
        #expect(SPDX2Reader.recognizes(json: try SPDXFixtures.json(jsonPath)))
        #expect(!SPDX2Reader.recognizes(json: try SPDXFixtures.json(text: #"{"bomFormat": "CycloneDX", "specVersion": "1.6"}"#)))
        #expect(!SPDX2Reader.recognizes(json: try SPDXFixtures.json(text: #"{"spdxVersion": "SPDX-3.0"}"#)))
        #expect(!SPDX2Reader.recognizes(json: try SPDXFixtures.json(text: "[1, 2]")))
    }

    @Test func readsComponentsKindsAndRoot() throws {
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(jsonPath), path: jsonPath)
        #expect(document.format == .spdx2JSON)
        #expect(document.specVersion == "SPDX-2.3")
        #expect(document.roots == ["SPDXRef-App"])
        let kinds = Dictionary(uniqueKeysWithValues: document.components.map { ($0.ref.rawValue, $0.kind) })
        #expect(
            kinds == [
                "SPDXRef-App": .application, "SPDXRef-Model-FineTune": .model, "SPDXRef-Model-Base": .model,
                "SPDXRef-Dataset-Chats": .dataset, "SPDXRef-Transformers": .library, "SPDXRef-Pytest": .library,
                "SPDXRef-GGUF": .model, "SPDXRef-Prompts": .file,
            ])
        // README.md carries no license and takes part only in containment: not a component.
        #expect(document.component("SPDXRef-Readme") == nil)
        let app = try #require(document.component("SPDXRef-App"))
        #expect(app.supplier == "Acme Corp")
        #expect(app.version == "1.4.0")
        #expect(app.hashes == ["SHA-256": "4c3ac2f7c1b4d0f2b7c8e9a0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0"])
        #expect(app.location == SourceLocation(file: jsonPath, line: 33, column: 5))
        #expect(app.origins == [Origin(file: jsonPath, format: .spdx2JSON, location: app.location)])
        let fineTune = try #require(document.component("SPDXRef-Model-FineTune"))
        #expect(fineTune.purl == "pkg:huggingface/acme/qwen2.5-3b-support-ft@9f2c1d0")
        #expect(fineTune.properties["downloadLocation"] == "https://huggingface.co/acme/qwen2.5-3b-support-ft")
    }

    @Test func keepsLicensesWithTheirLocations() throws {
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(jsonPath), path: jsonPath)
        let fineTune = try #require(document.component("SPDXRef-Model-FineTune"))
        let declared = try #require(fineTune.declaredLicense)
        #expect(declared.parts == [LicenseText("LicenseRef-Qwen-Research", form: .expression, location: SourceLocation(file: jsonPath, line: 50, column: 26))])
        // NOASSERTION and NONE stay as text: the license layer decides what they mean.
        #expect(document.component("SPDXRef-App")?.concludedLicense?.displayText == "NOASSERTION")
        #expect(document.component("SPDXRef-Transformers")?.concludedLicense?.displayText == "NONE")
        #expect(document.component("SPDXRef-GGUF")?.declaredLicense == nil)
        let prompts = try #require(document.component("SPDXRef-Prompts"))
        #expect(prompts.concludedLicense?.displayText == "CC-BY-4.0")
        #expect(prompts.properties["spdx.licenseInfoInFiles"] == "CC-BY-4.0, NOASSERTION")
        #expect(document.extractedLicenses.keys.sorted() == ["LicenseRef-Acme-Proprietary", "LicenseRef-Qwen-Research"])
        let qwen = try #require(document.extractedLicenses["LicenseRef-Qwen-Research"])
        #expect(qwen.name == "Qwen RESEARCH LICENSE AGREEMENT")
        #expect(qwen.seeAlso == ["https://huggingface.co/Qwen/Qwen2.5-3B/blob/main/LICENSE"])
        #expect(qwen.text?.hasPrefix("Qwen RESEARCH LICENSE AGREEMENT") == true)
    }

    @Test func mapsRelationshipsToTypedEdges() throws {
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(jsonPath), path: jsonPath)
        #expect(
            document.edgeLines == [
                "SPDXRef-App contains SPDXRef-GGUF",
                "SPDXRef-App contains SPDXRef-Prompts",
                "SPDXRef-App depends-on SPDXRef-Transformers",
                "SPDXRef-App test-dependency SPDXRef-Pytest",
                "SPDXRef-GGUF quantized-from SPDXRef-Model-FineTune",
                "SPDXRef-Model-FineTune fine-tuned-from SPDXRef-Model-Base",
                "SPDXRef-Model-FineTune trained-on SPDXRef-Dataset-Chats",
                "SPDXRef-App depends-on DocumentRef-runtime:SPDXRef-Runtime",
                "SPDXRef-App depends-on SPDXRef-Model-FineTune",
            ])
        let unknown = try #require(document.edges.first { $0.statedAs == "USES_MODEL" })
        #expect(unknown.location == SourceLocation(file: jsonPath, line: 121, column: 24))
        #expect(document.edges.first { $0.kind == .fineTunedFrom }?.statedAs == "ANCESTOR_OF")
    }

    @Test func reportsContentProblemsWithPositions() throws {
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(jsonPath), path: jsonPath)
        let unknown = document.diagnostics("spdx.unknown-relationship")
        #expect(unknown.count == 1)
        #expect(unknown.first?.location == SourceLocation(file: jsonPath, line: 121, column: 59))
        #expect(unknown.first?.message.contains("'USES_MODEL'") == true)
        #expect(document.diagnostics("spdx.dangling-reference").map(\.location) == [SourceLocation(file: jsonPath, line: 122, column: 24)])
        let external = try #require(document.diagnostics("spdx.external-reference").first)
        #expect(external.location?.line == 120)
        #expect(external.message.contains("https://sbom.example.com/inference-runtime/2.1.0"))
        #expect(document.diagnostics("spdx.unknown-purpose").map(\.location?.line) == [88])
        #expect(document.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func readsYAMLLikeJSON() throws {
        let yamlPath = SPDXFixtures.path("spdx2/yaml/support-bot.spdx.yaml")
        let yaml = try SPDXFixtures.yaml(yamlPath)
        #expect(SPDX2Reader.recognizes(yaml: yaml))
        let fromYAML = SPDX2Reader.read(yaml: yaml, path: yamlPath)
        let fromJSON = SPDX2Reader.read(json: try SPDXFixtures.json(jsonPath), path: jsonPath)
        #expect(fromYAML.format == .spdx2YAML)
        #expect(fromYAML.edgeLines == fromJSON.edgeLines)
        #expect(fromYAML.components.map(\.ref) == fromJSON.components.map(\.ref))
        #expect(fromYAML.components.map(\.concludedLicense?.displayText) == fromJSON.components.map(\.concludedLicense?.displayText))
        #expect(fromYAML.roots == ["SPDXRef-App"])
        let declared = try #require(fromYAML.component("SPDXRef-Dataset-Chats")?.declaredLicense?.location)
        #expect(declared.file == yamlPath)
        #expect(declared.line > 1)
    }

    @Test func unnamedElementsGetAnIDAndAnError() throws {
        let text = """
            {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "creationInfo": {},
             "packages": [{"name": "orphan", "licenseDeclared": "MIT"}]}
            """
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(text: text), path: "inline.json")
        #expect(document.components.map(\.ref) == ["SPDXRef-package-1"])
        #expect(document.diagnostics("spdx.missing-id").first?.location == SourceLocation(file: "inline.json", line: 2, column: 15))
        #expect(document.diagnostics("spdx.missing-id").first?.severity == .error)
        #expect(document.diagnostics("spdx.missing-field").first?.message == "'creationInfo' names no 'creators'")
    }

    @Test func formatRuleBreachesAreErrorsWithPositions() throws {
        let text = #"{"spdxVersion": "SPDX-2.2.1", "SPDXID": "SPDXRef-DOCUMENT"}"#
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(text: text), path: "inline.json")
        #expect(document.diagnostics("spdx.unsupported-version").first?.location == SourceLocation(file: "inline.json", line: 1, column: 17))
        #expect(document.diagnostics("spdx.missing-field").first?.message == "document has no 'creationInfo'")
        #expect(document.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test(arguments: [("2025-03-02T10:00:00Z", true), ("2022-12-27T23:08:17.349368Z", false), ("2025-03-02T10:00:00+01:00", false), ("", false)])
    func timestampsFollowTheSPDXForm(text: String, valid: Bool) {
        #expect(SPDX2Document.isTimestamp(text) == valid)
    }

    @Test func fractionalSecondsAreAWarningNotAnError() throws {
        let text = #"{"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "creationInfo": {"created": "2022-12-27T23:08:17.349368Z", "creators": ["Tool: trivy"]}}"#
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(text: text), path: "inline.json")
        #expect(document.diagnostics.map(\.code) == ["spdx.invalid-timestamp"])
        #expect(document.diagnostics.first?.severity == .warning)
        #expect(document.diagnostics.first?.location == SourceLocation(file: "inline.json", line: 1, column: 87))
    }

    @Test func wrongJSONTypesAndVersionMismatchesAreErrors() throws {
        let text = """
            {"spdxVersion": "SPDX-2.2", "SPDXID": "SPDXRef-DOCUMENT",
             "creationInfo": {"creators": "Tool: one-string"},
             "packages": [{"SPDXID": "SPDXRef-P", "name": "p", "filesAnalyzed": "false", "primaryPackagePurpose": "LIBRARY"}]}
            """
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(text: text), path: "inline.json")
        let found = document.diagnostics.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(found == ["spdx.invalid-type 2:31", "spdx.invalid-type 3:69", "spdx.version-mismatch 3:103"])
        #expect(document.components.map(\.name) == ["p"])
    }
}

/// HARDENING "lose nothing": a second definition of an SPDXID would drop the first one's licenses.
@Suite("SPDX 2: a duplicate SPDXID is an error naming both places")
struct SPDX2DuplicateIDTests {
    @Test(arguments: [
        ("duplicate.spdx", 14, 14), ("duplicate.spdx.json", 10, 5), ("duplicate.spdx.yaml", 14, 5),
        ("duplicate.spdx.xml", 18, 3), ("duplicate.spdx.rdf.xml", 22, 5),
    ])
    func duplicateIsAnErrorAtTheSecondNamingTheFirst(file: String, line: Int, column: Int) throws {
        let path = SPDXFixtures.path("spdx2/duplicate-id/" + file)
        let loaded = InputLoader().loadFile(path)
        let document = try #require(loaded.document, "\(loaded.diagnostics)")
        let error = try #require(document.diagnostics.first { $0.code == "spdx.duplicate-id" }, "\(document.diagnostics)")
        #expect(error.severity == .error)
        #expect(error.location?.line == line)
        #expect(error.location?.column == column)
        #expect(error.message.contains("first at "))
        #expect(loaded.hasErrors)
    }
}
