import PedigreeDiagnostics

extension TOMLScanner {
    /// `"…"` with escapes, on one line.
    mutating func basicString() throws(InputError) -> String {
        position += 1
        var result: [UInt8] = []
        while true {
            guard let byte = current, byte != 0x0A, byte != 0x0D else { throw error("toml.syntax", "the string is not closed on its line; expected '\"'") }
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: result, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try escape(into: &result)
            } else {
                result.append(byte)
                position += 1
            }
            try checkLength(result)
        }
    }

    /// `"""…"""`: a newline right after the opening quotes is dropped; a backslash at a line end
    /// joins the next non-blank text.
    mutating func multiLineBasicString() throws(InputError) -> String {
        position += 3
        skipFirstNewline()
        var result: [UInt8] = []
        while true {
            guard let byte = current else { throw error("toml.syntax", "the string is not closed; expected '\"\"\"'") }
            if byte == UInt8(ascii: "\""), peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                // Up to two quotes may end the content: `""""x""""` is legal.
                var quotes = 3
                while quotes < 5, peek(quotes) == UInt8(ascii: "\"") { quotes += 1 }
                result += [UInt8](repeating: UInt8(ascii: "\""), count: quotes - 3)
                position += quotes
                return String(decoding: result, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                if lineEndingBackslash() {
                    position += 1
                    while let next = current, next == 0x20 || next == 0x09 || next == 0x0D || next == 0x0A {
                        if next == 0x0A { newline() } else { position += 1 }
                    }
                    continue
                }
                try escape(into: &result)
            } else {
                result.append(byte)
                if byte == 0x0A { newline() } else { position += 1 }
            }
            try checkLength(result)
        }
    }

    /// `'…'`, no escapes, on one line.
    mutating func literalString() throws(InputError) -> String {
        position += 1
        let start = position
        while let byte = current, byte != UInt8(ascii: "'") {
            guard byte != 0x0A, byte != 0x0D else { throw error("toml.syntax", "the string is not closed on its line; expected \"'\"") }
            position += 1
        }
        guard current != nil else { throw error("toml.syntax", "the string is not closed; expected \"'\"") }
        let text = Array(bytes[start..<position])
        try checkLength(text)
        position += 1
        return String(decoding: text, as: UTF8.self)
    }

    /// `'''…'''`, no escapes.
    mutating func multiLineLiteralString() throws(InputError) -> String {
        position += 3
        skipFirstNewline()
        var result: [UInt8] = []
        while true {
            guard let byte = current else { throw error("toml.syntax", "the string is not closed; expected \"'''\"") }
            if byte == UInt8(ascii: "'"), peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") {
                position += 3
                return String(decoding: result, as: UTF8.self)
            }
            result.append(byte)
            if byte == 0x0A { newline() } else { position += 1 }
            try checkLength(result)
        }
    }

    private mutating func skipFirstNewline() {
        if current == 0x0D, peek(1) == 0x0A { position += 1 }
        if current == 0x0A { newline() }
    }

    /// Whether the backslash at the current position ends its line (only spaces follow it).
    private func lineEndingBackslash() -> Bool {
        var offset = 1
        while let byte = peek(offset), byte == 0x20 || byte == 0x09 || byte == 0x0D { offset += 1 }
        return peek(offset) == 0x0A
    }

    private mutating func escape(into result: inout [UInt8]) throws(InputError) {
        guard let kind = peek(1) else { throw error("toml.syntax", "the string ends inside an escape") }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C,
        ]
        if let replacement = simple[kind] {
            result.append(replacement)
            position += 2
            return
        }
        let width = kind == UInt8(ascii: "u") ? 4 : kind == UInt8(ascii: "U") ? 8 : 0
        guard width > 0, position + 2 + width <= bytes.count,
            let code = UInt32(String(decoding: bytes[(position + 2)..<(position + 2 + width)], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(code)
        else {
            throw error("toml.syntax", "'\\\(Self.describe(kind))' is not a TOML escape; expected \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX")
        }
        result += Array(String(Character(scalar)).utf8)
        position += 2 + width
    }

    private func checkLength(_ text: [UInt8]) throws(InputError) {
        guard text.count > limits.maxStringBytes else { return }
        throw error("toml.string-too-long", "a string longer than \(limits.maxStringBytes) bytes")
    }
}
