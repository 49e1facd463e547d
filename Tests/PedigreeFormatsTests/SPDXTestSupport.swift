import PedigreeDiagnostics
import PedigreeModel
import SafeJSON
import SafeYAML
import Testing

/// Locates and reads the SPDX fixtures under `Tests/Fixtures`.
enum SPDXFixtures {
    /// `Tests/Fixtures/<relative>`, found from this file's own path.
    static func path(_ relative: String, file: String = #filePath) -> String {
        var components = file.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(2)  // PedigreeFormatsTests/SPDXTestSupport.swift
        return components.joined(separator: "/") + "/Fixtures/" + relative
    }

    /// `Samples/<relative>` at the package root.
    static func samplePath(_ relative: String, file: String = #filePath) -> String {
        var components = file.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/Samples/" + relative
    }

    static func bytes(_ path: String) throws -> [UInt8] { try SafeFile.read(path) }

    static func json(_ path: String) throws -> JSONValue { try JSONParser.parse(bytes(path), file: path) }

    static func yaml(_ path: String) throws -> YAMLNode {
        try #require(try YAMLParser.parse(bytes(path), file: path))
    }

    /// Parses JSON text written in a test.
    static func json(text: String, file: String = "inline.json") throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), file: file)
    }
}

extension SBOMDocument {
    /// Edges as `from kind to` lines, for compact comparisons.
    var edgeLines: Set<String> { Set(edges.map { "\($0.from) \($0.kind.rawValue) \($0.to)" }) }
}
