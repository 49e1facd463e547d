import PedigreeDiagnostics
import PedigreeFormats
import PedigreeModel
import Testing

@Suite("Merging documents into one lineage graph")
struct LineageGraphBuilderTests {
    func merged(_ names: String...) throws -> MergedLineage {
        let documents = try names.map { try Fixtures.document("merge/\($0)") }
        return LineageGraphBuilder.build(documents)
    }

    func node(_ graph: LineageGraph, named name: String, version: String? = nil) -> [Component] {
        graph.components.filter { $0.name.lowercased() == name.lowercased() && (version == nil || $0.version == version) }
    }

    @Test func equalPurlIgnoringQualifiersIsOneNode() throws {
        let graph = try merged("app.cdx.json", "model.cdx.json").graph
        let numpy = node(graph, named: "numpy")
        #expect(numpy.count == 1)
        #expect(numpy.first?.origins.count == 2)
        #expect(Set(numpy.first?.origins.map { String($0.file.split(separator: "/").last ?? "") } ?? []) == ["app.cdx.json", "model.cdx.json"])
    }

    @Test func purlIsVersionSensitive() throws {
        let graph = try merged("app.cdx.json", "model.cdx.json").graph
        #expect(Set(node(graph, named: "urllib3").compactMap(\.version)) == ["2.0.0", "2.2.0"])
    }

    @Test func huggingFaceIDFromPurlAndURLIsOneNode() throws {
        let graph = try merged("app.cdx.json", "model.cdx.json").graph
        let tuned = graph.components.filter { $0.purl?.lowercased().hasPrefix("pkg:huggingface/acme/tuned") ?? false }
        #expect(tuned.count == 1)
        #expect(tuned.first?.ref == "model")
        #expect(tuned.first?.declaredLicense?.parts.first?.raw == "Llama 3.1 Community License Agreement")
        let base = try #require(graph.component("base"))
        #expect(base.origins.count == 2)
        #expect(base.purl == "pkg:huggingface/meta-llama/Llama-3.1-8B@d04e592bb4f6aa9cfee91e2e20afa771667e1d4b")
        let baseIndex = try #require(graph.index(of: "base"))
        let modelIndex = try #require(graph.index(of: "model"))
        #expect(graph.incoming[baseIndex].map { graph.edges[$0].kind } == [.fineTunedFrom])
        #expect(graph.endpoints[graph.incoming[baseIndex][0]].from == modelIndex)
    }

    @Test func nameAndVersionMergeWhenNothingElseIdentifies() throws {
        let graph = try merged("app.cdx.json", "model.cdx.json").graph
        let requests = node(graph, named: "requests", version: "2.32.3")
        #expect(requests.count == 1)
        #expect(requests.first?.declaredLicense?.parts.first?.raw == "Apache-2.0")
    }

    @Test func refsAreMadeUniqueAcrossInputs() throws {
        let result = try merged("app.cdx.json", "model.cdx.json")
        #expect(result.graph.component("lib")?.name == "numpy")
        #expect(result.graph.component("lib#2")?.name == "torch")
        #expect(result.refMaps[1]["lib"] == "lib#2")
        #expect(result.refMaps[1]["numpy"] == "lib")
        let refs = result.graph.components.map(\.ref)
        #expect(Set(refs).count == refs.count)
    }

    @Test func productOfTheOtherInputIsNotARootWhenSomethingUsesIt() throws {
        let result = try merged("app.cdx.json", "model.cdx.json")
        #expect(result.graph.roots.map { result.graph.components[$0].ref } == ["app"])
        #expect(!result.rootsAreInferred)
    }

    @Test func edgesOfBothInputsSurvive() throws {
        let graph = try merged("app.cdx.json", "model.cdx.json").graph
        let modelIndex = try #require(graph.index(of: "model"))
        let targets = Set(graph.outgoing[modelIndex].map { graph.components[graph.endpoints[$0].to].name })
        #expect(targets == ["base", "torch", "numpy"])
    }

