import PedigreeDiagnostics

/// One metadata entry Pedigree keeps, with where its key and value start in the file.
struct GGUFEntry: Sendable {
    var key: String
    var value: GGUFValue
    var keyOffset: Int
    var valueOffset: Int
}

/// The header of a GGUF file: its version, counts and the `general.*` metadata.
struct GGUFMetadata: Sendable {
    var version: UInt32
    var isBigEndian: Bool
    var tensorCount: UInt64
    var keyValueCount: UInt64
    /// The `general.*` entries in file order (the first of a repeated key).
    var entries: [GGUFEntry]
    /// How many entries outside `general.*` were skipped without being kept.
    var skippedEntryCount: Int
    /// Where the metadata ends (the tensor infos would start here).
    var endOffset: Int
    var diagnostics: [Diagnostic]

    subscript(key: String) -> GGUFEntry? { entries.first { $0.key == key } }
}

/// Parses the metadata section of a GGUF file, and nothing after it.
///
/// Grammar (ggml `docs/gguf.md`, versions 2 and 3; little-endian unless a version 3 file is
/// big-endian, which shows as a byte-swapped version field):
/// ```
/// file         = magic version tensor-count kv-count *kv      ; tensor infos and data follow, never read
/// magic        = %x47.47.55.46                                 ; "GGUF"
/// version      = uint32                                        ; 2 or 3 (1 used 32-bit counts)
/// tensor-count = uint64
/// kv-count     = uint64
/// kv           = string value-type value                       ; the string is the key
/// string       = uint64 *byte                                  ; length, then UTF-8 without a NUL
/// value-type   = uint32                                        ; 0..12, see GGUFValueType
/// value        = uint8 / int8 / uint16 / int16 / uint32 / int32 / float32 / bool / string
///              / array / uint64 / int64 / float64
/// array        = value-type uint64 *value                      ; element type, count, elements
/// ```
/// Every count and length is checked against the bytes that remain (each element takes at least
/// `GGUFValueType.minimumSize` bytes) before anything is read or allocated, so an absurd count is an
/// error with its byte offset rather than a huge allocation or a long loop. Only `general.*` values
/// are kept; the rest, the tokenizer's vocabulary of 100k+ strings among them, are stepped over.
enum GGUFMetadataParser {
    /// The specification's bound on a key's length.
    static let maxKeyBytes = 65_535
    /// A `general.*` string list longer than this (languages, tags, data sets) is skipped with a warning.
    static let maxListEntries = 4_096
    /// The fewest bytes a key/value pair takes: an empty key's length, a type, a one-byte value.
    static let minimumEntrySize = 8 + 4 + 1

    static let magic: [UInt8] = Array("GGUF".utf8)

    /// Parses the header and metadata.
    ///
    /// - Throws: `InputError` with a byte-offset location and one of the codes `gguf.bad-magic`,
    ///   `gguf.truncated`, `gguf.unsupported-version`, `gguf.kv-count-too-large`, `gguf.key-too-long`,
    ///   `gguf.string-too-long`, `gguf.array-too-long`, `gguf.unknown-value-type`, `gguf.too-deep`.
    static func parse(_ bytes: [UInt8], file: String, limits: InputLimits) throws(InputError) -> GGUFMetadata {
        var parser = Parser(cursor: GGUFByteCursor(bytes: bytes, file: file), limits: limits)
        return try parser.parse()
    }

    private struct Parser {
        var cursor: GGUFByteCursor
        let limits: InputLimits
        var diagnostics = DiagnosticCollector()

        init(cursor: GGUFByteCursor, limits: InputLimits) {
            self.cursor = cursor
            self.limits = limits
        }

        mutating func parse() throws(InputError) -> GGUFMetadata {
            try readMagic()
            let version = try readVersion()
            let tensorCount = try cursor.uint64("the tensor count")
            let countOffset = cursor.offset
            let keyValueCount = try cursor.uint64("the metadata key/value count")
            let most = cursor.remaining / GGUFMetadataParser.minimumEntrySize
            guard keyValueCount <= UInt64(most) else {
                throw InputError(
                    "gguf.kv-count-too-large",
                    "the header announces \(keyValueCount) metadata entries, but the \(cursor.remaining) bytes that follow hold at most \(most)",
                    at: cursor.location(countOffset))
            }
            var entries: [GGUFEntry] = []
            var seen: Set<String> = []
            var skipped = 0
            for _ in 0..<Int(keyValueCount) {
                let keyOffset = cursor.offset
                let key = try readKey()
                let typeOffset = cursor.offset
                let type = try readType(of: "'\(key)'")
                let valueOffset = cursor.offset
                let keep = key.hasPrefix("general.")
                let value = try readValue(type, keep: keep, key: key, depth: 0, typeOffset: typeOffset)
                guard keep else {
                    skipped += 1
                    continue
                }
                guard seen.insert(key).inserted else {
                    diagnostics.warning(
                        "gguf.duplicate-key", "the metadata key '\(key)' appears again; the first value is kept",
                        at: cursor.location(keyOffset))
                    continue
                }
                entries.append(GGUFEntry(key: key, value: value, keyOffset: keyOffset, valueOffset: valueOffset))
            }
            return GGUFMetadata(
                version: version, isBigEndian: cursor.isBigEndian, tensorCount: tensorCount, keyValueCount: keyValueCount,
                entries: entries, skippedEntryCount: skipped, endOffset: cursor.offset, diagnostics: diagnostics.diagnostics)
        }

