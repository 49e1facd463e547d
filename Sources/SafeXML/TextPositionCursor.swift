/// Turns byte offsets into 1-based line and column, moving forward so a whole document costs one pass.
///
/// Lines end at LF, as libxml2 counts them: a CR LF pair ends one line, a lone CR ends none. Columns
/// count Unicode code points (`é` is one column, like libxml2's error columns), and a UTF-8 byte order
/// mark is not a column. Asking for an offset behind the cursor restarts it from the beginning.
struct TextPositionCursor {
    private let bytes: [UInt8]
    private let firstOffset: Int
    private(set) var offset: Int
    private(set) var line = 1
    private(set) var column = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        firstOffset = UTF8Validation.hasByteOrderMark(bytes) ? 3 : 0
        offset = firstOffset
    }

    /// The line and column of the byte at `target` (or of the end of input, for `bytes.count`).
    mutating func position(of target: Int) -> (line: Int, column: Int) {
        let target = min(max(target, firstOffset), bytes.count)
        if target < offset {
            offset = firstOffset
            line = 1
            column = 1
        }
        bytes.withUnsafeBufferPointer { buffer in
            var line = self.line
            var column = self.column
            for index in offset..<target {
                let byte = buffer[index]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            self.line = line
            self.column = column
        }
        offset = target
        return (line, column)
    }

    /// The position just after the last byte, where errors about a truncated document point.
    mutating func endPosition() -> (line: Int, column: Int) { position(of: bytes.count) }
}
