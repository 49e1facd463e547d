import Foundation

/// The known license texts as hashes: per license the hash of its whitespace-collapsed text, the hash
/// of its normalised words and its word n-grams, with an inverted index from n-gram to license.
///
/// The data is `Data/license-text-index.bin`, written by `Scripts/generate-license-text-index.py` from
/// ScanCode LicenseDB (nexB Inc. and others, CC-BY-4.0; `credit` says so); it holds no license text.
/// Layout, little-endian: magic `PDGTXI01`; six `UInt32` (n-gram length, sample rate, licenses,
/// postings, string bytes, credit bytes); the credit; one 40-byte record per license (exact hash,
/// normalised hash, n-gram count, flags, id offset, key offset, id length, key length, padding); the
/// postings' n-gram hashes (`UInt32`, ascending) and their license numbers (`UInt16`); the strings.
///
/// Decisions: a license with more than a few hundred n-grams keeps only those whose hash is divisible
/// by `sampleRate`, and a query is compared under the same rule, which keeps the file near 3 MB;
/// licenses are stored preferred first (current, not an exception, SPDX id), so on equal texts the
/// first one names the match.
public struct LicenseTextIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        /// SPDX id, else `LicenseRef-scancode-<key>`.
        public var id: String
        /// The ScanCode LicenseDB key.
        public var key: String
        public var exactHash: UInt64
        public var normalizedHash: UInt64
        /// Distinct n-grams kept for this license.
        public var gramCount: Int
        /// Whether only the sampled n-grams were kept.
        public var isSampled: Bool
        public var isException: Bool
        public var isDeprecated: Bool
    }

    public let gramLength: Int
    public let sampleRate: UInt32
    public let entries: [Entry]
    /// Where the data comes from and under which license.
    public let credit: String
    let postingHashes: [UInt32]
    let postingLicenses: [UInt16]
    let byExactHash: [UInt64: Int]
    let byNormalizedHash: [UInt64: Int]

    /// The bundled index, read on first use.
    public static let shared: Result<LicenseTextIndex, LicenseTextIndexError> = {
        do throws(LicenseTextIndexError) {
            return .success(try bundled())
        } catch {
            return .failure(error)
        }
    }()

    /// Reads the bundled index.
    ///
    /// - Throws: `LicenseTextIndexError` when the resource is missing or damaged.
    public static func bundled() throws(LicenseTextIndexError) -> LicenseTextIndex {
        guard let url = Bundle.module.url(forResource: "license-text-index", withExtension: "bin") else {
            throw LicenseTextIndexError("the bundled license text index 'license-text-index.bin' is missing")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LicenseTextIndexError("cannot read the bundled license text index: \(error)")
        }
        return try LicenseTextIndex(bytes: data)
    }

    /// Decodes an index, checking every length and offset against the data.
    ///
    /// - Throws: `LicenseTextIndexError` naming what does not fit.
    public init(bytes data: Data) throws(LicenseTextIndexError) {
        var reader = ByteReader(data: data)
        guard reader.take(8) == Array("PDGTXI01".utf8) else { throw LicenseTextIndexError("not a license text index") }
        let header = try (0..<6).map { _ throws(LicenseTextIndexError) in Int(try reader.uint32()) }
        let (licenses, postings, stringBytes, creditBytes) = (header[2], header[3], header[4], header[5])
        guard header[0] > 0, header[1] > 0, licenses <= Int(UInt16.max) else {
            throw LicenseTextIndexError("the license text index header is invalid")
        }
        gramLength = header[0]
        sampleRate = UInt32(header[1])
        credit = String(decoding: try reader.bytes(creditBytes), as: UTF8.self)
        let records = try reader.bytes(licenses * 40)
        postingHashes = try reader.uint32s(postings)
        postingLicenses = try reader.uint16s(postings)
        let strings = try reader.bytes(stringBytes)
        guard reader.isAtEnd else { throw LicenseTextIndexError("the license text index has trailing bytes") }
        entries = try Self.entries(records: records, strings: strings, count: licenses)
        guard postingLicenses.allSatisfy({ Int($0) < licenses }) else {
            throw LicenseTextIndexError("a posting names a license beyond the table")
        }
        var exact: [UInt64: Int] = [:]
        var normalized: [UInt64: Int] = [:]
        for (number, entry) in entries.enumerated() {
            if exact[entry.exactHash] == nil { exact[entry.exactHash] = number }
            if normalized[entry.normalizedHash] == nil { normalized[entry.normalizedHash] = number }
        }
        byExactHash = exact
        byNormalizedHash = normalized
    }

    private static func entries(records: [UInt8], strings: [UInt8], count: Int) throws(LicenseTextIndexError) -> [Entry] {
        var reader = ByteReader(data: Data(records))
        var result: [Entry] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let exact = try reader.uint64()
            let normalized = try reader.uint64()
            let grams = Int(try reader.uint32())
            let flags = try reader.uint32()
            let idOffset = Int(try reader.uint32())
            let keyOffset = Int(try reader.uint32())
            let idLength = Int(try reader.uint16())
            let keyLength = Int(try reader.uint16())
            _ = try reader.uint32()
            guard idOffset + idLength <= strings.count, keyOffset + keyLength <= strings.count else {
                throw LicenseTextIndexError("a license name lies beyond the string table")
            }
            result.append(Entry(
                id: String(decoding: strings[idOffset..<(idOffset + idLength)], as: UTF8.self),
                key: String(decoding: strings[keyOffset..<(keyOffset + keyLength)], as: UTF8.self),
                exactHash: exact, normalizedHash: normalized, gramCount: grams, isSampled: flags & 1 != 0,
                isException: flags & 2 != 0, isDeprecated: flags & 4 != 0))
        }
        return result
    }

    /// The license whose whitespace-collapsed text hashes to this value.
    func exactMatch(_ hash: UInt64) -> Int? { byExactHash[hash] }

    /// The license whose normalised words hash to this value.
    func normalizedMatch(_ hash: UInt64) -> Int? { byNormalizedHash[hash] }

    /// The licenses holding an n-gram hash, each once (postings are sorted by hash).
    ///
    /// - Complexity: O(log P + k) for P postings and k licenses holding the n-gram.
    func licenses(holding gram: UInt32, _ body: (Int) -> Void) {
        var low = 0
        var high = postingHashes.count
        while low < high {
            let middle = (low + high) / 2
            if postingHashes[middle] < gram { low = middle + 1 } else { high = middle }
        }
        while low < postingHashes.count, postingHashes[low] == gram {
            body(Int(postingLicenses[low]))
            low += 1
        }
    }
}

