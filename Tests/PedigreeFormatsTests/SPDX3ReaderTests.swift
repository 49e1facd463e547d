import PedigreeDiagnostics
import PedigreeModel
import Testing

@testable import PedigreeFormats

@Suite("SPDX 3.0.1 JSON-LD")
struct SPDX3ReaderTests {
    let path = SPDXFixtures.path("spdx3/distilled-summarizer.spdx3.json")
    static let namespace = "https://example.org/spdx/summarizer#"

    func read() throws -> SBOMDocument { SPDX3Reader.read(json: try SPDXFixtures.json(path), path: path) }

    /// `App` for `https://example.org/spdx/summarizer#App`, to keep expectations short.
    func short(_ ref: ComponentRef) -> String {
        ref.rawValue.hasPrefix(Self.namespace) ? String(ref.rawValue.dropFirst(Self.namespace.count)) : ref.rawValue
    }

    @Test func recognizesSPDX3AndNotSPDX2() throws {
        let json = try SPDXFixtures.json(path)
        #expect(SPDX3Reader.recognizes(json: json))
        #expect(!SPDX2Reader.recognizes(json: json))
        #expect(SPDX3Reader.recognizes(json: try SPDXFixtures.json(SPDXFixtures.path("spdx3/single-element.spdx3.json"))))
        #expect(!SPDX3Reader.recognizes(json: try SPDXFixtures.json(SPDXFixtures.path("spdx2/json/support-bot.spdx.json"))))
        #expect(!SPDX3Reader.recognizes(json: try SPDXFixtures.json(text: #"{"bomFormat": "CycloneDX"}"#)))
    }

