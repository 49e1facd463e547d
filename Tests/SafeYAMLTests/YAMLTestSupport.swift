import PedigreeDiagnostics
import SafeYAML
import Testing

/// Parses bytes that must be rejected and checks the error's code and 1-based position.
///
/// - Returns: the diagnostic, for further checks of its message and notes.
@discardableResult
func expectYAMLError(
    _ bytes: [UInt8], code: String, line: Int, column: Int, firstLine: Int = 1, limits: InputLimits = .default,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    do {
        let node = try YAMLParser.parse(bytes, file: "input.yaml", firstLine: firstLine, limits: limits)
        Issue.record("expected error \(code), parsed \(String(describing: node?.kind))", sourceLocation: sourceLocation)
        return nil
    } catch {
        let diagnostic = error.diagnostic
        #expect(diagnostic.code == code, "\(diagnostic)", sourceLocation: sourceLocation)
        #expect(diagnostic.location?.file == "input.yaml", sourceLocation: sourceLocation)
        #expect(diagnostic.location?.line == line, "\(diagnostic)", sourceLocation: sourceLocation)
        #expect(diagnostic.location?.column == column, "\(diagnostic)", sourceLocation: sourceLocation)
        return diagnostic
    }
}

@discardableResult
func expectYAMLError(
    _ text: String, code: String, line: Int, column: Int, firstLine: Int = 1, limits: InputLimits = .default,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    expectYAMLError(
        Array(text.utf8), code: code, line: line, column: column, firstLine: firstLine, limits: limits,
        sourceLocation: sourceLocation)
}

/// Parses text that must be accepted and returns its root node.
func parseYAML(_ text: String, firstLine: Int = 1, limits: InputLimits = .default) throws -> YAMLNode {
    try #require(try YAMLParser.parse(Array(text.utf8), file: "input.yaml", firstLine: firstLine, limits: limits))
}

extension YAMLNode {
    /// `line:column`, for compact position assertions.
    var position: String { "\(location.line):\(location.column)" }
}
