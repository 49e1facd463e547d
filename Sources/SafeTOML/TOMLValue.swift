import PedigreeDiagnostics

/// A TOML value together with the position where it starts in its document, so that a lockfile's
/// package can be named at its own line in diagnostics and SARIF.
public struct TOMLValue: Sendable {
    /// What the value is. Numbers and dates keep their raw text: a reader decides how to read them.
    public enum Kind: Sendable {
        case string(String)
        case integer(String)
        case float(String)
        case bool(Bool)
        /// An offset or local date-time, date or time, as written.
        case dateTime(String)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    public var kind: Kind
    /// 1-based line and column (in Unicode code points) where the value, or the table's header, starts.
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    public func location(in file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    public subscript(key: String) -> TOMLValue? { table?[key] }

    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var array: [TOMLValue]? {
        if case .array(let items) = kind { return items }
        return nil
    }

    public var table: TOMLTable? {
        if case .table(let table) = kind { return table }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let flag) = kind { return flag }
        return nil
    }

    /// How the value is named in messages (`a string`, `an array`).
    public var typeName: String {
        switch kind {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .bool: "a boolean"
        case .dateTime: "a date"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// A TOML table: its keys in the order the document states them.
public struct TOMLTable: Sendable {
    public private(set) var entries: [(key: String, value: TOMLValue)] = []
    private var indexByKey: [String: Int] = [:]

    public init() {}

    public subscript(key: String) -> TOMLValue? {
        guard let index = indexByKey[key] else { return nil }
        return entries[index].value
    }

    public var keys: [String] { entries.map(\.key) }

    /// Adds or replaces `key` (the parser has already refused duplicates).
    mutating func set(_ key: String, _ value: TOMLValue) {
        if let index = indexByKey[key] {
            entries[index].value = value
        } else {
            indexByKey[key] = entries.count
            entries.append((key, value))
        }
    }
}
