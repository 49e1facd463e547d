import PedigreeDiagnostics

/// A JSON value together with the position where it starts in its document.
///
/// Every value keeps its line and column so that a finding about a component, a license or a hash
/// can point into the SBOM it came from (diagnostics, SARIF). Positions are stored in 32 bits each:
/// inputs are bounded far below 4 GiB, and a smaller value keeps a 40 MB document's tree compact.
public struct JSONValue: Sendable {
    /// What the value is. Numbers keep their raw text, so no precision is lost before a reader
    /// decides how to interpret them (a version `1.10` is not the number `1.1`).
    public enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONValue])
        case object(JSONObject)
    }

    public var kind: Kind
    private var storedLine: UInt32
    private var storedColumn: UInt32

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
    }

    /// The 1-based line where the value starts.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    /// The 1-based column where the value starts, counted in Unicode code points of its line.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// The member `key` when this is an object that has it, otherwise nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = kind { return object[key] }
        return nil
    }

    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let flag) = kind { return flag }
        return nil
    }

    /// The number as an `Int` when it is integral and fits (`3`, `-7`, `3.0` and `1e3` do; `3.5` does not).
    public var int: Int? {
        guard case .number(let raw) = kind else { return nil }
        if let exact = Int(raw) { return exact }
        guard let real = Double(raw), real.isFinite, real == real.rounded(.towardZero),
            real >= -9_223_372_036_854_775_808.0, real < 9_223_372_036_854_775_808.0
        else { return nil }
        return Int(real)
    }

    /// The number as a finite `Double`; nil for non-numbers and for numbers out of `Double`'s range.
    public var double: Double? {
        guard case .number(let raw) = kind, let real = Double(raw), real.isFinite else { return nil }
        return real
    }

    public var array: [JSONValue]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let object) = kind { return object }
        return nil
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// The raw text of a number, as written in the document.
    public var numberText: String? {
        if case .number(let raw) = kind { return raw }
        return nil
    }

    /// The JSON type's name (`object`, `array`, `string`, `number`, `boolean`, `null`), for messages
    /// such as "expected string for 'name', found number".
    public var typeName: String {
        switch kind {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
