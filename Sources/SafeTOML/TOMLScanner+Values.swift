import PedigreeDiagnostics

extension TOMLScanner {
    // MARK: value = string | bool | array | inline-table | number-or-date

    mutating func value(depth: Int) throws(InputError) -> TOMLValue {
        let (startLine, startColumn) = (line, column)
        func positioned(_ kind: TOMLValue.Kind) -> TOMLValue { TOMLValue(kind, line: startLine, column: startColumn) }
        guard let byte = current else { throw error("toml.syntax", "expected a value, found the end of the file") }
        switch byte {
        case UInt8(ascii: "\""):
            if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") { return positioned(.string(try multiLineBasicString())) }
            return positioned(.string(try basicString()))
        case UInt8(ascii: "'"):
            if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") { return positioned(.string(try multiLineLiteralString())) }
            return positioned(.string(try literalString()))
        case UInt8(ascii: "["):
            return positioned(.array(try array(depth: depth)))
        case UInt8(ascii: "{"):
            return positioned(.table(try inlineTable(depth: depth)))
        default:
            return positioned(try bareValue())
        }
    }

    /// `true`, `false`, numbers, `inf`/`nan` and dates: a run of value characters, with the one space
    /// a date-time may hold between its date and its time.
    mutating func bareValue() throws(InputError) -> TOMLValue.Kind {
        let start = position
        while let byte = current {
            if Self.isBareValueByte(byte) {
                position += 1
            } else if byte == 0x20, position - start == 10, let next = peek(1), (0x30...0x39).contains(next) {
                position += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        switch text {
        case "": throw error("toml.syntax", "expected a value, found '\(Self.describe(current ?? 0))'")
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "inf", "+inf", "-inf", "nan", "+nan", "-nan": return .float(text)
        default: break
        }
        let digits = text.utf8.filter { $0 != UInt8(ascii: "_") }
        if text.utf8.count >= 8, text.utf8.dropFirst(4).first == UInt8(ascii: "-") || text.utf8.dropFirst(2).first == UInt8(ascii: ":") {
            return .dateTime(text)
        }
        let body = String(decoding: digits, as: UTF8.self)
        if Int64(body) != nil || text.hasPrefix("0x") || text.hasPrefix("0o") || text.hasPrefix("0b") { return .integer(text) }
        if Double(body) != nil { return .float(text) }
        throw InputError("toml.syntax", "'\(text)' is not a TOML value; strings are quoted",
            at: SourceLocation(file: file, line: line, column: column - text.count))
    }

    /// `[ value, value, ]` over any number of lines, with comments.
    mutating func array(depth: Int) throws(InputError) -> [TOMLValue] {
        guard depth <= limits.maxJSONDepth else { throw error("toml.too-deep", "arrays and inline tables nest deeper than \(limits.maxJSONDepth) levels") }
        position += 1
        var items: [TOMLValue] = []
        while true {
            skipBlank()
            guard let byte = current else { throw error("toml.syntax", "the array is not closed; expected ']'") }
            if byte == UInt8(ascii: "]") {
                position += 1
                return items
            }
            items.append(try value(depth: depth + 1))
            skipBlank()
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current != UInt8(ascii: "]") {
                throw error("toml.syntax", "expected ',' or ']' in an array")
            }
        }
    }

    /// `{ key = value, … }` on one line.
    mutating func inlineTable(depth: Int) throws(InputError) -> TOMLTable {
        guard depth <= limits.maxJSONDepth else { throw error("toml.too-deep", "arrays and inline tables nest deeper than \(limits.maxJSONDepth) levels") }
        position += 1
        var inner = TOMLTableTree()
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return inner.value(of: TOMLTableTree.root)
        }
        while true {
            skipWhitespace()
            try keyValue(into: TOMLTableTree.root, tree: &inner, depth: depth + 1)
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard current == UInt8(ascii: "}") else { throw error("toml.syntax", "expected ',' or '}' in an inline table") }
            position += 1
            return inner.value(of: TOMLTableTree.root)
        }
    }

    static func isBareValueByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }
}
