import PedigreeDiagnostics
import Testing

@testable import SafeJSON

/// A hostile or malformed document and the diagnostic it must produce.
struct Rejection: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var code: String
    var line: Int
    var column: Int
    var limits: InputLimits = .default

    init(_ name: String, _ text: String, _ code: String, _ line: Int, _ column: Int, limits: InputLimits = .default) {
        self.init(name, Array(text.utf8), code, line, column, limits: limits)
    }

    init(_ name: String, _ bytes: [UInt8], _ code: String, _ line: Int, _ column: Int, limits: InputLimits = .default) {
        self.name = name
        self.bytes = bytes
        self.code = code
        self.line = line
        self.column = column
        self.limits = limits
    }

    var testDescription: String { name }
}

func bytes(_ parts: [UInt8]...) -> [UInt8] { parts.flatMap { $0 } }

func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

func parseFailure(_ bytes: [UInt8], limits: InputLimits = .default) -> InputError? {
    do {
        _ = try JSONParser.parse(bytes, file: "doc.json", limits: limits)
        return nil
    } catch {
        return error
    }
}

@Suite("JSONParser rejects malformed and hostile input with a positioned error")
struct JSONParserRejectionTests {
    static let deepArray = String(repeating: "[", count: 10_000)
    static let deepObject = String(repeating: "{\"a\":", count: 10_000)
    static let smallStrings = InputLimits(maxStringBytes: 8)
    static let manyKeys = (0..<20).map { "\"k\($0)\":0" }.joined(separator: ",")

