import Foundation
import PedigreeCore
import PedigreeDiagnostics

/// Scanning a project folder: a generated Python project of 20,000 files, 2,000 of them installed
/// packages' metadata in a virtual environment (each package with its sources beside it), read and
/// merged as `pedigree audit FOLDER` does, against listing every file of the same tree (the least any
/// scan must do).
enum ProjectScanBench {
    static let packages = 2_000
    static let sourceFilesPerPackage = 9
    static let projectSourceFiles = 2_000
    static let runs = 5
    static let folder = "project-scan"

    static let scan = BenchCase(
        name: "project.scan", label: "scan a project folder: 20,000 files, 2,000 installed packages", subject: "project scan",
        baseline: "project.list", prepare: prepare
    ) { context in
        var components = 0
        let best = try Stopwatch.best(runs: runs) { Pipeline.load([context.path(folder)]) } inspect: { loaded in
            components = loaded.lineage.graph.components.count
            guard components == packages + 1 else { throw BenchFailure("expected \(packages + 1) components, read \(components)") }
        }
        return BenchResult(bestSeconds: best, runs: runs, detail: "\(components) components")
    }

    static let list = BenchCase(name: "project.list", label: "list every file of the same tree", subject: "listing") { context in
        var files = 0
        let best = try Stopwatch.best(runs: runs) { () -> Int in
            var diagnostics = DiagnosticCollector()
            return SafeFile.regularFiles(under: context.path(folder), diagnostics: &diagnostics).count
        } inspect: { files = $0 }
        return BenchResult(bestSeconds: best, runs: runs, detail: "\(files) files")
    }

    static let cases = [scan, list]

    /// Writes the tree once: `pyproject.toml` naming every package, `src/` modules, and a `venv`
    /// whose `site-packages` holds each package's `dist-info/METADATA` and sources.
    @Sendable static func prepare(_ context: BenchContext) throws -> String? {
        let root = context.path(folder)
        if SafeFile.entry(at: root) == .directory { return nil }
        let manager = FileManager.default
        let sitePackages = root + "/venv/lib/python3.11/site-packages"
        try manager.createDirectory(atPath: root + "/src/app", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: sitePackages, withIntermediateDirectories: true)
        try Data("home = /usr/bin\n".utf8).write(to: URL(fileURLWithPath: root + "/venv/pyvenv.cfg"))
        var pyproject = "[project]\nname = \"bench-app\"\nversion = \"1.0.0\"\nlicense = \"MIT\"\ndependencies = [\n"
        for index in 0..<packages {
            let name = "package-\(index)"
            pyproject += "    \"\(name)>=1.0\",\n"
            let info = sitePackages + "/package_\(index)-1.0.\(index).dist-info"
            try manager.createDirectory(atPath: info, withIntermediateDirectories: true)
            let license = ["MIT", "Apache-2.0", "BSD-3-Clause", "LGPL-3.0-or-later"][index % 4]
            var metadata = "Metadata-Version: 2.4\nName: \(name)\nVersion: 1.0.\(index)\nLicense-Expression: \(license)\n"
            if index > 0 { metadata += "Requires-Dist: package-\(index - 1)>=1.0\n" }
            try Data(metadata.utf8).write(to: URL(fileURLWithPath: info + "/METADATA"))
            try Data("package_\(index)/__init__.py,,\n".utf8).write(to: URL(fileURLWithPath: info + "/RECORD"))
            let sources = sitePackages + "/package_\(index)"
            try manager.createDirectory(atPath: sources, withIntermediateDirectories: true)
            for file in 0..<(sourceFilesPerPackage - 2) {
                try Data("def f\(file)():\n    return \(file)\n".utf8).write(to: URL(fileURLWithPath: sources + "/module_\(file).py"))
            }
        }
        pyproject += "]\n"
        try Data(pyproject.utf8).write(to: URL(fileURLWithPath: root + "/pyproject.toml"))
        for index in 0..<(projectSourceFiles - 2) {
            try Data("import package_\(index % packages)\n".utf8).write(to: URL(fileURLWithPath: root + "/src/app/module_\(index).py"))
        }
        return "fixture: \(folder), \(packages * sourceFilesPerPackage + projectSourceFiles) files"
    }
}