        mutating func readMagic() throws(InputError) {
            let head = cursor.bytes.prefix(4)
            if head.count < 4, head.elementsEqual(GGUFMetadataParser.magic.prefix(head.count)) {
                throw InputError(
                    "gguf.truncated", "the file ends inside the magic: \(head.count) of 4 bytes", at: cursor.location(0))
            }
            guard head.elementsEqual(GGUFMetadataParser.magic) else {
                let found = head.map { byte in
                    let hex = String(byte, radix: 16)
                    return hex.count == 1 ? "0" + hex : hex
                }.joined(separator: " ")
                throw InputError(
                    "gguf.bad-magic", "expected the magic 'GGUF' (47 47 55 46), found \(found.isEmpty ? "nothing" : found)",
                    at: cursor.location(0))
            }
            cursor.offset = 4
        }

        /// Reads the version; a byte-swapped 2 or 3 means a big-endian file, read as such from here on.
        mutating func readVersion() throws(InputError) -> UInt32 {
            let versionOffset = cursor.offset
            let raw = try cursor.uint32("the version")
            if raw == 2 || raw == 3 { return raw }
            let swapped = raw.byteSwapped
            if swapped == 2 || swapped == 3 {
                cursor.isBigEndian = true
                return swapped
            }
            let shown = raw <= 0xFFFF ? raw : (swapped <= 0xFFFF ? swapped : raw)
            let why = shown == 1 ? " (version 1 used 32-bit counts and is no longer written)" : ""
            throw InputError(
                "gguf.unsupported-version", "expected GGUF version 2 or 3, found version \(shown)\(why)",
                at: cursor.location(versionOffset))
        }

        mutating func readType(of what: @autoclosure () -> String) throws(InputError) -> GGUFValueType {
            let offset = cursor.offset
            let raw = try cursor.uint32("the value type of \(what())")
            guard let type = GGUFValueType(rawValue: raw) else {
                throw InputError(
                    "gguf.unknown-value-type", "expected a value type from 0 to 12 for \(what()), found \(raw)",
                    at: cursor.location(offset))
            }
            return type
        }

        mutating func readKey() throws(InputError) -> String {
            let lengthOffset = cursor.offset
            let length = try cursor.uint64("the length of a metadata key")
            guard length <= UInt64(cursor.remaining) else {
                throw InputError(
                    "gguf.string-too-long",
                    "a metadata key claims \(length) bytes, but only \(cursor.remaining) bytes are left in the file",
                    at: cursor.location(lengthOffset))
            }
            guard length <= UInt64(GGUFMetadataParser.maxKeyBytes) else {
                throw InputError(
                    "gguf.key-too-long",
                    "a metadata key claims \(length) bytes; keys are at most \(GGUFMetadataParser.maxKeyBytes) bytes",
                    at: cursor.location(lengthOffset))
            }
            let raw = try cursor.take(Int(length), what: "a metadata key")
            return decode(raw, what: "a metadata key", at: lengthOffset)
        }

        /// Reads a string; one that is not kept is only bounded by the file, a kept one also by the limit.
        mutating func readString(keep: Bool, key: String) throws(InputError) -> String? {
            let lengthOffset = cursor.offset
            let length = try cursor.uint64("the length of a string in '\(key)'")
            guard length <= UInt64(cursor.remaining) else {
                throw InputError(
                    "gguf.string-too-long",
                    "a string in '\(key)' claims \(length) bytes, but only \(cursor.remaining) bytes are left in the file",
                    at: cursor.location(lengthOffset))
            }
            guard keep else {
                try cursor.skip(Int(length), what: "a string in '\(key)'")
                return nil
            }
            guard length <= UInt64(limits.maxStringBytes) else {
                throw InputError(
                    "gguf.string-too-long",
                    "a string in '\(key)' has \(length) bytes, more than the limit of \(limits.maxStringBytes) bytes",
                    at: cursor.location(lengthOffset))
            }
            let raw = try cursor.take(Int(length), what: "a string in '\(key)'")
            return decode(raw, what: "the value of '\(key)'", at: lengthOffset)
        }

