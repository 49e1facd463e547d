/// A position in an input file, 1-based, as printed in diagnostics and SARIF.
///
/// Readers convert the 0-based positions of the C libraries once, in their wrappers. When a library
/// only reports a byte offset (libyaml's reader errors), `line` and `column` are 0 and `byteOffset`
/// carries the position instead.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var byteOffset: Int?

    public init(file: String, line: Int, column: Int, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// A location known only by its byte offset (0-based, as the library reports it).
    public static func offset(_ byteOffset: Int, in file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0, byteOffset: byteOffset)
    }

    public var hasLineAndColumn: Bool { line > 0 }

    /// `file:line:column`, or `file:@offset` when only the byte offset is known.
    public var description: String {
        if hasLineAndColumn { return "\(file):\(line):\(column)" }
        if let byteOffset { return "\(file):@\(byteOffset)" }
        return file
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.byteOffset ?? 0) < (rhs.file, rhs.line, rhs.column, rhs.byteOffset ?? 0)
    }
}
