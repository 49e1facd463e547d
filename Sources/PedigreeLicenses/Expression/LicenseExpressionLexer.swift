/// Splits an SPDX license expression into tokens, in one pass over its UTF-8 bytes.
///
/// Operators are recognised only in upper case (`AND`, `OR`, `WITH`), as SPDX 2.3 Annex D and SPDX 3.0
/// require; `and` is an ordinary word here, which the strict parser then rejects with a hint and the
/// lenient reading rewrites with a warning. Whitespace is space, tab, carriage return and line feed.
struct LicenseExpressionLexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// All tokens, ending with `.end`.
    ///
    /// - Complexity: O(n) in the length of the text.
    mutating func tokens() -> [LicenseExpressionToken] {
        var result: [LicenseExpressionToken] = []
        while true {
            let token = next()
            result.append(token)
            if token.kind == .end { return result }
        }
    }

    private mutating func next() -> LicenseExpressionToken {
        var sawSpace = false
        while position < bytes.count, Self.isSpace(bytes[position]) {
            position += 1
            sawSpace = true
        }
        let start = position
        guard position < bytes.count else {
            return LicenseExpressionToken(kind: .end, offset: start, length: 0, followsSpace: sawSpace)
        }
        let byte = bytes[position]
        func single(_ kind: LicenseExpressionToken.Kind) -> LicenseExpressionToken {
            position += 1
            return LicenseExpressionToken(kind: kind, offset: start, length: 1, followsSpace: sawSpace)
        }
        switch byte {
        case UInt8(ascii: "("): return single(.openParenthesis)
        case UInt8(ascii: ")"): return single(.closeParenthesis)
        case UInt8(ascii: "+"): return single(.plus)
        default: break
        }
        if Self.isWordByte(byte) {
            while position < bytes.count, Self.isWordByte(bytes[position]) || bytes[position] == UInt8(ascii: ":") {
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            let kind: LicenseExpressionToken.Kind =
                switch text {
                case "AND": .and
                case "OR": .or
                case "WITH": .with
                default: .word(text)
                }
            return LicenseExpressionToken(kind: kind, offset: start, length: position - start, followsSpace: sawSpace)
        }
        // One whole character (all of its UTF-8 bytes) that the grammar has no place for.
        var end = position + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        position = end
        return LicenseExpressionToken(kind: .invalid(text), offset: start, length: end - start, followsSpace: sawSpace)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// `idstring = 1*(ALPHA / DIGIT / "-" / "." )`
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default: false
        }
    }
}
