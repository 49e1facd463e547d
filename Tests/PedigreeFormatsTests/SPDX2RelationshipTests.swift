import PedigreeModel
import Testing

@testable import PedigreeFormats

/// Every SPDX 2.3 relationship type, read from a two-package document in both directions of the table.
@Suite("SPDX 2 relationship mapping")
struct SPDX2RelationshipTests {
    /// `A TYPE B` between two plain libraries, and the edge expected (`A` or `B` first).
    static let plainCases: [(type: String, edge: String)] = [
        ("CONTAINS", "A contains B"), ("CONTAINED_BY", "B contains A"),
        ("DEPENDS_ON", "A depends-on B"), ("DEPENDENCY_OF", "B depends-on A"),
        ("DEPENDENCY_MANIFEST_OF", "B contains A"),
        ("BUILD_DEPENDENCY_OF", "B build-dependency A"), ("DEV_DEPENDENCY_OF", "B dev-dependency A"),
        ("OPTIONAL_DEPENDENCY_OF", "B depends-on A"), ("PROVIDED_DEPENDENCY_OF", "B depends-on A"),
        ("TEST_DEPENDENCY_OF", "B test-dependency A"), ("RUNTIME_DEPENDENCY_OF", "B depends-on A"),
        ("EXAMPLE_OF", "B contains A"),
        ("GENERATES", "B derived-from A"), ("GENERATED_FROM", "A derived-from B"),
        ("ANCESTOR_OF", "B derived-from A"), ("DESCENDANT_OF", "A derived-from B"),
        ("VARIANT_OF", "A derived-from B"), ("DISTRIBUTION_ARTIFACT", "A contains B"),
        ("PATCH_FOR", "B derived-from A"), ("PATCH_APPLIED", "B derived-from A"),
        ("COPY_OF", "A derived-from B"), ("FILE_ADDED", "B contains A"), ("FILE_DELETED", "B dev-dependency A"),
        ("FILE_MODIFIED", "A derived-from B"), ("EXPANDED_FROM_ARCHIVE", "B contains A"),
        ("DYNAMIC_LINK", "A dynamic-link B"), ("STATIC_LINK", "A static-link B"),
        ("DATA_FILE_OF", "B contains A"), ("TEST_CASE_OF", "B test-dependency A"),
        ("BUILD_TOOL_OF", "B build-dependency A"), ("DEV_TOOL_OF", "B dev-dependency A"),
        ("TEST_OF", "B test-dependency A"), ("TEST_TOOL_OF", "B test-dependency A"),
        ("DOCUMENTATION_OF", "B contains A"), ("OPTIONAL_COMPONENT_OF", "B contains A"),
        ("METAFILE_OF", "B contains A"), ("PACKAGE_OF", "B contains A"), ("AMENDS", "A derived-from B"),
        ("PREREQUISITE_FOR", "B depends-on A"), ("HAS_PREREQUISITE", "A depends-on B"),
        ("REQUIREMENT_DESCRIPTION_FOR", "B contains A"), ("SPECIFICATION_FOR", "B contains A"),
        ("DESCRIBES", "A contains B"), ("DESCRIBED_BY", "B contains A"),
    ]

    @Test(arguments: plainCases)
    func mapsBetweenLibraries(type: String, edge: String) throws {
        let document = try Self.read(type: type)
        #expect(document.edgeLines == [Self.expand(edge)])
        #expect(document.edges.first?.statedAs == type)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func tableCoversEveryCase() {
        let tested = Set(Self.plainCases.map(\.type)).union(["OTHER"])
        #expect(tested == Set(SPDX2RelationshipType.table.keys))
    }