    static let cases: [Rejection] = [
        // Empty and truncated documents.
        Rejection("empty input", "", "json.empty", 1, 1),
        Rejection("only whitespace", " \n\t\r\n ", "json.empty", 1, 1),
        Rejection("truncated array", "{\"a\": [1, 2", "json.truncated", 1, 12),
        Rejection("truncated after a line break", "[\n", "json.truncated", 2, 1),
        Rejection("truncated string", "[\"abc", "json.truncated", 1, 6),
        Rejection("truncated literal", "[tru", "json.truncated", 1, 5),
        Rejection("truncated after member name", "{\"a\"", "json.truncated", 1, 5),
        Rejection("truncated after colon", "{\"a\":", "json.truncated", 1, 6),
        Rejection("truncated escape", "[\"a\\", "json.truncated", 1, 5),
        Rejection("truncated number", "[1.", "json.truncated", 1, 4),
        // Nesting.
        Rejection("10,000-deep array", deepArray, "json.too-deep", 1, 65),
        Rejection("10,000-deep object", deepObject, "json.too-deep", 1, 5 * 64 + 1),
        Rejection(
            "nesting over a custom limit", "[[[[1]]]]", "json.too-deep", 1, 4, limits: InputLimits(maxJSONDepth: 3)),
        // JSON5 and JavaScript habits.
        Rejection("line comment", "{\"a\": 1 // note\n}", "json.syntax", 1, 9),
        Rejection("block comment", "/* header */ {}", "json.syntax", 1, 1),
        Rejection("NaN", "[NaN]", "json.invalid-number", 1, 2),
        Rejection("Infinity", "{\"x\": Infinity}", "json.invalid-number", 1, 7),
        Rejection("minus Infinity", "[-Infinity]", "json.invalid-number", 1, 3),
        Rejection("trailing comma in array", "[1, 2,]", "json.syntax", 1, 6),
        Rejection("trailing comma in object", "{\n  \"a\": 1,\n}", "json.syntax", 2, 9),
        Rejection("single-quoted string", "{'a': 1}", "json.syntax", 1, 2),
        Rejection("unquoted key", "{a: 1}", "json.syntax", 1, 2),
        Rejection("undefined", "[undefined]", "json.syntax", 1, 2),
        Rejection("missing colon", "{\"a\" 1}", "json.syntax", 1, 6),
        Rejection("missing comma", "[1 2]", "json.syntax", 1, 4),
        Rejection("plus sign", "[+1]", "json.syntax", 1, 2),
        // Numbers.
        Rejection("leading zero", "[01]", "json.invalid-number", 1, 2),
        Rejection("negative leading zero", "-012", "json.invalid-number", 1, 1),
        Rejection("no digit after point", "[1.]", "json.invalid-number", 1, 4),
        Rejection("no digit in exponent", "[1e]", "json.invalid-number", 1, 4),
        Rejection("lone minus", "[-]", "json.invalid-number", 1, 3),
        // Strings.
        Rejection("tab in string", "[\"a\tb\"]", "json.syntax", 1, 4),
        Rejection("line break in string", "{\"k\": \"line\nbreak\"}", "json.syntax", 1, 12),
        Rejection("NUL in string", bytes(ascii("[\"a"), [0x00], ascii("\"]")), "json.syntax", 1, 4),
        Rejection("invalid escape", "[\"\\x\"]", "json.invalid-escape", 1, 3),
        Rejection("short unicode escape", "[\"\\u12G4\"]", "json.invalid-escape", 1, 3),
        Rejection("lone high surrogate", "[\"\\uD800\"]", "json.invalid-escape", 1, 3),
        Rejection("lone low surrogate", "[\"ab\\uDC00\"]", "json.invalid-escape", 1, 5),
        Rejection("high surrogate before a non-surrogate", "[\"\\uD83D\\u0041\"]", "json.invalid-escape", 1, 3),
        Rejection("string over the limit", "[\"123456789\"]", "json.string-too-long", 1, 2, limits: smallStrings),
        Rejection(
            "escaped string over the limit", "[\"\\n\\n\\n\\n\\n\\n\\n\\n\\n\"]", "json.string-too-long", 1, 2,
            limits: smallStrings),
        Rejection("key over the limit", "{\"abcdefghi\": 1}", "json.string-too-long", 1, 2, limits: smallStrings),
        // UTF-8.
        Rejection("invalid continuation", bytes(ascii("[\""), [0xC3, 0x28], ascii("\"]")), "json.invalid-utf8", 1, 3),
        Rejection("overlong slash", bytes(ascii("[\""), [0xC0, 0xAF], ascii("\"]")), "json.invalid-utf8", 1, 3),
        Rejection("overlong three bytes", bytes(ascii("[\""), [0xE0, 0x80, 0xAF], ascii("\"]")), "json.invalid-utf8", 1, 3),
        Rejection("encoded surrogate", bytes(ascii("[\""), [0xED, 0xA0, 0x80], ascii("\"]")), "json.invalid-utf8", 1, 3),
        Rejection("above U+10FFFF", bytes(ascii("[\""), [0xF4, 0x90, 0x80, 0x80], ascii("\"]")), "json.invalid-utf8", 1, 3),
        Rejection("byte 0xFF", bytes(ascii("[\""), [0xFF], ascii("\"]")), "json.invalid-utf8", 1, 3),
        Rejection("stray continuation byte", bytes(ascii("[\""), [0x80], ascii("\"]")), "json.invalid-utf8", 1, 3),
        Rejection("sequence cut by end of input", bytes(ascii("[\""), [0xE2, 0x82]), "json.invalid-utf8", 1, 3),
        Rejection(
            "invalid byte after multi-byte characters", bytes(ascii("[\"é\", \"ü"), [0xFF], ascii("\"]")),
            "json.invalid-utf8", 1, 9),
        Rejection("invalid byte outside strings", bytes(ascii("[\n "), [0xFF], ascii("]")), "json.invalid-utf8", 2, 2),
        Rejection("UTF-16 byte order mark", bytes([0xFF, 0xFE], ascii("[")), "json.invalid-utf8", 1, 1),
        Rejection("UTF-16 without byte order mark", [0x5B, 0x00, 0x5D, 0x00], "json.invalid-utf8", 1, 1),
        // Duplicate keys.
        Rejection("duplicate key", "{\n  \"name\": 1,\n  \"name\": 2\n}", "json.duplicate-key", 3, 3),
        Rejection("duplicate key written with an escape", "{\"a\":1,\"\\u0061\":2}", "json.duplicate-key", 1, 8),
        Rejection(
            "canonically equivalent keys", "{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}", "json.duplicate-key", 1, 13),
        Rejection(
            "duplicate key in a large object", "{\(manyKeys),\"k5\":1}", "json.duplicate-key", 1,
            "{\(manyKeys),".count + 1),
        // Trailing content.
        Rejection("second document", "[1] [2]", "json.trailing-content", 1, 5),
        Rejection("garbage after object", "{}\n  x", "json.trailing-content", 2, 3),
        Rejection("NUL after value", bytes(ascii("{}"), [0x00]), "json.trailing-content", 1, 3),
        Rejection("byte order mark does not count as a column", bytes([0xEF, 0xBB, 0xBF], ascii("[1,]")), "json.syntax", 1, 3),
    ]

    @Test("rejects with code and position", arguments: cases)
    func rejects(_ rejection: Rejection) throws {
        let error = try #require(parseFailure(rejection.bytes, limits: rejection.limits))
        #expect(error.diagnostic.code == rejection.code)
        #expect(error.diagnostic.severity == .error)
        let location = try #require(error.diagnostic.location)
        #expect(location.file == "doc.json")
        #expect(location.line == rejection.line)
        #expect(location.column == rejection.column)
        // Messages are lowercase-initial and never end with a period.
        #expect(error.diagnostic.message.first?.isUppercase == false)
        #expect(error.diagnostic.message.last != ".")
    }

