import PedigreeDiagnostics
import SafeXML
import Testing

/// Helpers shared by the SafeXML suites.
enum XMLTestSupport {
    /// The bytes of `Tests/Fixtures/xml/<name>`, found from this file's path.
    static func fixture(_ name: String) throws -> [UInt8] {
        var components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(2)
        let path = components.joined(separator: "/") + "/Fixtures/xml/" + name
        return try SafeFile.read(path)
    }

    /// Parses UTF-8 text as `test.xml`.
    static func parse(_ text: String, limits: InputLimits = .default) throws(InputError) -> XMLElement {
        try XMLParser.parse(Array(text.utf8), file: "test.xml", limits: limits)
    }

    /// The diagnostic of a document that must be refused, or `nil` (a recorded failure) if it parses.
    static func refusal(
        _ bytes: [UInt8], file: String = "test.xml", limits: InputLimits = .default,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Diagnostic? {
        do {
            let root = try XMLParser.parse(bytes, file: file, limits: limits)
            Issue.record("expected an error, parsed root element '\(root.name)'", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error.diagnostic
        }
    }

    static func refusal(
        _ text: String, limits: InputLimits = .default, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Diagnostic? {
        refusal(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
    }
}

/// `line:column` of a diagnostic, for compact expectations.
extension Diagnostic {
    var position: String {
        guard let location else { return "none" }
        return "\(location.line):\(location.column)"
    }
}

extension XMLElement {
    var position: String { "\(location.line):\(location.column)" }
}
