import PedigreeDiagnostics

/// One parse in progress: a cursor over the document's bytes, line bookkeeping and an explicit
/// stack of open containers.
///
/// Containers are parsed without recursion: `frames` holds the open arrays and objects, and the
/// finished children of all of them wait on the shared `values` / `keys` stacks until their
/// container closes and takes exactly its own slice. That keeps the call stack flat whatever the
/// input's nesting, and gives every array its final size in one allocation.
///
/// Columns are kept cheap: outside strings every byte is ASCII, so the column of the cursor is its
/// distance from the line start minus the UTF-8 continuation bytes already seen on that line
/// (`lineExtra`, counted by the string scanner). Only error paths count code points byte by byte.
///
/// The scanner borrows `base` for the duration of `JSONParser.parse`; it never outlives that call.
struct JSONScanner: ~Copyable {
    struct Frame {
        var isObject: Bool
        var valueStart: Int
        var keyStart: Int
        var line: Int
        var column: Int
        /// Key to member position; built once an object outgrows a linear duplicate search.
        var index: [String: Int]?
    }

    struct Position {
        var line: Int
        var column: Int
    }

    let base: UnsafePointer<UInt8>
    let count: Int
    let file: String
    let limits: InputLimits

    /// The cursor: offset of the next byte to read.
    var p = 0
    var line = 1
    /// Offset of the first byte of the current line.
    var lineStart = 0
    /// UTF-8 continuation bytes between `lineStart` and the cursor.
    var lineExtra = 0

