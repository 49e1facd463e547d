import Foundation
import PedigreeDiagnostics
import PedigreeModel
import Testing

@testable import PedigreeFormats

/// The Hugging Face Hub cache read as the Hub client leaves it: refs, snapshots of links, blobs.
@Suite struct HubCacheFolderTests {
    static let card = """
        ---
        license: apache-2.0
        base_model: mistralai/Mistral-7B-v0.1
        ---
        # chat-7b

        """
    static let adapter = #"{"peft_type": "LORA", "base_model_name_or_path": "mistralai/Mistral-7B-v0.1", "r": 8}"#

    /// `hub/models--acme--chat-7b` with two snapshots, `refs/main` naming the newer one, and the given
    /// extra links inside the newer snapshot.
    private static func cache(mainRef: Bool = true, extraLinks: [(String, String)] = []) throws -> (hub: String, revision: String) {
        let hub = FileManager.default.temporaryDirectory.appendingPathComponent("pedigree-hub-\(UUID().uuidString)").path
        let repository = hub + "/models--acme--chat-7b"
        let (old, current) = ("0a1b2c", "9f8e7d")
        let blobs: [(String, String)] = [("b1", card), ("b2", adapter), ("b3", card.replacingOccurrences(of: "apache-2.0", with: "mit"))]
        try FileManager.default.createDirectory(atPath: repository + "/blobs", withIntermediateDirectories: true)
        for (name, text) in blobs { try Data(text.utf8).write(to: URL(fileURLWithPath: repository + "/blobs/" + name)) }
        try FileManager.default.createDirectory(atPath: repository + "/refs", withIntermediateDirectories: true)
        if mainRef { try Data((current + "\n").utf8).write(to: URL(fileURLWithPath: repository + "/refs/main")) }
        for revision in [old, current] {
            try FileManager.default.createDirectory(atPath: repository + "/snapshots/" + revision + "/lora", withIntermediateDirectories: true)
        }
        let links = [
            ("snapshots/\(old)/README.md", "../../blobs/b3"), ("snapshots/\(current)/README.md", "../../blobs/b1"),
            ("snapshots/\(current)/lora/adapter_config.json", "../../../blobs/b2"),
        ] + extraLinks
        for (link, target) in links {
            try FileManager.default.createSymbolicLink(atPath: repository + "/" + link, withDestinationPath: target)
        }
        return (hub, current)
    }

    @Test func theMainSnapshotIsReadThroughItsLinksAndNamesTheRepository() throws {
        let (hub, revision) = try Self.cache()
        defer { try? FileManager.default.removeItem(atPath: hub) }
        let result = InputLoader().load([hub])
        let read = result.files.filter { $0.status == .read }
        #expect(read.map { String($0.path.dropFirst(hub.count + 1)) } == [
            "models--acme--chat-7b/snapshots/\(revision)/README.md",
            "models--acme--chat-7b/snapshots/\(revision)/lora/adapter_config.json",
        ])
        #expect(read.map(\.format) == [.huggingFaceCard, .adapterConfig])
        let card = try #require(read.first?.document?.components.first { $0.name == "acme/chat-7b" })
        #expect(card.declaredLicense?.parts.map(\.raw) == ["apache-2.0"])
        #expect(result.files.allSatisfy { $0.diagnostics.allSatisfy { $0.severity != .error } })
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func aRepositoryOrSnapshotFolderMayBeTheInput() throws {
        let (hub, revision) = try Self.cache()
        defer { try? FileManager.default.removeItem(atPath: hub) }
        for root in [hub + "/models--acme--chat-7b", hub + "/models--acme--chat-7b/snapshots/" + revision] {
            var diagnostics = DiagnosticCollector()
            let listed = ProjectFolderWalk.files(under: root, diagnostics: &diagnostics)
            #expect(listed.map { $0.split(separator: "/").suffix(2).joined(separator: "/") } == [
                "\(revision)/README.md", "lora/adapter_config.json",
            ])
            #expect(diagnostics.diagnostics.isEmpty)
        }
    }

    @Test func withoutRefsMainTheLastSnapshotIsReadWithAWarning() throws {
        let (hub, revision) = try Self.cache(mainRef: false)
        defer { try? FileManager.default.removeItem(atPath: hub) }
        var diagnostics = DiagnosticCollector()
        let listed = ProjectFolderWalk.files(under: hub, diagnostics: &diagnostics)
        #expect(listed.allSatisfy { $0.contains("/snapshots/\(revision)/") } && listed.count == 2)
        #expect(diagnostics.diagnostics.map(\.code) == ["input.hub-cache-revision"])
    }

    @Test func aLinkLeavingTheRepositoryIsNotFollowed() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("pedigree-outside-\(UUID().uuidString).json").path
        try Data(#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": []}"#.utf8).write(to: URL(fileURLWithPath: outside))
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let (hub, revision) = try Self.cache(extraLinks: [("snapshots/9f8e7d/bom.cdx.json", outside)])
        defer { try? FileManager.default.removeItem(atPath: hub) }
        var diagnostics = DiagnosticCollector()
        let listed = ProjectFolderWalk.files(under: hub, diagnostics: &diagnostics)
        #expect(!listed.contains { $0.hasSuffix("bom.cdx.json") })
        let skipped = try #require(diagnostics.diagnostics.first)
        #expect(skipped.code == "input.symlink-skipped" && skipped.message.contains("\(revision)/bom.cdx.json"))
        #expect(InputLoader.contentPath(hub + "/models--acme--chat-7b/snapshots/\(revision)/bom.cdx.json").hasSuffix("bom.cdx.json"))
    }
}
