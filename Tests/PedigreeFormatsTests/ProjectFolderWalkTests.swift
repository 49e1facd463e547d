import Foundation
import PedigreeDiagnostics
import Testing

@testable import PedigreeFormats

/// What the project-aware folder walk lists, on a tree built in a temporary folder.
@Suite struct ProjectFolderWalkTests {
    private static func tree(_ files: [String], links: [(String, String)] = []) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pedigree-walk-\(UUID().uuidString)").path
        for file in files {
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("x\n".utf8).write(to: URL(fileURLWithPath: path))
        }
        for (link, target) in links {
            try FileManager.default.createSymbolicLink(atPath: root + "/" + link, withDestinationPath: target)
        }
        return root
    }

    @Test func readsInstalledPackagesOnlyForTheirMetadata() throws {
        let root = try Self.tree([
            "pyproject.toml", "src/app.py", ".gitmodules", ".git/HEAD", "build/out.cdx.json", "__pycache__/app.pyc",
            ".venv/pyvenv.cfg", ".venv/bin/activate", ".venv/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA",
            ".venv/lib/python3.12/site-packages/six-1.16.0.dist-info/RECORD", ".venv/lib/python3.12/site-packages/six.py",
            "node_modules/left-pad/package.json", "node_modules/left-pad/index.js", "node_modules/@scope/ui/package.json",
            "node_modules/@scope/ui/node_modules/tiny/package.json", "node_modules/@scope/ui/dist/ui.js", ".hidden/bom.cdx.json",
        ], links: [(".venv/lib64", "lib"), (".venv/bin/python", "/usr/bin/python3")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        var diagnostics = DiagnosticCollector()
        let listed = ProjectFolderWalk.files(under: root, diagnostics: &diagnostics).map { String($0.dropFirst(root.count + 1)) }
        #expect(listed == [
            ".gitmodules", ".venv/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA",
            "node_modules/@scope/ui/node_modules/tiny/package.json", "node_modules/@scope/ui/package.json",
            "node_modules/left-pad/package.json", "pyproject.toml", "src/app.py",
        ])
        // The virtual environment's own links are its layout, not something skipped from the inputs.
        #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)")
    }

    @Test func buildOutputsAreReadWhenNoManifestProducesThem() throws {
        let root = try Self.tree(["build/bom.cdx.json", "dist/bom.spdx.json"], links: [("link.json", "build/bom.cdx.json")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        var diagnostics = DiagnosticCollector()
        let listed = ProjectFolderWalk.files(under: root, diagnostics: &diagnostics).map { String($0.dropFirst(root.count + 1)) }
        #expect(listed == ["build/bom.cdx.json", "dist/bom.spdx.json"])
        #expect(diagnostics.diagnostics.map(\.code) == ["input.symlink-skipped"])
    }

    @Test func foldersDeeperThanTheBoundAreWarnedAboutNotRead() throws {
        let deep = (0...ProjectFolderWalk.maxDepth).map { "d\($0)" }.joined(separator: "/")
        let root = try Self.tree([deep + "/bom.cdx.json", "top.cdx.json"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        var diagnostics = DiagnosticCollector()
        let listed = ProjectFolderWalk.files(under: root, diagnostics: &diagnostics).map { String($0.dropFirst(root.count + 1)) }
        #expect(listed == ["top.cdx.json"])
        #expect(diagnostics.diagnostics.map(\.code) == ["input.folder-too-deep"])
    }
}
