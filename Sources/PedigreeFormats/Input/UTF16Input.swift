import PedigreeDiagnostics

/// Inputs that start with a UTF-16 byte order mark, as Windows tools write SBOMs, made UTF-8 once
/// before anything reads them (HARDENING "Opening files").
///
/// Decisions: the transcoding is strict (an unpaired surrogate or an odd byte count is an error, never
/// a replacement character that would alter a license id); lines and columns, counted in characters,
/// stay those of the original. Without a byte order mark UTF-16 is not guessed at: it fails as
/// invalid UTF-8 where the format reads it.
enum UTF16Input {
    enum ByteOrder: String {
        case bigEndian = "big-endian"
        case littleEndian = "little-endian"
    }

    /// The byte order the mark at the start of `bytes` states, if it has one.
    static func byteOrderMark(_ bytes: [UInt8]) -> ByteOrder? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFE, bytes[1] == 0xFF { return .bigEndian }
        // FF FE 00 00 is UTF-32's mark, which Pedigree does not read.
        if bytes[0] == 0xFF, bytes[1] == 0xFE, !(bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0) { return .littleEndian }
        return nil
    }

    /// The text after the mark, as UTF-8 without a mark.
    ///
    /// - Throws: `input.invalid-utf16` at the line and column of the first code unit that is not
    ///   part of a valid UTF-16 sequence, or at the end for an odd trailing byte.
    /// - Complexity: O(n).
    static func transcode(_ bytes: [UInt8], order: ByteOrder, path: String) throws(InputError) -> [UInt8] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count)
        var line = 1
        var column = 1
        var index = 2
        func unit(at position: Int) -> UInt16 {
            order == .bigEndian
                ? UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
                : UInt16(bytes[position + 1]) << 8 | UInt16(bytes[position])
        }
        while index + 1 < bytes.count {
            let first = unit(at: index)
            var scalar: Unicode.Scalar?
            var width = 2
            switch first {
            case 0xD800...0xDBFF:
                if index + 3 < bytes.count {
                    let second = unit(at: index + 2)
                    if (0xDC00...0xDFFF).contains(second) {
                        scalar = Unicode.Scalar(0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00))
                        width = 4
                    }
                }
            case 0xDC00...0xDFFF:
                scalar = nil
            default:
                scalar = Unicode.Scalar(first)
            }
            guard let scalar else {
                throw InputError(
                    "input.invalid-utf16",
                    "the file starts with a UTF-16 byte order mark, but code unit 0x\(String(first, radix: 16)) is an unpaired surrogate",
                    at: SourceLocation(file: path, line: line, column: column))
            }
            UTF8.encode(scalar) { utf8.append($0) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += width
        }
        guard index == bytes.count else {
            throw InputError(
                "input.invalid-utf16", "the file starts with a UTF-16 byte order mark but ends in half a code unit",
                at: SourceLocation(file: path, line: line, column: column))
        }
        return utf8
    }

    /// The warning that says the input was transcoded.
    static func transcodedNote(order: ByteOrder, path: String) -> Diagnostic {
        .warning(
            "input.utf16-transcoded",
            "the file is UTF-16 (\(order.rawValue) byte order mark); it was read after transcoding it to UTF-8",
            at: SourceLocation(file: path, line: 1, column: 1))
    }
}