    /// Lineage and generation between AI artifacts: the kinds of the ends choose the edge kind.
    static let aiCases: [(a: String, type: String, b: String, comment: String?, edge: String)] = [
        ("model", "DESCENDANT_OF", "model", nil, "A fine-tuned-from B"),
        ("model", "ANCESTOR_OF", "model", nil, "B fine-tuned-from A"),
        ("model", "DESCENDANT_OF", "model", "LoRA adapter trained on top of the base", "A adapter-of B"),
        ("model", "DESCENDANT_OF", "model", "4-bit GPTQ quantization", "A quantized-from B"),
        ("model", "DESCENDANT_OF", "model", "distilled from the teacher", "A distilled-from B"),
        ("model", "DESCENDANT_OF", "dataset", nil, "A trained-on B"),
        ("model", "GENERATED_FROM", "model", nil, "A quantized-from B"),
        ("dataset", "GENERATED_FROM", "model", nil, "A generated-by B"),
        ("dataset", "GENERATED_FROM", "dataset", nil, "A derived-from B"),
        ("dataset", "GENERATED_FROM", "library", nil, "A generated-by B"),
        ("model", "GENERATES", "dataset", nil, "B generated-by A"),
        ("model", "GENERATED_FROM", "dataset", nil, "A trained-on B"),
        ("model", "GENERATED_FROM", "library", nil, "A build-dependency B"),
        ("library", "GENERATED_FROM", "model", nil, "A generated-by B"),
        ("model", "OTHER", "dataset", "trained on the corpus", "A trained-on B"),
        ("dataset", "OTHER", "model", "used to fine-tune the model", "B trained-on A"),
        ("model", "OTHER", "dataset", "evaluated on the held-out set", "A tested-on B"),
        ("model", "OTHER", "model", "distilled from the larger model", "A distilled-from B"),
    ]

    @Test(arguments: aiCases)
    func mapsBetweenAIArtifacts(a: String, type: String, b: String, comment: String?, edge: String) throws {
        let document = try Self.read(type: type, kindA: a, kindB: b, comment: comment)
        #expect(document.edgeLines == [Self.expand(edge)])
    }

