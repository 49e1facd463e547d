import PedigreeDiagnostics

/// Strings: `string = quotation-mark *char quotation-mark`, with UTF-8 validated as it is read.
///
/// Most strings in an SBOM are short ASCII without escapes (names, versions, purls, hashes): those
/// are found eight bytes at a time and become a `String` straight from the input buffer. A string
/// with escapes is decoded into a reused scratch buffer; non-ASCII bytes are validated in place.
extension JSONScanner {
    /// Reads the string whose opening quote is at the cursor and leaves the cursor after its end.
    mutating func scanString() throws(InputError) -> String {
        let quote = p
        let start = p &+ 1
        let limit = max(0, limits.maxStringBytes)
        // The closing quote may sit at `start + limit` at the latest.
        let end = limit < count &- start ? start &+ limit &+ 1 : count
        var q = start
        while q &+ 8 <= end {
            let word = UnsafeRawPointer(base + q).loadUnaligned(as: UInt64.self)
            if Self.mayContainSpecialByte(word) { break }
            q &+= 8
        }
        while q < end {
            let byte = base[q]
            if byte == UInt8(ascii: "\"") {
                p = q &+ 1
                return String(decoding: UnsafeBufferPointer(start: base + start, count: q &- start), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 {
                return try scanStringSlowly(quote: quote, from: q)
            }
            q &+= 1
        }
        if end < count { throw stringTooLong(quote: quote) }
        throw truncatedString(quote: quote)
    }

    /// Continues a string at `from`, the first escape, control or non-ASCII byte.
    mutating func scanStringSlowly(quote: Int, from: Int) throws(InputError) -> String {
        let start = quote &+ 1
        let limit = limits.maxStringBytes
        var q = from
        var segment = start
        var escaped = false
        scratch.removeAll(keepingCapacity: true)
        while true {
            // Skip plain ASCII eight bytes at a time, but never past the string's remaining allowance.
            let allowance = limit &- scratch.count &- (q &- segment)
            let stop = allowance < count &- q ? q &+ max(0, allowance) &+ 1 : count
            while q &+ 8 <= stop,
                !Self.mayContainSpecialByte(UnsafeRawPointer(base + q).loadUnaligned(as: UInt64.self))
            {
                q &+= 8
            }
            guard q < count else { throw truncatedString(quote: quote) }
            let byte = base[q]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + segment, count: q &- segment))
                q = try decodeEscape(at: q)
                segment = q
            } else if byte < 0x20 {
                throw error(
                    "json.syntax",
                    "expected an escape such as '\(Self.escapeHint(byte))', found control character \(Self.codePoint(UInt32(byte))) in string",
                    at: location(at: q))
            } else if byte >= 0x80 {
                let length = Self.wellFormedUTF8Length(base, count, at: q)
                guard length > 0 else { throw utf8Problem(at: q) }
                lineExtra &+= length &- 1
                q &+= length
            } else {
                q &+= 1
            }
            if scratch.count &+ (q &- segment) > limit { throw stringTooLong(quote: quote) }
        }
        p = q &+ 1
        if !escaped {
            return String(decoding: UnsafeBufferPointer(start: base + start, count: q &- start), as: UTF8.self)
        }
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + segment, count: q &- segment))
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Decodes the escape whose backslash is at `at` into `scratch`; returns the offset after it.
    mutating func decodeEscape(at backslash: Int) throws(InputError) -> Int {
        guard backslash &+ 1 < count else { throw truncated(expected: "an escaped character after '\\'", at: count) }
        let decoded: UInt8
        switch base[backslash &+ 1] {
        case UInt8(ascii: "\""): decoded = 0x22
        case UInt8(ascii: "\\"): decoded = 0x5C
        case UInt8(ascii: "/"): decoded = 0x2F
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            return try decodeUnicodeEscape(at: backslash)
        default:
            if base[backslash &+ 1] >= 0x80 { _ = try utf8SequenceLength(at: backslash &+ 1) }
            throw error(
                "json.invalid-escape",
                "expected one of '\\\"' '\\\\' '\\/' '\\b' '\\f' '\\n' '\\r' '\\t' '\\uXXXX', found '\\\(scalarText(at: backslash &+ 1))'",
                at: location(at: backslash))
        }
        scratch.append(decoded)
        return backslash &+ 2
    }

    /// `\uXXXX`, or a UTF-16 surrogate pair `\uD8xx\uDCxx`; a lone surrogate is an error because it
    /// has no UTF-8 form.
    mutating func decodeUnicodeEscape(at backslash: Int) throws(InputError) -> Int {
        let unit = try hexQuad(at: backslash)
        var scalar = unit
        var next = backslash &+ 6
        if (0xDC00...0xDFFF).contains(unit) {
            throw error(
                "json.invalid-escape",
                "expected a high surrogate before low surrogate '\\u\(Self.hex(unit))', found none",
                at: location(at: backslash))
        }
        if (0xD800...0xDBFF).contains(unit) {
            guard next &+ 1 < count, base[next] == UInt8(ascii: "\\"), base[next &+ 1] == UInt8(ascii: "u") else {
                if next >= count { throw truncated(expected: "a low surrogate after '\\u\(Self.hex(unit))'", at: count) }
                throw error(
                    "json.invalid-escape",
                    "expected a low surrogate '\\uDC00'...'\\uDFFF' after high surrogate '\\u\(Self.hex(unit))', found \(found(at: next))",
                    at: location(at: backslash))
            }
            let low = try hexQuad(at: next)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error(
                    "json.invalid-escape",
                    "expected a low surrogate '\\uDC00'...'\\uDFFF' after high surrogate '\\u\(Self.hex(unit))', found '\\u\(Self.hex(low))'",
                    at: location(at: backslash))
            }
            scalar = 0x10000 &+ ((unit &- 0xD800) << 10) &+ (low &- 0xDC00)
            next &+= 6
        }
        appendUTF8(scalar)
        return next
    }

    /// The four hexadecimal digits after the `\u` at `backslash`.
    func hexQuad(at backslash: Int) throws(InputError) -> UInt32 {
        var value: UInt32 = 0
        for offset in 2..<6 {
            let position = backslash &+ offset
            guard position < count else { throw truncated(expected: "4 hexadecimal digits after '\\u'", at: count) }
            let byte = base[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default:
                if byte >= 0x80 { _ = try utf8SequenceLength(at: position) }
                throw error(
                    "json.invalid-escape", "expected 4 hexadecimal digits after '\\u', found \(found(at: position))",
                    at: location(at: backslash))
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The length of the well-formed UTF-8 sequence at `offset`, or an error naming the problem.
    @inline(__always) func utf8SequenceLength(at offset: Int) throws(InputError) -> Int {
        let length = Self.wellFormedUTF8Length(base, count, at: offset)
        guard length > 0 else { throw utf8Problem(at: offset) }
        return length
    }

    /// The length of the well-formed UTF-8 sequence at `offset` (Unicode table 3-7), 0 if there is none.
    ///
    /// Static, with the buffer passed in: called from a mutating method on the scanner, an instance
    /// method made the compiler copy the whole scanner for every non-ASCII character.
    @inline(__always) static func wellFormedUTF8Length(_ base: UnsafePointer<UInt8>, _ count: Int, at offset: Int) -> Int {
        let lead = base[offset]
        if lead < 0x80 { return 1 }
        let available = count &- offset
        @inline(__always) func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        if lead < 0xC2 { return 0 }
        if lead < 0xE0 { return available >= 2 && isContinuation(base[offset &+ 1]) ? 2 : 0 }
        if lead < 0xF0 {
            guard available >= 3, isContinuation(base[offset &+ 2]) else { return 0 }
            let second = base[offset &+ 1]
            switch lead {
            case 0xE0: return second >= 0xA0 && second <= 0xBF ? 3 : 0
            case 0xED: return second >= 0x80 && second <= 0x9F ? 3 : 0
            default: return isContinuation(second) ? 3 : 0
            }
        }
        if lead < 0xF5 {
            guard available >= 4, isContinuation(base[offset &+ 2]), isContinuation(base[offset &+ 3]) else { return 0 }
            let second = base[offset &+ 1]
            switch lead {
            case 0xF0: return second >= 0x90 && second <= 0xBF ? 4 : 0
            case 0xF4: return second >= 0x80 && second <= 0x8F ? 4 : 0
            default: return isContinuation(second) ? 4 : 0
            }
        }
        return 0
    }

    /// What is wrong with the ill-formed sequence at `offset`: a stray continuation byte, an overlong
    /// form, an encoded surrogate, a code point above U+10FFFF, a byte that never occurs in UTF-8,
    /// or a truncated sequence.
    func utf8Problem(at offset: Int) -> InputError {
        let lead = base[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        var secondProblem = ""
        switch lead {
        case 0x80...0xBF:
            return invalidUTF8("unexpected continuation byte \(Self.hexByte(lead))", at: offset)
        case 0xC0, 0xC1:
            return invalidUTF8("overlong encoding starting with byte \(Self.hexByte(lead))", at: offset)
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
            secondProblem = "is an overlong encoding"
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
            secondProblem = "encodes a UTF-16 surrogate"
        case 0xE1...0xEF:
            length = 3
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
            secondProblem = "is an overlong encoding"
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
            secondProblem = "encodes a code point above U+10FFFF"
        case 0xF1...0xF3:
            length = 4
        default:
            return invalidUTF8("byte \(Self.hexByte(lead)) never occurs in UTF-8", at: offset)
        }
        for index in 1..<length {
            guard offset &+ index < count else {
                return invalidUTF8(
                    "truncated sequence: \(Self.hexByte(lead)) expects \(length - 1) continuation bytes, found end of input",
                    at: offset)
            }
            let byte = base[offset &+ index]
            guard (0x80...0xBF).contains(byte) else {
                return invalidUTF8(
                    "truncated sequence: \(Self.hexByte(lead)) expects \(length - 1) continuation bytes, found \(Self.hexByte(byte))",
                    at: offset)
            }
            if index == 1, !secondRange.contains(byte) {
                return invalidUTF8("sequence \(Self.hexByte(lead)) \(Self.hexByte(byte)) \(secondProblem)", at: offset)
            }
        }
        return invalidUTF8("ill-formed sequence starting with byte \(Self.hexByte(lead))", at: offset)
    }

    /// Whether any of eight bytes may be a quote, a backslash, a control or a non-ASCII byte.
    ///
    /// The classic bit tricks: `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when some byte of `x`
    /// is zero (applied to `x ^ '"'` and `x ^ '\\'`), and `(x - 0x20…) & ~x & 0x80…` when some byte
    /// is below 0x20; any byte with its top bit set is non-ASCII.
    @inline(__always) static func mayContainSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let controls = (word &- ones &* 0x20) & ~word
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        return (controls | hasQuote | hasBackslash | word) & highs != 0
    }
}