    @Test func readsAIAndDatasetProfilesIntoKinds() throws {
        let document = try read()
        #expect(document.format == .spdx3JSONLD)
        #expect(document.specVersion == "3.0.1")
        #expect(document.roots.map(short) == ["App"])
        #expect(
            document.components.map { "\(short($0.ref)) \($0.kind.rawValue)" } == [
                "App application", "Student model", "Base model", "Teacher model", "Synthetic dataset", "EvalSet dataset",
                "Quantized model", "LibLlama library", "SentencePiece library", "JavaBits library", "Pytest library",
                "Torch framework", "Server application",
            ])
        let app = try #require(document.component(Self.namespace + "App"))
        #expect(app.supplier == "Acme Research Tools")
        #expect(app.purl == "pkg:generic/acme/research-summarizer@2.0.0")
        #expect(app.hashes == ["SHA-256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"])
        #expect(document.component(Self.namespace + "SentencePiece")?.purl == "pkg:pypi/sentencepiece@0.2.0")
        #expect(document.component(Self.namespace + "Synthetic")?.properties["dataset.availability"] == "registration")
    }

    @Test func mapsLineageRelationships() throws {
        let document = try read()
        let lines = Set(document.edges.map { "\(short($0.from)) \($0.kind.rawValue) \(short($0.to))" })
        #expect(
            lines == [
                "App depends-on Student", "App depends-on https://example.org/spdx/platform#Tokenizers",
                "App test-dependency Pytest", "App build-dependency Torch", "App depends-on JavaBits",
                "App dynamic-link LibLlama", "App static-link SentencePiece", "App contains Quantized",
                "Student fine-tuned-from Base", "Synthetic generated-by Teacher", "Student trained-on Synthetic",
                "Student tested-on EvalSet", "Quantized quantized-from Student", "Server depends-on Student",
                "Server derived-from Base",
            ])
        #expect(document.edges.count == lines.count)
    }

    @Test func generatesThenTrainedOnGivesGeneratedByAndTrainedOn() throws {
        // DOMAIN.md §8.11: a teacher's generated dataset that a student is trained on.
        let document = try read()
        let generated = try #require(document.edges.first { $0.kind == .generatedBy })
        #expect(short(generated.from) == "Synthetic")
        #expect(short(generated.to) == "Teacher")
        #expect(generated.statedAs == "generates")
        let trained = try #require(document.edges.first { $0.kind == .trainedOn })
        #expect(short(trained.from) == "Student")
        #expect(trained.to == generated.from)
    }

    @Test func readsLicenseElementsAsExpressions() throws {
        let document = try read()
        func declared(_ id: String) -> String? { document.component(Self.namespace + id)?.declaredLicense?.displayText }
        #expect(declared("App") == "LicenseRef-Acme-EULA")
        #expect(document.component(Self.namespace + "App")?.concludedLicense?.displayText == "NOASSERTION")
        #expect(declared("Student") == "Apache-2.0 AND LicenseRef-Llama31License")
        #expect(document.component(Self.namespace + "Student")?.declaredLicense?.parts.count == 2)
        #expect(declared("Synthetic") == "CC-BY-4.0 AND LicenseRef-Llama31")
        #expect(declared("LibLlama") == "MIT")
        #expect(declared("JavaBits") == "LGPL-2.1-only+ AND (GPL-2.0-only WITH Classpath-exception-2.0) AND (MIT OR Apache-2.0)")
        #expect(document.component(Self.namespace + "SentencePiece")?.concludedLicense?.displayText == "Apache-2.0")
        #expect(declared("Torch") == nil)
        #expect(document.extractedLicenses.keys.sorted() == ["LicenseRef-Acme-EULA", "LicenseRef-Llama31License"])
        #expect(document.extractedLicenses["LicenseRef-Llama31License"]?.name == "Llama 3.1 Community License Agreement")
    }

    @Test func licenseLocationsPointAtEachRelationship() throws {
        let document = try read()
        let synthetic = try #require(document.component(Self.namespace + "Synthetic"))
        let declared = try #require(synthetic.declaredLicense?.location)
        let concluded = try #require(synthetic.concludedLicense?.location)
        #expect(declared.file == path)
        #expect(declared != concluded)
        #expect(declared.line > 400 && concluded.line > declared.line)
    }

    @Test func unknownRelationshipsAndDanglingReferencesAreWarnings() throws {
        let document = try read()
        let unknown = try #require(document.diagnostics("spdx.unknown-relationship").first)
        #expect(unknown.location == SourceLocation(file: path, line: 364, column: 27))
        #expect(unknown.message.contains("'servedBy'"))
        #expect(document.diagnostics("spdx.dangling-reference").count == 1)
        #expect(document.diagnostics("spdx.dangling-reference").first?.message.contains("#Ghost'") == true)
        #expect(document.diagnostics("spdx.external-reference").count == 1)
        #expect(document.diagnostics.count == 3)
    }

    @Test func readsASingleTopLevelElement() throws {
        let single = SPDXFixtures.path("spdx3/single-element.spdx3.json")
        let document = SPDX3Reader.read(json: try SPDXFixtures.json(single), path: single)
        #expect(document.components.map(\.name) == ["tiny-model"])
        #expect(document.components.first?.kind == .model)
        #expect(document.specVersion == "3.0.1")
    }

    @Test(arguments: [
        ("development", EdgeKind.devDependency), ("design", .devDependency), ("build", .buildDependency),
        ("test", .testDependency), ("runtime", .dependsOn), ("other", .dependsOn),
    ])
    func lifecycleScopesDecideWhetherADependencyShips(scope: String, kind: EdgeKind) {
        #expect(SPDX3RelationshipType.dependencyKind(scope: scope) == kind)
    }

    @Test(arguments: [
        ("https://spdx.org/licenses/MIT", "MIT"), ("http://spdx.org/licenses/GPL-2.0-only.html", "GPL-2.0-only"),
        ("https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoneLicense", "NONE"),
        ("https://example.org/doc#LicenseRef-internal", "LicenseRef-internal"),
    ])
    func licenseIRIsBecomeIDs(iri: String, id: String) {
        #expect(SPDX3LicenseExpression.licenseID(iri: iri) == id)
    }

    @Test func buildOutputsAreGeneratedFromBuildInputs() throws {
        let text = """
            {"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [
            {"type": "software_Package", "spdxId": "urn:busybox", "name": "busybox"},
            {"type": "software_File", "spdxId": "urn:src", "name": "libbb/xfuncs.c"},
            {"type": "software_File", "spdxId": "urn:readme", "name": "README"},
            {"type": "build_Build", "spdxId": "urn:build", "build_buildType": "https://openembedded.org/dobuild"},
            {"type": "Relationship", "spdxId": "urn:r1", "from": "urn:build", "relationshipType": "hasInput", "to": ["urn:src"]},
            {"type": "Relationship", "spdxId": "urn:r2", "from": "urn:build", "relationshipType": "hasOutput", "to": ["urn:busybox"]},
            {"type": "Relationship", "spdxId": "urn:r3", "from": "urn:src", "relationshipType": "hasConcludedLicense", "to": ["https://spdx.org/licenses/GPL-2.0-only"]},
            {"type": "Relationship", "spdxId": "urn:r4", "from": "urn:busybox", "relationshipType": "contains", "to": ["urn:readme"]}]}
            """
        let document = SPDX3Reader.read(json: try SPDXFixtures.json(text: text), path: "inline.json")
        #expect(document.edgeLines == ["urn:busybox derived-from urn:src"])
        #expect(document.edges.first?.statedAs == "hasInput/hasOutput")
        // The unlicensed README only takes part in containment: not a component.
        #expect(document.components.map(\.name) == ["busybox", "libbb/xfuncs.c"])
    }

    @Test func selfReferencingLicenseSetStops() throws {
        let text = """
            {"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [
            {"type": "software_Package", "spdxId": "urn:p", "name": "p"},
            {"type": "expandedlicensing_ConjunctiveLicenseSet", "spdxId": "urn:set", "expandedlicensing_member": ["urn:set", "https://spdx.org/licenses/MIT"]},
            {"type": "Relationship", "spdxId": "urn:r", "from": "urn:p", "relationshipType": "hasDeclaredLicense", "to": ["urn:set"]}]}
            """
        let document = SPDX3Reader.read(json: try SPDXFixtures.json(text: text), path: "inline.json")
        #expect(document.component("urn:p")?.declaredLicense?.displayText == "urn:set AND MIT")
    }
}

