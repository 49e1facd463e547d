/// An ordered list of diagnostics gathered while reading or evaluating, as a value.
public struct DiagnosticCollector: Sendable, Hashable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) { self.diagnostics = diagnostics }

    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func append(contentsOf other: some Sequence<Diagnostic>) { diagnostics.append(contentsOf: other) }

    public mutating func error(_ code: String, _ message: String, at location: SourceLocation? = nil) {
        append(.error(code, message, at: location))
    }

    public mutating func warning(_ code: String, _ message: String, at location: SourceLocation? = nil) {
        append(.warning(code, message, at: location))
    }

    public mutating func note(_ code: String, _ message: String, at location: SourceLocation? = nil) {
        append(.note(code, message, at: location))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public var count: Int { diagnostics.count }

    /// Diagnostics sorted by file, line, column, then code, for deterministic output.
    public var sorted: [Diagnostic] {
        diagnostics.sorted {
            let l = $0.location ?? SourceLocation(file: "", line: 0, column: 0)
            let r = $1.location ?? SourceLocation(file: "", line: 0, column: 0)
            return l != r ? l < r : $0.code < $1.code
        }
    }
}
