import PedigreeDiagnostics

/// The byte-level reader behind `TOMLParser`: one method per production, positions counted as it goes.
struct TOMLScanner {
    let bytes: [UInt8]
    let file: String
    let limits: InputLimits
    var position = 0
    var line = 1
    /// Byte offset where the current line starts, for columns.
    var lineStart = 0

    init(bytes: [UInt8], file: String, limits: InputLimits) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            lineStart = 3
        }
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    func peek(_ offset: Int) -> UInt8? { position + offset < bytes.count ? bytes[position + offset] : nil }

    /// The column of the current byte, in code points.
    var column: Int {
        var count = 1
        var index = lineStart
        while index < position {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    func error(_ code: String, _ message: String) -> InputError {
        InputError(code, message, at: SourceLocation(file: file, line: line, column: column))
    }

    mutating func invalidUTF8Error() -> InputError {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                let width = scalar.utf8.count
                if scalar == "\n" { line += 1; lineStart = offset + 1 }
                offset += width
            case .emptyInput, .error: break loop
            }
        }
        position = min(offset, bytes.count)
        return error("toml.invalid-utf8", "invalid UTF-8 in a TOML document; expected UTF-8 text")
    }

    // MARK: document = *( line-end | expression line-end )

    mutating func document() throws(InputError) -> TOMLTable {
        var tree = TOMLTableTree()
        var table = TOMLTableTree.root
        while true {
            skipWhitespace()
            guard let byte = current else { break }
            switch byte {
            case UInt8(ascii: "#"), 0x0A, 0x0D:
                break
            case UInt8(ascii: "["):
                table = try header(tree: &tree)
            default:
                try keyValue(into: table, tree: &tree)
            }
            try lineEnd()
        }
        return tree.value(of: TOMLTableTree.root)
    }

    /// `[ key ]` or `[[ key ]]`: the table later key/value lines go into.
    mutating func header(tree: inout TOMLTableTree) throws(InputError) -> Int {
        let (startLine, startColumn) = (line, column)
        let isArray = peek(1) == UInt8(ascii: "[")
        position += isArray ? 2 : 1
        skipWhitespace()
        let path = try key()
        skipWhitespace()
        guard current == UInt8(ascii: "]"), !isArray || peek(1) == UInt8(ascii: "]") else {
            throw error("toml.syntax", "expected '\(isArray ? "]]" : "]")' to close the table header")
        }
        position += isArray ? 2 : 1
        do {
            return isArray
                ? try tree.appendTable(path, line: startLine, column: startColumn)
                : try tree.define(path, line: startLine, column: startColumn)
        } catch {
            throw InputError(
                "toml.duplicate-key", "the table '\(path.joined(separator: "."))' is defined twice or names a value",
                at: SourceLocation(file: file, line: startLine, column: startColumn))
        }
    }

    /// `key = value`, into `table` of `tree` (the document's, or an inline table's own); `depth` is how
    /// deep the value nests (1 at the top level).
    mutating func keyValue(into table: Int, tree: inout TOMLTableTree, depth: Int = 1) throws(InputError) {
        let (keyLine, keyColumn) = (line, column)
        let path = try key()
        skipWhitespace()
        guard current == UInt8(ascii: "=") else { throw error("toml.syntax", "expected '=' after the key '\(path.joined(separator: "."))'") }
        position += 1
        skipWhitespace()
        let value = try value(depth: depth)
        do {
            let target = try tree.table(at: Array(path.dropLast()), from: table, line: keyLine, column: keyColumn)
            try tree.set(path[path.count - 1], in: target, to: value)
        } catch {
            throw InputError(
                "toml.duplicate-key", "the key '\(path.joined(separator: "."))' is defined twice",
                at: SourceLocation(file: file, line: keyLine, column: keyColumn))
        }
    }

    /// After an expression: spaces, an optional comment, then a newline or the end.
    mutating func lineEnd() throws(InputError) {
        skipWhitespace()
        if current == UInt8(ascii: "#") { skipComment() }
        if current == 0x0D, peek(1) == 0x0A { position += 1 }
        guard let byte = current else { return }
        guard byte == 0x0A else { throw error("toml.syntax", "expected the end of the line, found '\(Self.describe(byte))'") }
        newline()
    }

    // MARK: key = simple-key *( "." simple-key )

    mutating func key() throws(InputError) -> [String] {
        var path: [String] = []
        while true {
            path.append(try simpleKey())
            guard path.count <= limits.maxJSONDepth else { throw error("toml.too-deep", "a dotted key deeper than \(limits.maxJSONDepth) parts") }
            skipWhitespace()
            guard current == UInt8(ascii: ".") else { return path }
            position += 1
            skipWhitespace()
        }
    }

    mutating func simpleKey() throws(InputError) -> String {
        switch current {
        case UInt8(ascii: "\""): return try basicString()
        case UInt8(ascii: "'"): return try literalString()
        default:
            let start = position
            while let byte = current, Self.isBareKeyByte(byte) { position += 1 }
            guard position > start else {
                throw error("toml.syntax", "expected a key, found \(current.map { "'\(Self.describe($0))'" } ?? "the end of the file")")
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
    }

    // MARK: whitespace and comments

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 { position += 1 }
    }

    mutating func skipComment() {
        while let byte = current, byte != 0x0A, byte != 0x0D { position += 1 }
    }

    /// Spaces, newlines and comments inside an array.
    mutating func skipBlank() {
        while let byte = current {
            switch byte {
            case 0x20, 0x09, 0x0D: position += 1
            case 0x0A: newline()
            case UInt8(ascii: "#"): skipComment()
            default: return
            }
        }
    }

    mutating func newline() {
        position += 1
        line += 1
        lineStart = position
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : String(format: byte)
    }
}

extension String {
    fileprivate init(format byte: UInt8) {
        let digits = Array("0123456789ABCDEF")
        self = "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