/// Real AI-BOMs nest whole elements in `SpdxDocument.element` and write unprefixed terms.
@Suite("SPDX 3.0.1 JSON-LD as generators write it")
struct SPDX3NestedElementTests {
    let path = SPDXFixtures.path("spdx3/nested-ai-bom.spdx3.json")

    func read() throws -> SBOMDocument { SPDX3Reader.read(json: try SPDXFixtures.json(path), path: path) }

    @Test func readsNestedElementsWithUnprefixedTypes() throws {
        let document = try read()
        #expect(document.roots == [ComponentRef("SPDXRef-MODEL")])
        #expect(
            document.components.map { "\($0.ref) \($0.kind.rawValue)" } == [
                "SPDXRef-MODEL model", "SPDXRef-PKG-TORCH library", "SPDXRef-DATASET dataset",
            ])
        let model = try #require(document.component("SPDXRef-MODEL"))
        #expect(model.version == "4f1c2d")
        #expect(model.supplier == "Acme AI")
        #expect(model.properties["spdx.type"] == "ai_AIPackage")
        #expect(model.properties["ai.typeOfModel"] == "Transformer")
        #expect(document.component("SPDXRef-PKG-TORCH")?.purl == "pkg:pypi/torch")
        #expect(document.component("SPDXRef-DATASET")?.properties["dataset.type"] == "text")
        #expect(
            document.edgeLines == [
                "SPDXRef-MODEL depends-on SPDXRef-PKG-TORCH", "SPDXRef-MODEL trained-on SPDXRef-DATASET",
            ])
        #expect(!document.diagnostics.contains { $0.severity != .note }, "\(document.diagnostics)")
    }

    @Test func keepsALicenseGivenAsTextWithItsText() throws {
        let document = try read()
        let model = try #require(document.component("SPDXRef-MODEL"))
        let id = try #require(model.declaredLicense?.displayText)
        #expect(id == "LicenseRef-SPDXRef-LIC-MODEL")
        let text = try #require(document.extractedLicenses[id]?.text)
        #expect(text.hasPrefix("ACME CHAT MODEL LICENSE"))
        #expect(document.component("SPDXRef-DATASET")?.declaredLicense?.displayText == "CC-BY-NC-4.0")
    }

    @Test func aCopyThatContradictsTheFirstIsAnErrorNamingBoth() throws {
        let json = try SPDXFixtures.json(
            text: """
                {"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "type": "SpdxDocument",
                 "spdxId": "D", "rootElement": ["P"], "element": [
                  {"type": "Package", "spdxId": "P", "name": "one"},
                  {"type": "Package", "spdxId": "P", "name": "two"}]}
                """)
        let document = SPDX3Reader.read(json: json, path: "inline.json")
        let error = try #require(document.diagnostics.first { $0.code == "spdx.duplicate-id" })
        #expect(error.severity == .error)
        #expect(error.location?.line == 4)
        #expect(error.message.contains("first at 3:"))
    }
}
