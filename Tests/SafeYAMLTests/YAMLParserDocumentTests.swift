import PedigreeDiagnostics
import SafeYAML
import Testing

@Suite("YAMLParser composes real documents with positions")
struct YAMLParserDocumentTests {
    /// Front matter of a Hugging Face model card, as it sits between the `---` lines of README.md.
    static let modelCard = """
        license: apache-2.0
        base_model: meta-llama/Llama-3.1-8B
        datasets:
        - HuggingFaceH4/ultrachat_200k
        - allenai/c4
        language:
        - en
        tags:
        - text-generation
        - llama
        - "4-bit"
        pipeline_tag: text-generation
        library_name: transformers

        """

    @Test func modelCardFrontMatterStartsAtLineTwo() throws {
        let card = try parseYAML(Self.modelCard, firstLine: 2)
        #expect(card.position == "2:1")
        #expect(card.mapping?.map { $0.key.string } == [
            "license", "base_model", "datasets", "language", "tags", "pipeline_tag", "library_name",
        ])
        let license = try #require(card["license"])
        #expect(license.string == "apache-2.0")
        #expect(license.location == PedigreeDiagnostics.SourceLocation(file: "input.yaml", line: 2, column: 10))
        #expect(card["base_model"]?.string == "meta-llama/Llama-3.1-8B")
        #expect(card["base_model"]?.sequence == nil)
        let datasets = try #require(card["datasets"]?.sequence)
        #expect(datasets.compactMap(\.string) == ["HuggingFaceH4/ultrachat_200k", "allenai/c4"])
        #expect(datasets.map(\.position) == ["5:3", "6:3"])
        let tags = try #require(card["tags"]?.sequence)
        #expect(tags.compactMap(\.string) == ["text-generation", "llama", "4-bit"])
        #expect(tags[2].scalar?.isPlain == false)
        #expect(tags[0].scalar?.isPlain == true)
        #expect(card["library_name"]?.position == "14:15")
        #expect(card["missing"] == nil)
        #expect(license["anything"] == nil)
    }

    @Test func modelCardWithBaseModelList() throws {
        let card = try parseYAML(
            """
            license: other
            license_name: llama3.1
            license_link: https://llama.meta.com/llama3_1/license/
            base_model:
            - meta-llama/Llama-3.1-8B
            - mistralai/Mistral-7B-v0.1
            base_model_relation: merge
            """, firstLine: 2)
        #expect(card["license"]?.string == "other")
        #expect(card["license_name"]?.string == "llama3.1")
        #expect(card["license_link"]?.string == "https://llama.meta.com/llama3_1/license/")
        let bases = try #require(card["base_model"]?.sequence)
        #expect(bases.compactMap(\.string) == ["meta-llama/Llama-3.1-8B", "mistralai/Mistral-7B-v0.1"])
        #expect(bases.map(\.position) == ["6:3", "7:3"])
        #expect(card["base_model"]?.string == nil)
    }

    @Test func spdxDocumentInYAML() throws {
        let document = try parseYAML(
            """
            spdxVersion: SPDX-2.3
            dataLicense: CC0-1.0
            SPDXID: SPDXRef-DOCUMENT
            name: chat-assistant
            documentNamespace: https://example.com/spdx/chat-assistant-1.0
            creationInfo:
              created: "2024-05-01T12:00:00Z"
              creators:
              - "Tool: example-sbom-1.0"
            packages:
            - SPDXID: SPDXRef-Package-llama-cpp
              name: llama.cpp
              versionInfo: b3000
              downloadLocation: NOASSERTION
              licenseConcluded: MIT
              licenseDeclared: MIT
              filesAnalyzed: false
            - SPDXID: SPDXRef-Package-weights
              name: Llama-3.1-8B
              versionInfo: 3.1
              downloadLocation: https://huggingface.co/meta-llama/Llama-3.1-8B
              licenseConcluded: NOASSERTION
              licenseDeclared: LicenseRef-Llama-3.1-Community
            relationships:
            - spdxElementId: SPDXRef-DOCUMENT
              relationshipType: DESCRIBES
              relatedSpdxElement: SPDXRef-Package-llama-cpp

            """)
        #expect(document["spdxVersion"]?.string == "SPDX-2.3")
        #expect(document["creationInfo"]?["created"]?.string == "2024-05-01T12:00:00Z")
        #expect(document["creationInfo"]?["creators"]?.sequence?.first?.string == "Tool: example-sbom-1.0")
        let packages = try #require(document["packages"]?.sequence)
        #expect(packages.count == 2)
        #expect(packages[0]["licenseConcluded"]?.string == "MIT")
        #expect(packages[0]["filesAnalyzed"]?.bool == false)
        #expect(packages[0].position == "11:3")
        #expect(packages[1]["versionInfo"]?.string == "3.1")
        #expect(packages[1]["versionInfo"]?.double == 3.1)
        #expect(packages[1]["licenseDeclared"]?.position == "23:20")
        let relationship = try #require(document["relationships"]?.sequence?.first)
        #expect(relationship["relationshipType"]?.string == "DESCRIBES")
        #expect(relationship["relatedSpdxElement"]?.string == "SPDXRef-Package-llama-cpp")
    }

    @Test func blockScalarsKeepTheirText() throws {
        let node = try parseYAML(
            """
            literal: |
              line one
                indented
              line three
            folded: >
              folded
              text

              new paragraph
            stripped: |-
              no final break
            kept: >+
              kept

            end: ok
            """)
        #expect(node["literal"]?.string == "line one\n  indented\nline three\n")
        #expect(node["literal"]?.scalar?.isPlain == false)
        #expect(node["literal"]?.position == "1:10")
        #expect(node["folded"]?.string == "folded text\nnew paragraph\n")
        #expect(node["stripped"]?.string == "no final break")
        #expect(node["kept"]?.string == "kept\n\n")
        #expect(node["end"]?.string == "ok")
    }

    @Test func anchorsAndAliasesWithinBudget() throws {
        let node = try parseYAML(
            """
            defaults: &defaults
              license: MIT
              tags: [a, b]
            model_a: *defaults
            model_b:
              base: *defaults
              tags: &t [x]
              more: [*t, *t]
            """)
        let alias = try #require(node["model_a"])
        #expect(alias.position == "4:10")
        #expect(alias["license"]?.string == "MIT")
        #expect(alias["license"]?.position == "2:12")
        #expect(alias["tags"]?.sequence?.compactMap(\.string) == ["a", "b"])
        #expect(node["model_b"]?["base"]?["tags"]?.sequence?.count == 2)
        #expect(node["model_b"]?["more"]?.sequence?.map { $0.sequence?.first?.string } == ["x", "x"])
    }

    @Test func aliasRefersToTheMostRecentAnchor() throws {
        let node = try parseYAML("a: &x 1\nb: &x 2\nc: *x\nd: &y [&y inner, *y]\n")
        #expect(node["c"]?.int == 2)
        #expect(node["d"]?.sequence?.last?.string == "inner")
    }

    @Test func aliasBudgetCountsExpandedNodes() throws {
        let limits = InputLimits(maxYAMLNodes: 8)
        // `&a` stands for 4 nodes (the sequence and its three items); two aliases add 8.
        let node = try parseYAML("a: &a [1, 2, 3]\nb: *a\nc: *a\n", limits: limits)
        #expect(node["c"]?.sequence?.count == 3)
        expectYAMLError(
            "a: &a [1, 2, 3]\nb: *a\nc: *a\nd: *a\n", code: "yaml.alias-budget", line: 4, column: 4, limits: limits)
    }

    @Test func sixtyFourLevelsAreAllowed() throws {
        let node = try parseYAML(String(repeating: "[", count: 64) + "x" + String(repeating: "]", count: 64))
        var current: YAMLNode? = node
        var depth = 0
        while let items = current?.sequence {
            depth += 1
            current = items.first
        }
        #expect(depth == 64)
        #expect(current?.string == "x")
        #expect(current?.position == "1:65")
    }

    @Test(arguments: ["", "# only a comment\n", "---\n", "---\n...\n", "\u{FEFF}"])
    func emptyDocumentIsNil(text: String) throws {
        #expect(try YAMLParser.parse(Array(text.utf8), file: "input.yaml") == nil)
    }

    @Test func explicitNullIsANode() throws {
        let node = try parseYAML("~\n")
        #expect(node.isNull)
        #expect(node.string == nil)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let node = try parseYAML("nämé: ünïcode\n\u{1F999}: x\n")
        #expect(node["nämé"]?.position == "1:7")
        #expect(node["\u{1F999}"]?.position == "2:4")
    }

    @Test func byteOrderMarkIsNotCounted() throws {
        let node = try parseYAML("\u{FEFF}a: b\n")
        #expect(node["a"]?.position == "1:4")
    }

    @Test func mappingKeysKeepOrderAndPositions() throws {
        let node = try parseYAML("z: 1\na: 2\nm: {k: v}\n")
        let pairs = try #require(node.mapping)
        #expect(pairs.map(\.key.position) == ["1:1", "2:1", "3:1"])
        #expect(pairs.map { $0.key.string } == ["z", "a", "m"])
        #expect(node["m"]?["k"]?.position == "3:8")
    }
}