    @Test func duplicateKeyNotesTheFirstKey() throws {
        let error = try #require(parseFailure(ascii("{\n  \"name\": 1,\n  \"name\": 2\n}")))
        #expect(error.diagnostic.message == "duplicate key 'name' in object")
        #expect(error.diagnostic.notes == ["first 'name' is at doc.json:2:3"])
        #expect(error.description == "doc.json:3:3: error: [json.duplicate-key] duplicate key 'name' in object\n  note: first 'name' is at doc.json:2:3")
    }

    @Test func oneHundredThousandDuplicateKeysStopAtTheSecond() throws {
        let members = Array(repeating: "\"a\":1", count: 100_000).joined(separator: ",")
        let error = try #require(parseFailure(ascii("{\(members)}")))
        #expect(error.diagnostic.code == "json.duplicate-key")
        #expect(error.diagnostic.location?.column == 8)
    }

    @Test func hugeStringOverTheLimitIsRejectedAtItsStart() throws {
        var document = ascii("{\"description\": \"")
        document.append(contentsOf: repeatElement(UInt8(ascii: "x"), count: 3 << 20))
        document.append(contentsOf: ascii("\"}"))
        let error = try #require(parseFailure(document))
        #expect(error.diagnostic.code == "json.string-too-long")
        #expect(error.diagnostic.location?.column == 17)
        #expect(error.diagnostic.message == "string is longer than the limit of 1048576 bytes")
    }

    @Test func expectedAndFoundAreQuoted() throws {
        let cases: [(String, String)] = [
            ("{\"a\":1 x}", "expected ',' or '}' after object member, found 'x'"),
            ("[1 true]", "expected ',' or ']' after array element, found 'true'"),
            ("{\"a\": 1 // c\n}", "expected ',' or '}' after object member, found '//': JSON does not allow comments"),
            ("{'a': 1}", "expected a member name in double quotes, found \"'\": JSON strings use double quotes"),
            ("[1,]", "expected a value after ',', found ']': JSON does not allow trailing commas"),
            ("[\"a\tb\"]", "expected an escape such as '\\t', found control character U+0009 in string"),
            ("[01]", "expected a number without leading zeros, found '01'"),
            ("[NaN]", "expected a value, found 'NaN': JSON numbers are finite and written with digits"),
            ("[1] x", "expected end of input after the JSON value, found 'x'"),
            ("[\"\\uD800\"]", "expected a low surrogate '\\uDC00'...'\\uDFFF' after high surrogate '\\uD800', found '\"'"),
            ("{\"a\" 1}", "expected ':' after member name 'a', found '1'"),
            ("[é]", "expected a value, found 'é'"),
        ]
        for (document, message) in cases {
            let error = try #require(parseFailure(ascii(document)))
            #expect(error.diagnostic.message == message, "\(document)")
        }
    }

    @Test func invalidUTF8MessagesNameTheProblem() throws {
        let cases: [([UInt8], String)] = [
            ([0xC0, 0xAF], "invalid UTF-8: overlong encoding starting with byte 0xC0"),
            ([0xED, 0xA0, 0x80], "invalid UTF-8: sequence 0xED 0xA0 encodes a UTF-16 surrogate"),
            ([0xE2, 0x28, 0xA1], "invalid UTF-8: truncated sequence: 0xE2 expects 2 continuation bytes, found 0x28"),
            ([0xFE], "invalid UTF-8: byte 0xFE never occurs in UTF-8"),
        ]
        for (sequence, message) in cases {
            let error = try #require(parseFailure(bytes(ascii("\""), sequence, ascii("\""))))
            #expect(error.diagnostic.message == message)
        }
    }

    @Test func truncationNotesTheUnclosedContainer() throws {
        let error = try #require(parseFailure(ascii("{\n  \"a\": [1,\n    2")))
        #expect(error.diagnostic.code == "json.truncated")
        #expect(error.diagnostic.location == SourceLocation(file: "doc.json", line: 3, column: 6))
        #expect(error.diagnostic.notes == ["'[' at doc.json:2:8 is not closed"])
    }

    @Test func oversizedDocumentIsRejectedBeforeScanning() throws {
        let error = try #require(parseFailure(ascii("[1, 2, 3]"), limits: InputLimits(maxFileBytes: 4)))
        #expect(error.diagnostic.code == "input.too-large")
    }
}