/// The bundled license text index could not be read: a broken installation, not bad input.
public struct LicenseTextIndexError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Little-endian reads with bounds checks.
private struct ByteReader {
    let data: Data
    var offset = 0

    init(data: Data) { self.data = data }

    var isAtEnd: Bool { offset == data.count }

    mutating func bytes(_ count: Int) throws(LicenseTextIndexError) -> [UInt8] {
        guard count >= 0, count <= data.count - offset else {
            throw LicenseTextIndexError("the license text index is truncated")
        }
        let start = data.startIndex + offset
        offset += count
        return [UInt8](data[start..<(start + count)])
    }

    mutating func take(_ count: Int) -> [UInt8]? { try? bytes(count) }

    mutating func uint16() throws(LicenseTextIndexError) -> UInt16 {
        let b = try bytes(2)
        return UInt16(b[0]) | UInt16(b[1]) << 8
    }

    mutating func uint32() throws(LicenseTextIndexError) -> UInt32 {
        let b = try bytes(4)
        return b.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func uint64() throws(LicenseTextIndexError) -> UInt64 {
        let b = try bytes(8)
        return b.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func uint32s(_ count: Int) throws(LicenseTextIndexError) -> [UInt32] {
        let raw = try bytes(count * 4)
        return raw.withUnsafeBytes { buffer in
            (0..<count).map { UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
    }

    mutating func uint16s(_ count: Int) throws(LicenseTextIndexError) -> [UInt16] {
        let raw = try bytes(count * 2)
        return raw.withUnsafeBytes { buffer in
            (0..<count).map { UInt16(littleEndian: buffer.loadUnaligned(fromByteOffset: $0 * 2, as: UInt16.self)) }
        }
    }
}
