import PedigreeDiagnostics

/// Reads GGUF's fixed-width numbers from untrusted bytes, never past their end.
///
/// Every read first checks that its bytes are there and throws `gguf.truncated` at the offset where
/// the value starts otherwise, so a short or cut-off file is an error with a position, not a crash.
struct GGUFByteCursor {
    let bytes: [UInt8]
    let file: String
    var offset: Int = 0
    /// GGUF is little-endian; version 3 also allows big-endian files, told apart by their version field.
    var isBigEndian = false

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    var remaining: Int { bytes.count - offset }

    func location(_ at: Int) -> SourceLocation { .offset(at, in: file) }

    mutating func require(_ count: Int, for what: @autoclosure () -> String) throws(InputError) {
        guard count <= remaining else {
            throw InputError(
                "gguf.truncated",
                "the file ends inside \(what()): \(count) bytes needed at offset \(offset), \(remaining) left",
                at: location(offset))
        }
    }

    /// Reads `size` bytes as an unsigned integer in the file's byte order.
    mutating func unsigned(size: Int, what: @autoclosure () -> String) throws(InputError) -> UInt64 {
        try require(size, for: what())
        var value: UInt64 = 0
        if isBigEndian {
            for index in 0..<size { value = value << 8 | UInt64(bytes[offset + index]) }
        } else {
            for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        }
        offset += size
        return value
    }

    mutating func uint32(_ what: @autoclosure () -> String) throws(InputError) -> UInt32 {
        UInt32(truncatingIfNeeded: try unsigned(size: 4, what: what()))
    }

    mutating func uint64(_ what: @autoclosure () -> String) throws(InputError) -> UInt64 { try unsigned(size: 8, what: what()) }

    mutating func skip(_ count: Int, what: @autoclosure () -> String) throws(InputError) {
        try require(count, for: what())
        offset += count
    }

    /// Reads `count` bytes (the caller has bounded `count`).
    mutating func take(_ count: Int, what: @autoclosure () -> String) throws(InputError) -> ArraySlice<UInt8> {
        try require(count, for: what())
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }
}
