import PedigreeDiagnostics
import PedigreeFormats
import PedigreeModel
import Testing

@Suite("A README without front matter is a card when where it lies says so")
struct HubREADMETests {
    private func load(_ paths: [String]) -> LoadResult {
        InputLoader().load(paths.map { AIArtifactFixtures.path("hub-readme/" + $0) })
    }

    @Test("in a folder of cards, a bare card is a component that states nothing; a project README is skipped")
    func folderOfCards() throws {
        let result = load(["."])
        let components = result.documents.flatMap(\.components)
        let bare = try #require(components.first { $0.ref.rawValue == "acme/bare-base" && $0.origins.contains { $0.file.hasSuffix("bare-base/README.md") } })
        #expect(bare.declaredLicense == nil)
        #expect(bare.kind == .model)
        let notes = try #require(result.files.first { $0.path.hasSuffix("notes/README.md") })
        #expect(notes.status == .skipped)
        #expect(notes.diagnostics.map(\.code) == ["input.skipped"])
        let said = result.allDiagnostics.filter { $0.code == "huggingface.no-front-matter" }.compactMap { $0.location?.file }
        #expect(said.contains { $0.hasSuffix("acme/bare-base/README.md") })
        #expect(said.allSatisfy { !$0.hasSuffix("notes/README.md") })
    }

    @Test("Hub repository files beside a bare README make it a card; so does a datasets folder")
    func repositoryFilesAndCategoryFolders() throws {
        let result = load(["weights-only", "datasets"])
        let refs = Set(result.documents.filter { $0.format == .huggingFaceCard }.flatMap(\.components).map(\.ref.rawValue))
        #expect(refs.contains("weights-only/sd-model"))
        let dataset = try #require(result.documents.flatMap(\.components).first { $0.name == "acme/plain-data" })
        #expect(dataset.kind == .dataset)
        #expect(!result.hasInputErrors)
    }

    @Test("named alone, a bare README in an org/name folder is a card; a README naming no repository is refused")
    func namedAlone() throws {
        let card = load(["acme/bare-base/README.md"])
        #expect(!card.hasInputErrors)
        #expect(card.documents.flatMap(\.components).map(\.name) == ["acme/bare-base"])
        let notCard = InputLoader().load(bytes: Array("# Notes\n".utf8), path: "README.md", explicit: true)
        #expect(notCard.status == .failed)
        #expect(notCard.diagnostics.map(\.code) == ["input.unrecognized-format"])
    }
}