    @Test func modelWithSeveralModelAncestorsIsAMerge() throws {
        let text = Self.document(
            packages: [("A", "model"), ("B", "model"), ("C", "model")],
            relationships: [("A", "DESCENDANT_OF", "B", nil), ("A", "DESCENDANT_OF", "C", nil)])
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(text: text), path: "inline.json")
        #expect(document.edgeLines == ["SPDXRef-A merged-from SPDXRef-B", "SPDXRef-A merged-from SPDXRef-C"])
    }

    @Test func descendantThatAlsoDependsOnItsBaseIsAnAdapter() throws {
        let text = Self.document(
            packages: [("A", "model"), ("B", "model")],
            relationships: [("A", "DESCENDANT_OF", "B", nil), ("A", "DEPENDS_ON", "B", nil)])
        let document = SPDX2Reader.read(json: try SPDXFixtures.json(text: text), path: "inline.json")
        #expect(document.edgeLines == ["SPDXRef-A adapter-of SPDXRef-B", "SPDXRef-A depends-on SPDXRef-B"])
    }

    @Test func otherWithoutMeaningIsKeptAsDependsOnWithAWarning() throws {
        let document = try Self.read(type: "OTHER", comment: "see the wiki")
        #expect(document.edgeLines == ["SPDXRef-A depends-on SPDXRef-B"])
        #expect(document.diagnostics("spdx.other-relationship").count == 1)
    }

    @Test func unknownTypeIsKeptAsDependsOnWithAWarning() throws {
        let document = try Self.read(type: "SERVED_BY")
        #expect(document.edgeLines == ["SPDXRef-A depends-on SPDXRef-B"])
        #expect(document.edges.first?.statedAs == "SERVED_BY")
        let warning = try #require(document.diagnostics("spdx.unknown-relationship").first)
        #expect(warning.severity == .warning)
        #expect(warning.location?.line == 5)
    }

    @Test func relationshipsToNoneOrNoAssertionStateNoEdge() throws {
        #expect(try Self.read(type: "DEPENDS_ON", b: "NONE").edges.isEmpty)
        #expect(try Self.read(type: "GENERATED_FROM", b: "NOASSERTION").edges.isEmpty)
    }

    @Test(arguments: ["relationshipType_dependencyOf", "http://spdx.org/rdf/terms#relationshipType_dependencyOf", "dependencyOf"])
    func rdfSpellingsNormalise(name: String) {
        #expect(SPDX2RelationshipType.normalizedName(name) == "DEPENDENCY_OF")
        #expect(SPDX2RelationshipType.meaning(of: name) == .edge(.dependsOn, .reverse))
    }

    // MARK: - Helpers

    static func expand(_ edge: String) -> String {
        edge.split(separator: " ").map { $0 == "A" || $0 == "B" ? "SPDXRef-\($0)" : String($0) }.joined(separator: " ")
    }

    static func read(
        type: String, kindA: String = "library", kindB: String = "library", b: String = "B", comment: String? = nil
    ) throws -> SBOMDocument {
        let text = document(packages: [("A", kindA), ("B", kindB)], relationships: [("A", type, b, comment)])
        return SPDX2Reader.read(json: try SPDXFixtures.json(text: text), path: "inline.json")
    }

    /// A document with packages whose kind is set the SPDX 2 way: a Hugging Face purl for models
    /// and datasets, no purpose for libraries. The relationships start on line 5.
    static func document(packages: [(id: String, kind: String)], relationships: [(String, String, String, String?)]) -> String {
        let packageText = packages.map { package -> String in
            let purl: String
            switch package.kind {
            case "model": purl = "pkg:huggingface/example/\(package.id.lowercased())-model"
            case "dataset": purl = "pkg:huggingface/datasets/example/\(package.id.lowercased())-data"
            default: purl = "pkg:pypi/\(package.id.lowercased())@1.0"
            }
            return #"{"SPDXID": "SPDXRef-\#(package.id)", "name": "\#(package.id)", "licenseConcluded": "MIT", "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "\#(purl)"}]}"#
        }
        let relationshipText = relationships.map { relationship -> String in
            let (a, type, b, comment) = relationship
            let target = b == "NONE" || b == "NOASSERTION" ? b : "SPDXRef-\(b)"
            let commentText = comment.map { #", "comment": "\#($0)""# } ?? ""
            return #"{"spdxElementId": "SPDXRef-\#(a)", "relationshipType": "\#(type)", "relatedSpdxElement": "\#(target)"\#(commentText)}"#
        }
        return """
            {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "creationInfo": {"created": "2025-01-01T00:00:00Z", "creators": ["Tool: test"]},
            "packages": [\(packageText.joined(separator: ",\n"))],
            "relationships": [
            \(relationshipText.joined(separator: ",\n"))
            ]}
            """
    }
}

@Suite("SPDX AI artifact hints")
struct SPDXArtifactHintsTests {
    @Test(arguments: [
        ("https://huggingface.co/Qwen/Qwen2.5-3B", ComponentKind?.some(.model)),
        ("https://HuggingFace.co/datasets/tatsu-lab/alpaca", .dataset),
        ("https://hf.co/google/gemma-2-2b-it?download=true", .model),
        ("https://huggingface.co/spaces/acme/demo", nil), ("https://huggingface.co/Qwen", nil),
        ("https://github.com/huggingface.co/x", nil), ("NOASSERTION", nil),
    ])
    func downloadLocations(location: String, kind: ComponentKind?) {
        #expect(SPDXArtifactHints.kind(downloadLocation: location) == kind)
    }

    @Test(arguments: [
        ("primaryPurpose: model", ComponentKind?.some(.model)), ("type=dataset", .dataset),
        ("machine-learning-model", .model), ("Package level annotation", nil),
    ])
    func annotations(text: String, kind: ComponentKind?) {
        #expect(SPDXArtifactHints.kind(annotation: text) == kind)
    }

    @Test func wordsKeepTheirByteOffsets() {
        let parts = SPDX2TagValueParser.spaceSeparated("  a\tbc  d e f ", maxParts: 3)
        #expect(parts.map(\.offset) == [2, 4, 8])
        #expect(parts.map(\.text) == ["a", "bc", "d e f"])
    }
}
