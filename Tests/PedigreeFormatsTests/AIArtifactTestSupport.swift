import PedigreeDiagnostics
import PedigreeFormats
import PedigreeModel
import SafeJSON
import SafeYAML
import Testing

/// Locates and reads the fixtures of the AI-artifact readers (cards, adapter configs, GGUF, manifests).
enum AIArtifactFixtures {
    /// `Tests/Fixtures/<relative>`, found from this file's own path.
    static func path(_ relative: String, file: String = #filePath) -> String {
        var components = file.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(2)  // PedigreeFormatsTests/AIArtifactTestSupport.swift
        return components.joined(separator: "/") + "/Fixtures/" + relative
    }

    /// `Samples/<relative>` at the package root.
    static func samplePath(_ relative: String, file: String = #filePath) -> String {
        var components = file.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/Samples/" + relative
    }

    static func bytes(_ path: String) throws(InputError) -> [UInt8] { try SafeFile.read(path) }

    static func json(_ path: String) throws -> JSONValue { try JSONParser.parse(bytes(path), file: path) }

    static func yaml(_ path: String) throws -> YAMLNode { try #require(try YAMLParser.parse(bytes(path), file: path)) }

    static func yaml(text: String, file: String) throws -> YAMLNode {
        try #require(try YAMLParser.parse(Array(text.utf8), file: file))
    }

    /// Reads a card fixture under `Tests/Fixtures/huggingface/`.
    static func card(_ relative: String, id: String? = nil) throws(InputError) -> SBOMDocument {
        let file = path("huggingface/" + relative)
        return try HuggingFaceCardReader.read(markdown: bytes(file), path: file, id: id)
    }

    /// Reads a GGUF fixture under `Tests/Fixtures/gguf/`.
    static func gguf(_ name: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        let file = path("gguf/" + name)
        return try GGUFReader.read(bytes: bytes(file), path: file, limits: limits)
    }

    /// The error a reader throws, or `nil` when it reads.
    static func inputError(_ body: () throws(InputError) -> SBOMDocument) -> Diagnostic? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.diagnostic
        }
    }

    static func component(_ document: SBOMDocument, _ ref: String) -> Component? {
        document.components.first { $0.ref.rawValue == ref }
    }

    /// Edges as `from kind to` lines, for compact comparisons.
    static func edges(_ document: SBOMDocument) -> Set<String> {
        Set(document.edges.map { "\($0.from) \($0.kind.rawValue) \($0.to)" })
    }

    static func codes(_ document: SBOMDocument) -> [String] { document.diagnostics.map(\.code) }
}
