/// Strict UTF-8 validation (RFC 3629 §4), done before libxml2 sees the bytes.
///
/// libxml2 would otherwise switch encodings on a guess, report invalid bytes through its generic
/// error channel, or accept them in recovery paths. The grammar checked, byte by byte:
///
///     UTF8-char   = UTF8-1 / UTF8-2 / UTF8-3 / UTF8-4
///     UTF8-1      = %x00-7F
///     UTF8-2      = %xC2-DF UTF8-tail
///     UTF8-3      = %xE0 %xA0-BF UTF8-tail / %xE1-EC 2( UTF8-tail ) /
///                   %xED %x80-9F UTF8-tail / %xEE-EF 2( UTF8-tail )
///     UTF8-4      = %xF0 %x90-BF 2( UTF8-tail ) / %xF1-F3 3( UTF8-tail ) /
///                   %xF4 %x80-8F 2( UTF8-tail )
///     UTF8-tail   = %x80-BF
///
/// So overlong forms, surrogates (U+D800–DFFF) and code points above U+10FFFF are rejected.
enum UTF8Validation {
    /// The offset where the first ill-formed sequence starts, or `nil` when all bytes are UTF-8.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var secondLow: UInt8 = 0x80
                var secondHigh: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; secondLow = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; secondHigh = 0x9F
                case 0xF0: length = 4; secondLow = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; secondHigh = 0x8F
                default: return index
                }
                guard index + length <= count else { return index }
                let second = buffer[index + 1]
                guard second >= secondLow && second <= secondHigh else { return index }
                for tail in stride(from: index + 2, to: index + length, by: 1) where buffer[tail] & 0xC0 != 0x80 {
                    return index
                }
                index += length
            }
            return nil
        }
    }

    /// Whether the bytes start with the UTF-8 encoding of U+FEFF.
    static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}
