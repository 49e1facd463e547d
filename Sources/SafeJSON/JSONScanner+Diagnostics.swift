import PedigreeDiagnostics

/// Error construction: positions counted exactly, and "expected …, found …" messages that quote
/// what the document really contains.
extension JSONScanner {
    func error(_ code: String, _ message: String, at location: SourceLocation) -> InputError {
        InputError(code, message, at: location)
    }

    /// The position of `offset`, which lies on the current line; the column counts code points.
    func location(at offset: Int) -> SourceLocation {
        var column = 1
        var position = lineStart
        let stop = min(offset, count)
        while position < stop {
            if base[position] & 0xC0 != 0x80 { column &+= 1 }
            position &+= 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The byte at the cursor is not what the grammar allows here.
    func unexpected(expected: String) -> InputError {
        guard p < count else { return truncated(expected: expected) }
        let byte = base[p]
        if byte >= 0x80 {
            do { _ = try utf8SequenceLength(at: p) } catch { return error }
        }
        var message = "expected \(expected), found \(found(at: p))"
        var code = "json.syntax"
        if byte == UInt8(ascii: "/"), p &+ 1 < count, base[p &+ 1] == UInt8(ascii: "/") || base[p &+ 1] == UInt8(ascii: "*") {
            message += ": JSON does not allow comments"
        } else if byte == UInt8(ascii: "'") {
            message += ": JSON strings use double quotes"
        } else if Self.isNonFiniteNumberWord(word(at: p)) {
            code = "json.invalid-number"
            message += ": JSON numbers are finite and written with digits"
        }
        return error(code, message, at: location(at: p))
    }

    func invalidNumber(expected: String) -> InputError {
        guard p < count else { return truncated(expected: expected) }
        if base[p] >= 0x80 {
            do { _ = try utf8SequenceLength(at: p) } catch { return error }
        }
        var message = "expected \(expected), found \(found(at: p))"
        if Self.isNonFiniteNumberWord(word(at: p)) { message += ": JSON numbers are finite and written with digits" }
        return error("json.invalid-number", message, at: location(at: p))
    }

    /// The document ends where more was required; the note names the innermost unclosed container.
    func truncated(expected: String, at offset: Int? = nil) -> InputError {
        var diagnostic = Diagnostic.error(
            "json.truncated", "unexpected end of input, expected \(expected)", at: location(at: offset ?? count))
        if let open = frames.last {
            diagnostic.notes = ["'\(open.isObject ? "{" : "[")' at \(file):\(open.line):\(open.column) is not closed"]
        }
        return InputError(diagnostic)
    }

    func truncatedString(quote: Int) -> InputError {
        var diagnostic = Diagnostic.error(
            "json.truncated", "unexpected end of input, expected '\"' to close the string", at: location(at: count))
        let start = location(at: quote)
        diagnostic.notes = ["the string starts at \(file):\(start.line):\(start.column)"]
        return InputError(diagnostic)
    }

    func stringTooLong(quote: Int) -> InputError {
        error(
            "json.string-too-long", "string is longer than the limit of \(limits.maxStringBytes) bytes",
            at: location(at: quote))
    }

    func invalidUTF8(_ problem: String, at offset: Int) -> InputError {
        error("json.invalid-utf8", "invalid UTF-8: \(problem)", at: location(at: offset))
    }

    /// What the document has at `offset`, quoted for a message: a word, a character, a control
    /// character's code point, or the end of input.
    func found(at offset: Int) -> String {
        guard offset < count else { return "end of input" }
        let byte = base[offset]
        if byte < 0x20 || byte == 0x7F { return "control character \(Self.codePoint(UInt32(byte)))" }
        if byte == UInt8(ascii: "'") { return "\"'\"" }
        let word = word(at: offset)
        if !word.isEmpty { return "'\(word)'" }
        if byte == UInt8(ascii: "/"), offset &+ 1 < count, base[offset &+ 1] == UInt8(ascii: "/") || base[offset &+ 1] == UInt8(ascii: "*") {
            return "'/\(Character(Unicode.Scalar(base[offset &+ 1])))'"
        }
        return "'\(scalarText(at: offset))'"
    }

    /// The run of ASCII letters and digits at `offset` (at most 32 shown), e.g. `undefined`, `NaN`.
    func word(at offset: Int) -> String {
        var end = offset
        while end < count, end &- offset < 33 {
            let byte = base[end]
            let isLetter = (byte | 0x20) &- UInt8(ascii: "a") < 26
            guard isLetter || (end > offset && Self.isDigit(byte)) else { break }
            end &+= 1
        }
        if end == offset { return "" }
        let text = String(decoding: UnsafeBufferPointer(start: base + offset, count: min(end &- offset, 32)), as: UTF8.self)
        return end &- offset > 32 ? text + "…" : text
    }

    /// The character at `offset`, or its bytes in hex when they are not valid UTF-8.
    func scalarText(at offset: Int) -> String {
        guard offset < count else { return "" }
        let byte = base[offset]
        if byte < 0x20 || byte == 0x7F { return Self.codePoint(UInt32(byte)) }
        guard let length = try? utf8SequenceLength(at: offset) else { return Self.hexByte(byte) }
        return String(decoding: UnsafeBufferPointer(start: base + offset, count: length), as: UTF8.self)
    }

    static func isNonFiniteNumberWord(_ word: String) -> Bool {
        switch word.lowercased() {
        case "nan", "infinity", "inf": true
        default: false
        }
    }

    /// A key or value quoted in a message, cut at 64 characters so a hostile key cannot flood the log.
    static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.count > 64 else { return text }
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: text.unicodeScalars.prefix(64))
        return String(cut) + "…"
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" + digits : digits)
    }

    static func codePoint(_ value: UInt32) -> String { "U+" + hex(value) }

    /// How a control character is written inside a JSON string.
    static func escapeHint(_ byte: UInt8) -> String {
        switch byte {
        case 0x08: "\\b"
        case 0x09: "\\t"
        case 0x0A: "\\n"
        case 0x0C: "\\f"
        case 0x0D: "\\r"
        default: "\\u" + hex(UInt32(byte))
        }
    }
}
