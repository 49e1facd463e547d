import PedigreeDiagnostics

/// Turns libyaml's 0-based marks and byte offsets into 1-based `SourceLocation`s, in one place.
///
/// `firstLine` is the line of the first input byte in the file the user sees, so that front matter
/// cut out of a Markdown file (starting at line 2) is reported at its line in that file.
struct YAMLPositions: Sendable {
    var file: String
    var firstLine: Int

    /// The location of a 0-based line and column as libyaml counts them (columns in characters).
    func location(line zeroBasedLine: Int, column zeroBasedColumn: Int) -> SourceLocation {
        SourceLocation(
            file: file, line: Self.saturatingAdd(firstLine, zeroBasedLine),
            column: Self.saturatingAdd(zeroBasedColumn, 1))
    }

    /// The line and column of a byte offset, counted as libyaml counts marks, with the offset kept.
    ///
    /// libyaml reports only the byte offset for reader errors (invalid UTF-8, control characters);
    /// the bytes before that offset were decoded successfully, so lines and characters can be
    /// counted here: line breaks are LF, CR, CR LF, NEL, LS and PS; a character is a byte that is
    /// not a UTF-8 continuation byte; a leading byte order mark is not counted, as libyaml skips it.
    func location(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        let end = min(max(offset, 0), bytes.count)
        var index = 0
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var line = 0
        var column = 0
        while index < end {
            let breakLength = Self.lineBreakLength(at: index, in: bytes)
            if breakLength > 0 {
                line += 1
                column = 0
                index += breakLength
                continue
            }
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        var location = self.location(line: line, column: column)
        location.byteOffset = offset
        return location
    }

    /// The length in bytes of the line break starting at `index`, or 0.
    private static func lineBreakLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let byte = bytes[index]
        let remaining = bytes.count - index
        switch byte {
        case 0x0A:
            return 1
        case 0x0D:
            return remaining >= 2 && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2 where remaining >= 2 && bytes[index + 1] == 0x85:
            return 2
        case 0xE2 where remaining >= 3 && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return 3
        default:
            return 0
        }
    }

    static func saturatingAdd(_ lhs: Int, _ rhs: Int) -> Int {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? (rhs > 0 ? .max : .min) : sum
    }
}
