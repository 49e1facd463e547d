import PedigreeDiagnostics
import PedigreeFormats
import PedigreeModel
import Testing

/// Locates and loads the test fixtures of this target.
enum Fixtures {
    /// `Tests/Fixtures/cyclonedx`, found from this file's path so that tests run from any directory.
    static let cycloneDX: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/Fixtures/cyclonedx"
    }()

    static func path(_ name: String) -> String { cycloneDX + "/" + name }

    static func text(_ name: String) throws -> String {
        String(decoding: try SafeFile.read(path(name)), as: UTF8.self)
    }

    /// Loads one fixture through the loader, as the CLI would.
    static func document(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SBOMDocument {
        let file = InputLoader().loadFile(path(name))
        return try #require(file.document, "\(file.diagnostics)", sourceLocation: sourceLocation)
    }

    /// The 1-based line and column where `needle` first occurs in the fixture.
    static func position(of needle: String, in name: String, occurrence: Int = 1) throws -> (line: Int, column: Int) {
        let lines = try text(name).split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for (index, line) in lines.enumerated() {
            var searchStart = line.startIndex
            while let range = line[searchStart...].range(of: needle) {
                seen += 1
                if seen == occurrence { return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1) }
                searchStart = range.upperBound
            }
        }
        Issue.record("'\(needle)' not found in \(name)")
        return (0, 0)
    }
}

extension SBOMDocument {
    func component(_ ref: String) -> Component? { components.first { $0.ref.rawValue == ref } }

    func edges(from ref: String) -> [Edge] { edges.filter { $0.from.rawValue == ref } }

    func edge(_ from: String, _ to: String) -> Edge? { edges.first { $0.from.rawValue == from && $0.to.rawValue == to } }

    func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

extension StringProtocol {
    func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