    @Test func cyclesAreReportedOnceEachWithAPosition() throws {
        let result = try merged("cycle.cdx.json")
        let cycles = result.diagnostics.filter { $0.code == "graph.cycle" }
        #expect(cycles.count == 2)
        #expect(cycles.contains { $0.message.contains("'a' -depends-on-> 'b' -depends-on-> 'c' -depends-on-> 'a'") })
        #expect(cycles.contains { $0.message.contains("'d' -depends-on-> 'd'") })
        #expect(cycles.allSatisfy { ($0.location?.line ?? 0) > 0 })
        #expect(result.rootsAreInferred)
        // a, b, c and d all have an incoming edge; only nothing-points-to-it components are roots.
        #expect(result.graph.roots.isEmpty)
    }

    @Test func duplicateRefInOneDocumentIsReportedAndMerged() throws {
        let document = SBOMDocument(
            path: "dup.json", format: .cycloneDXJSON,
            components: [
                Component(ref: "x", name: "x", location: SourceLocation(file: "dup.json", line: 3, column: 5)),
                Component(ref: "x", name: "x", version: "2", location: SourceLocation(file: "dup.json", line: 9, column: 5)),
            ])
        let result = LineageGraphBuilder.build([document])
        #expect(result.graph.components.count == 1)
        #expect(result.graph.components.first?.version == "2")
        let duplicate = try #require(result.diagnostics.first { $0.code == "graph.duplicate-ref" })
        #expect(duplicate.location == SourceLocation(file: "dup.json", line: 9, column: 5))
    }

    @Test func danglingEdgeIsReportedAndLeftOut() throws {
        let at = SourceLocation(file: "m.yaml", line: 4, column: 7)
        let document = SBOMDocument(
            path: "m.yaml", format: .cycloneDXJSON, components: [Component(ref: "a", name: "a")],
            edges: [Edge(from: "a", to: "nowhere", kind: .runs, location: at)])
        let result = LineageGraphBuilder.build([document])
        #expect(result.graph.edges.isEmpty)
        let dangling = try #require(result.diagnostics.first { $0.code == "graph.dangling-reference" })
        #expect(dangling.location == at)
    }

    @Test func edgeEndsResolveAcrossDocumentsByNameOrPurl() throws {
        let sbom = try Fixtures.document("merge/app.cdx.json")
        let manifest = SBOMDocument(
            path: "pedigree.yaml", format: .manifest,
            edges: [
                Edge(from: "assistant", to: "pkg:pypi/numpy@1.26.4", kind: .staticLink),
                Edge(from: "app", to: "meta-llama/Llama-3.1-8B", kind: .runs),
            ], roots: ["assistant"])
        let result = LineageGraphBuilder.build([manifest, sbom])
        let graph = result.graph
        #expect(graph.edges.contains { $0.from == "app" && $0.to == "lib" && $0.kind == .staticLink })
        #expect(graph.edges.contains { $0.from == "app" && $0.to == "base" && $0.kind == .runs })
        #expect(graph.roots.map { graph.components[$0].ref } == ["app"])
        #expect(result.diagnostics.filter { $0.code == "graph.dangling-reference" }.isEmpty)
    }

    @Test func largeChainMergesInLinearTime() throws {
        let count = 20_000
        var components: [Component] = []
        var edges: [Edge] = []
        for index in 0..<count {
            components.append(Component(ref: ComponentRef("c\(index)"), name: "c\(index)", version: "1", purl: "pkg:npm/c\(index)@1"))
            if index > 0 { edges.append(Edge(from: ComponentRef("c\(index - 1)"), to: ComponentRef("c\(index)"), kind: .dependsOn)) }
        }
        let first = SBOMDocument(path: "a.json", format: .cycloneDXJSON, components: components, edges: edges)
        let second = SBOMDocument(path: "b.json", format: .cycloneDXJSON, components: components.reversed(), edges: edges)
        let result = LineageGraphBuilder.build([first, second])
        #expect(result.graph.components.count == count)
        #expect(result.graph.edges.count == count - 1)
        #expect(result.graph.roots.map { result.graph.components[$0].ref } == ["c0"])
    }
}