    var frames: [Frame] = []
    var values = MoveStack<JSONValue>(capacity: 256)
    var keys = MoveStack<String>(capacity: 64)
    var keyPositions = MoveStack<Position>(capacity: 64)
    /// Decoded bytes of the string being read, used only when it contains escapes.
    var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>, count: Int, file: String, limits: InputLimits) {
        self.base = base
        self.count = count
        self.file = file
        self.limits = limits
    }

    /// The column of the cursor; valid outside strings.
    @inline(__always) var column: Int { p &- lineStart &- lineExtra &+ 1 }

    mutating func parseDocument() throws(InputError) -> JSONValue {
        try checkEncoding()
        skipWhitespace()
        guard p < count else {
            throw InputError(
                "json.empty", "document is empty, expected a JSON value",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        document: while true {
            guard p < count else { throw truncated(expected: "a value") }
            var value: JSONValue
            let startColumn = column
            switch base[p] {
            case UInt8(ascii: "{"):
                try open(isObject: true, column: startColumn)
                skipWhitespace()
                guard p < count, base[p] == UInt8(ascii: "}") else {
                    try readKey()
                    continue document
                }
                p &+= 1
                value = closeObject()
            case UInt8(ascii: "["):
                try open(isObject: false, column: startColumn)
                skipWhitespace()
                guard p < count, base[p] == UInt8(ascii: "]") else { continue document }
                p &+= 1
                value = closeArray()
            case UInt8(ascii: "\""):
                value = JSONValue(.string(try scanString()), line: line, column: startColumn)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = JSONValue(.number(try scanNumber()), line: line, column: startColumn)
            case UInt8(ascii: "t"):
                try scanLiteral("true")
                value = JSONValue(.bool(true), line: line, column: startColumn)
            case UInt8(ascii: "f"):
                try scanLiteral("false")
                value = JSONValue(.bool(false), line: line, column: startColumn)
            case UInt8(ascii: "n"):
                try scanLiteral("null")
                value = JSONValue(.null, line: line, column: startColumn)
            default:
                throw unexpected(expected: "a value")
            }

            // The value is complete: hand it to its container, closing every container that ends here.
            while true {
                skipWhitespace()
                guard !frames.isEmpty else {
                    if p < count {
                        throw error(
                            "json.trailing-content", "expected end of input after the JSON value, found \(found(at: p))",
                            at: location(at: p))
                    }
                    return value
                }
                values.push(value)
                let inObject = frames[frames.count &- 1].isObject
                guard p < count else {
                    throw truncated(
                        expected: inObject ? "',' or '}' after object member" : "',' or ']' after array element")
                }
                let byte = base[p]
                if byte == UInt8(ascii: ",") {
                    let comma = Position(line: line, column: column)
                    p &+= 1
                    skipWhitespace()
                    let closer = inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if p < count, base[p] == closer {
                        throw error(
                            "json.syntax",
                            "expected \(inObject ? "a member" : "a value") after ',', found '\(Character(Unicode.Scalar(closer)))': JSON does not allow trailing commas",
                            at: SourceLocation(file: file, line: comma.line, column: comma.column))
                    }
                    if inObject { try readKey() }
                    continue document
                }
                if inObject {
                    guard byte == UInt8(ascii: "}") else { throw unexpected(expected: "',' or '}' after object member") }
                    p &+= 1
                    value = closeObject()
                } else {
                    guard byte == UInt8(ascii: "]") else { throw unexpected(expected: "',' or ']' after array element") }
                    p &+= 1
                    value = closeArray()
                }
            }
        }
    }

    /// Skips a UTF-8 byte order mark and rejects the other Unicode encodings with a clear message.
    mutating func checkEncoding() throws(InputError) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
            p = 3
            lineStart = 3
            return
        }
        if count >= 2, (base[0] == 0xFE && base[1] == 0xFF) || (base[0] == 0xFF && base[1] == 0xFE) {
            throw InputError(
                "json.invalid-utf8", "document starts with a UTF-16 byte order mark, expected UTF-8", at: start)
        }
        // A NUL byte can never appear in a JSON text; one among the first two bytes means UTF-16 or UTF-32.
        if count >= 2, base[0] == 0 || base[1] == 0 {
            throw InputError(
                "json.invalid-utf8", "document contains NUL bytes at its start (UTF-16 or UTF-32?), expected UTF-8",
                at: start)
        }
    }

    @inline(__always) mutating func skipWhitespace() {
        while p < count {
            let byte = base[p]
            if byte > 0x20 { return }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                p &+= 1
            } else if byte == 0x0A {
                p &+= 1
                line &+= 1
                lineStart = p
                lineExtra = 0
                // Pretty-printed documents indent every line: skip the spaces eight at a time.
                while p &+ 8 <= count,
                    UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020
                {
                    p &+= 8
                }
            } else {
                return
            }
        }
    }

    mutating func open(isObject: Bool, column: Int) throws(InputError) {
        guard frames.count < limits.maxJSONDepth else {
            throw error(
                "json.too-deep",
                "'\(isObject ? "{" : "[")' opens level \(frames.count + 1), deeper than the limit of \(limits.maxJSONDepth) levels",
                at: location(at: p))
        }
        frames.append(
            Frame(isObject: isObject, valueStart: values.count, keyStart: keys.count, line: line, column: column))
        p &+= 1
    }

    /// Reads `member-name ws ':' ws` and rejects a key already present in the innermost object.
    mutating func readKey() throws(InputError) {
        guard p < count else { throw truncated(expected: "a member name in double quotes") }
        guard base[p] == UInt8(ascii: "\"") else { throw unexpected(expected: "a member name in double quotes") }
        let position = Position(line: line, column: column)
        let key = try scanString()
        let top = frames.count &- 1
        let start = frames[top].keyStart
        let existing = keys.count &- start
        var first: Int?
        if existing < JSONObject.indexThreshold {
            var candidate = start
            while candidate < keys.count {
                if keys[candidate] == key {
                    first = candidate
                    break
                }
                candidate &+= 1
            }
        } else {
            if frames[top].index == nil {
                var index: [String: Int] = [:]
                index.reserveCapacity(existing * 4)
                for member in 0..<existing { index[keys[start &+ member]] = member }
                frames[top].index = index
            }
            // One hash per key: insert, and learn from the replaced value whether the key was there.
            if let member = frames[top].index?.updateValue(existing, forKey: key) { first = start &+ member }
        }
        if let first {
            let earlier = keyPositions[first]
            var diagnostic = Diagnostic.error(
                "json.duplicate-key", "duplicate key '\(Self.quoted(key))' in object",
                at: SourceLocation(file: file, line: position.line, column: position.column))
            diagnostic.notes = ["first '\(Self.quoted(key))' is at \(file):\(earlier.line):\(earlier.column)"]
            throw InputError(diagnostic)
        }
        keys.push(key)
        keyPositions.push(position)
        skipWhitespace()
        guard p < count else { throw truncated(expected: "':' after member name '\(Self.quoted(key))'") }
        guard base[p] == UInt8(ascii: ":") else {
            throw unexpected(expected: "':' after member name '\(Self.quoted(key))'")
        }
        p &+= 1
        skipWhitespace()
    }

    mutating func closeObject() -> JSONValue {
        let frame = frames.removeLast()
        let memberCount = keys.count &- frame.keyStart
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(memberCount)
        for member in 0..<memberCount {
            members.append((keys.take(frame.keyStart &+ member), values.take(frame.valueStart &+ member)))
        }
        keys.discard(from: frame.keyStart)
        values.discard(from: frame.valueStart)
        keyPositions.removeAll(from: frame.keyStart)
        return JSONValue(
            .object(JSONObject(members: members, index: frame.index)), line: frame.line, column: frame.column)
    }

    mutating func closeArray() -> JSONValue {
        let frame = frames.removeLast()
        let elements = values.popArray(from: frame.valueStart)
        return JSONValue(.array(elements), line: frame.line, column: frame.column)
    }

    /// Reads `true`, `false` or `null` at the cursor.
    mutating func scanLiteral(_ literal: StaticString) throws(InputError) {
        let length = literal.utf8CodeUnitCount
        let expected = literal.utf8Start
        var offset = 0
        while offset < length {
            guard p &+ offset < count else { throw truncated(expected: "'\(literal)'") }
            guard base[p &+ offset] == expected[offset] else { throw unexpected(expected: "'\(literal)'") }
            offset &+= 1
        }
        p &+= length
    }

    /// Reads a number at the cursor and returns its text.
    ///
    /// `number = [ minus ] int [ frac ] [ exp ]`, `int = zero / ( digit1-9 *DIGIT )`,
    /// `frac = "." 1*DIGIT`, `exp = ("e" / "E") [ "-" / "+" ] 1*DIGIT`.
    mutating func scanNumber() throws(InputError) -> String {
        let start = p
        if base[p] == UInt8(ascii: "-") { p &+= 1 }
        guard p < count else { throw truncated(expected: "a digit after '-'") }
        let first = base[p]
        if first == UInt8(ascii: "0") {
            p &+= 1
            if p < count, Self.isDigit(base[p]) {
                var end = p
                while end < count, Self.isDigit(base[end]), end &- start < 40 { end &+= 1 }
                let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end &- start), as: UTF8.self)
                throw error(
                    "json.invalid-number", "expected a number without leading zeros, found '\(text)'",
                    at: location(at: start))
            }
        } else if Self.isDigit(first) {
            p &+= 1
            skipDigits()
        } else {
            throw invalidNumber(expected: "a digit after '-'")
        }
        if p < count, base[p] == UInt8(ascii: ".") {
            p &+= 1
            guard p < count else { throw truncated(expected: "a digit after the decimal point") }
            guard Self.isDigit(base[p]) else { throw invalidNumber(expected: "a digit after the decimal point") }
            skipDigits()
        }
        if p < count, base[p] == UInt8(ascii: "e") || base[p] == UInt8(ascii: "E") {
            p &+= 1
            if p < count, base[p] == UInt8(ascii: "+") || base[p] == UInt8(ascii: "-") { p &+= 1 }
            guard p < count else { throw truncated(expected: "a digit in the exponent") }
            guard Self.isDigit(base[p]) else { throw invalidNumber(expected: "a digit in the exponent") }
            skipDigits()
        }
        let length = p &- start
        guard length <= limits.maxStringBytes else {
            throw error(
                "json.invalid-number",
                "number has \(length) characters, more than the limit of \(limits.maxStringBytes)",
                at: location(at: start))
        }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self)
    }

    @inline(__always) mutating func skipDigits() {
        while p < count, Self.isDigit(base[p]) { p &+= 1 }
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
