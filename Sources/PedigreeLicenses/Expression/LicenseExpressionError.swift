import PedigreeDiagnostics

/// Why a license expression could not be read strictly, and where.
///
/// `offset` is the 0-based byte offset of the first bad token in the expression text; `column` is the
/// same position 1-based, as printed for people. Messages say what was expected and what was found.
public struct LicenseExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable code: `license.expression-empty`, `license.expression-syntax`, `license.expression-too-long`,
    /// `license.expression-too-deep`, `license.unknown-id`, `license.unknown-exception`.
    public var code: String
    public var message: String
    /// 0-based byte offset of the first bad token.
    public var offset: Int
    /// Length in bytes of the bad token (at least 1, for a caret under it).
    public var length: Int

    public init(code: String, message: String, offset: Int, length: Int = 1) {
        self.code = code
        self.message = message
        self.offset = offset
        self.length = max(1, length)
    }

    /// The offset as a 1-based column.
    public var column: Int { offset + 1 }

    /// `message at column N`, the form used in diagnostics.
    public var description: String { "\(message) at column \(column)" }

    /// The error as a diagnostic at the statement's location (the column points into the expression).
    public func diagnostic(at location: SourceLocation?, severity: Diagnostic.Severity = .warning) -> Diagnostic {
        Diagnostic(severity, code: code, description, at: location)
    }
}
