import PedigreeModel

/// A component whose license is a fact, possibly only for some versions or dates (`knownComponents`).
///
/// Identifiers are matched case-insensitively against a component's purl (without version, qualifiers
/// and subpath), its Hugging Face id (`org/name`, also inside `pkg:huggingface/org/name`) or its name.
public struct KnownComponent: Sendable, Hashable {
    public var identifiers: [String]
    /// The license as an SPDX expression (`MIT`, `LicenseRef-…`).
    public var license: String
    public var versionRange: VersionRange?
    /// The first day the license applies (`YYYY-MM-DD`), when it changed over time.
    public var validFrom: String?
    /// The last day the license applied.
    public var validUntil: String?
    public var sources: [String]
    public var note: String
    /// The models this one was made from, when its own statements leave them out (delta weights of
    /// LLaMA 1 published under the code's license): audits add the base and the edge to the lineage.
    public var derivedFrom: [KnownBase]

    public init(
        identifiers: [String], license: String, versionRange: VersionRange? = nil, validFrom: String? = nil,
        validUntil: String? = nil, sources: [String], note: String, derivedFrom: [KnownBase] = []
    ) {
        self.identifiers = identifiers
        self.license = license
        self.versionRange = versionRange
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.sources = sources
        self.note = note
        self.derivedFrom = derivedFrom
    }

    /// The fact as the engine receives it, its validity spelled out in the note.
    public var fact: KnownLicenseFact {
        var validity: [String] = []
        if let versionRange { validity.append("versions \(versionRange)") }
        if let validFrom { validity.append("since \(validFrom)") }
        if let validUntil { validity.append("until \(validUntil)") }
        let note = validity.isEmpty ? self.note : "\(self.note) (\(validity.joined(separator: ", ")))"
        return KnownLicenseFact(license: license, note: note, sources: sources)
    }

    /// Whether `date` (`YYYY-MM-DD`) lies in the validity window; an unknown date fits any window.
    func isValid(on date: String?) -> Bool {
        guard let date else { return true }
        if let validFrom, date < validFrom { return false }
        if let validUntil, date > validUntil { return false }
        return true
    }

    /// Whether a version lies in the range; with no range every version matches, with no version only
    /// an entry without a range matches.
    func covers(version: String?) -> Bool {
        guard let versionRange else { return true }
        guard let version else { return false }
        return versionRange.contains(version)
    }

    /// The identity keys a component presents: purl without version, its HF id, its name.
    static func identityKeys(purl: String?, name: String) -> [String] {
        var keys: [String] = []
        if let purl, let base = purlWithoutVersion(purl) {
            keys.append(base)
            let huggingFace = "pkg:huggingface/"
            if base.hasPrefix(huggingFace) { keys.append(String(base.dropFirst(huggingFace.count))) }
        }
        let trimmed = LicenseNameKey.trimmed(name)
        if !trimmed.isEmpty { keys.append(trimmed.lowercased()) }
        return keys
    }

    /// `pkg:type/namespace/name@version?qualifiers#subpath` -> `pkg:type/namespace/name`, lowercased.
    static func purlWithoutVersion(_ purl: String) -> String? {
        let bytes = Array(purl.utf8)
        if bytes.allSatisfy(LicenseNameKey.isVisibleASCII) { return visibleASCIIPurlWithoutVersion(bytes) }
        var text = Substring(LicenseNameKey.trimmed(purl))
        guard text.lowercased().hasPrefix("pkg:") else { return nil }
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        if let question = text.firstIndex(of: "?") { text = text[..<question] }
        if let at = text.lastIndex(of: "@"), let slash = text.lastIndex(of: "/"), at > slash { text = text[..<at] }
        return LicenseNameKey.percentDecoded(String(text)).lowercased()
    }

    /// The same cut on the bytes of a purl made only of visible ASCII (the usual case): such text has no
    /// whitespace to trim, every byte is a whole character and lowercases on its own, so byte searches
    /// give the character-level result without grapheme and Unicode case work on every component.
    private static func visibleASCIIPurlWithoutVersion(_ bytes: [UInt8]) -> String? {
        let scheme = Array("pkg:".utf8)
        guard bytes.count >= scheme.count,
            zip(bytes, scheme).allSatisfy({ byte, expected in asciiLowercased(byte) == expected })
        else { return nil }
        var end = bytes.count
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) { end = hash }
        if let question = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) { end = question }
        if let at = bytes[..<end].lastIndex(of: UInt8(ascii: "@")), let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")),
            at > slash
        {
            end = at
        }
        return LicenseNameKey.percentDecoded(String(decoding: bytes[..<end], as: UTF8.self)).lowercased()
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte
    }
}

extension KnownComponent: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        try container.rejectUnknownKeys(
            ["identifiers", "license", "versionRange", "validFrom", "validUntil", "sources", "note", "derivedFrom"],
            in: "known component")
        identifiers = try container.required("identifiers")
        license = try container.required("license")
        if let range: String = try container.optional("versionRange") {
            guard let parsed = VersionRange(range) else {
                throw DecodingError.dataCorruptedError(
                    forKey: AnyCodingKey("versionRange"), in: container,
                    debugDescription: "version range '\(range)' is not a list of comparisons like '<0.4.0' or '>=2.0.0, <3'")
            }
            versionRange = parsed
        }
        for key in ["validFrom", "validUntil"] {
            if let date: String = try container.optional(key), !Self.isDate(date) {
                throw DecodingError.dataCorruptedError(
                    forKey: AnyCodingKey(key), in: container, debugDescription: "'\(date)' is not a date like 2024-05-30")
            }
        }
        validFrom = try container.optional("validFrom")
        validUntil = try container.optional("validUntil")
        sources = try container.required("sources")
        note = try container.optional("note", default: "")
        derivedFrom = try container.optional("derivedFrom", default: [])
    }

    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}

/// A base model a known component was made from: another known component (by one of its identifiers)
/// and how the derivative was made from it.
public struct KnownBase: Sendable, Hashable {
    public var identifier: String
    public var relationship: EdgeKind

    public init(identifier: String, relationship: EdgeKind) {
        self.identifier = identifier
        self.relationship = relationship
    }
}

extension KnownBase: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        try container.rejectUnknownKeys(["identifier", "relationship"], in: "known base")
        identifier = try container.required("identifier")
        let relationship: String = try container.required("relationship")
        guard let kind = EdgeKind(rawValue: relationship), kind.isDerivative else {
            throw DecodingError.dataCorruptedError(
                forKey: AnyCodingKey("relationship"), in: container,
                debugDescription: "'\(relationship)' is not a derivative relationship such as fine-tuned-from or derived-from")
        }
        self.relationship = kind
    }
}