        mutating func readValue(
            _ type: GGUFValueType, keep: Bool, key: String, depth: Int, typeOffset: Int
        ) throws(InputError) -> GGUFValue {
            switch type {
            case .uint8: return .unsigned(try cursor.unsigned(size: 1, what: "the value of '\(key)'"))
            case .uint16: return .unsigned(try cursor.unsigned(size: 2, what: "the value of '\(key)'"))
            case .uint32: return .unsigned(try cursor.unsigned(size: 4, what: "the value of '\(key)'"))
            case .uint64: return .unsigned(try cursor.unsigned(size: 8, what: "the value of '\(key)'"))
            case .int8: return .signed(Int64(Int8(truncatingIfNeeded: try cursor.unsigned(size: 1, what: "the value of '\(key)'"))))
            case .int16: return .signed(Int64(Int16(truncatingIfNeeded: try cursor.unsigned(size: 2, what: "the value of '\(key)'"))))
            case .int32: return .signed(Int64(Int32(truncatingIfNeeded: try cursor.unsigned(size: 4, what: "the value of '\(key)'"))))
            case .int64: return .signed(Int64(bitPattern: try cursor.unsigned(size: 8, what: "the value of '\(key)'")))
            case .float32:
                let bits = UInt32(truncatingIfNeeded: try cursor.unsigned(size: 4, what: "the value of '\(key)'"))
                return .float(Double(Float(bitPattern: bits)))
            case .float64: return .float(Double(bitPattern: try cursor.unsigned(size: 8, what: "the value of '\(key)'")))
            case .bool: return .bool(try cursor.unsigned(size: 1, what: "the value of '\(key)'") != 0)
            case .string: return .string(try readString(keep: keep, key: key) ?? "")
            case .array: return try readArray(keep: keep, key: key, depth: depth + 1)
            }
        }

        /// Reads an array: string lists of kept keys are materialised, everything else is stepped over.
        mutating func readArray(keep: Bool, key: String, depth: Int) throws(InputError) -> GGUFValue {
            let arrayOffset = cursor.offset
            guard depth <= limits.maxJSONDepth else {
                throw InputError(
                    "gguf.too-deep",
                    "the arrays in '\(key)' nest more than \(limits.maxJSONDepth) levels deep",
                    at: cursor.location(arrayOffset))
            }
            let elementType = try readType(of: "the elements of '\(key)'")
            let countOffset = cursor.offset
            let count = try cursor.uint64("the element count of '\(key)'")
            let most = cursor.remaining / elementType.minimumSize
            guard count <= UInt64(most) else {
                throw InputError(
                    "gguf.array-too-long",
                    "an array of \(elementType.name) in '\(key)' claims \(count) elements, but the \(cursor.remaining) bytes left hold at most \(most)",
                    at: cursor.location(countOffset))
            }
            let elements = Int(count)
            if keep, elementType == .string, depth == 1 {
                guard elements <= GGUFMetadataParser.maxListEntries else {
                    diagnostics.warning(
                        "gguf.list-too-long",
                        "'\(key)' lists \(elements) strings, more than the \(GGUFMetadataParser.maxListEntries) kept; skipped",
                        at: cursor.location(countOffset))
                    try skipElements(elementType, count: elements, key: key, depth: depth)
                    return .skippedArray(elementType: elementType, count: count)
                }
                var strings: [String] = []
                strings.reserveCapacity(elements)
                for _ in 0..<elements { strings.append(try readString(keep: true, key: key) ?? "") }
                return .strings(strings)
            }
            try skipElements(elementType, count: elements, key: key, depth: depth)
            return .skippedArray(elementType: elementType, count: count)
        }

        mutating func skipElements(_ type: GGUFValueType, count: Int, key: String, depth: Int) throws(InputError) {
            if let size = type.fixedSize {
                try cursor.skip(count * size, what: "the elements of '\(key)'")
                return
            }
            for _ in 0..<count {
                if type == .string {
                    _ = try readString(keep: false, key: key)
                } else {
                    _ = try readArray(keep: false, key: key, depth: depth + 1)
                }
            }
        }

        /// Decodes UTF-8; invalid sequences become U+FFFD with a warning, since a name is still useful.
        mutating func decode(_ raw: ArraySlice<UInt8>, what: String, at offset: Int) -> String {
            let text = String(decoding: raw, as: UTF8.self)
            if !text.utf8.elementsEqual(raw) {
                diagnostics.warning(
                    "gguf.invalid-utf8", "\(what) is not valid UTF-8; invalid bytes are shown as U+FFFD",
                    at: cursor.location(offset))
            }
            return text
        }
    }
}
