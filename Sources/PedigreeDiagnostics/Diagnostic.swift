/// A problem found in an input, with a stable code and the position it refers to.
///
/// Codes are kebab-case with an area prefix (`json.duplicate-key`, `spdx.unknown-relationship`,
/// `graph.cycle`). Messages are lowercase, without a trailing period, quote the values they name and
/// say what was expected and what was found.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 2
            case .warning: 1
            case .note: 0
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var code: String
    public var message: String
    public var location: SourceLocation?
    public var notes: [String]

    public init(
        _ severity: Severity, code: String, _ message: String, at location: SourceLocation? = nil,
        notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, message, at: location)
    }

    public static func warning(_ code: String, _ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, message, at: location)
    }

    public static func note(_ code: String, _ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.note, code: code, message, at: location)
    }

    /// `path:line:col: error: [code] message`, then one indented line per note.
    ///
    /// Input text inside the message is escaped for the terminal, so a hostile SBOM cannot move the
    /// cursor or reorder text in the user's console.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): [\(code)] \(TerminalText.escape(message))"
        for note in notes { text += "\n  note: \(TerminalText.escape(note))" }
        return text
    }
}

/// Thrown when an input can't be used at all; problems inside usable content are collected instead.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    public init(_ code: String, _ message: String, at location: SourceLocation? = nil) {
        self.diagnostic = .error(code, message, at: location)
    }

    public var description: String { diagnostic.description }
}
