/// A deterministic 64-bit FNV-1a hash, printed as 16 hex digits.
///
/// Swift's `Hasher` is seeded per process, so it cannot give values that stay equal across runs;
/// FNV-1a is small, fast and stable, which is all a fingerprint needs (it is not a security boundary).
public enum Fingerprint {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Hashes the fields in order, separated by a unit separator so that `["ab", "c"]` ≠ `["a", "bc"]`.
    public static func make(_ fields: [String]) -> String {
        var hash = offsetBasis
        for (index, field) in fields.enumerated() {
            if index > 0 {
                hash ^= 0x1F
                hash = hash &* prime
            }
            for byte in field.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* prime
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The identity of a component that survives version bumps and regenerated refs: the purl
    /// without version, qualifiers and subpath, else the name; lowercased.
    public static func identity(purl: String?, name: String) -> String {
        if let purl, !purl.isEmpty {
            let bytes = Array(purl.utf8)
            if bytes.allSatisfy({ (0x21...0x7E).contains($0) }) { return visibleASCIIIdentity(bytes) }
            var base = Substring(purl)
            if let cut = base.firstIndex(where: { $0 == "?" || $0 == "#" }) { base = base[..<cut] }
            if let at = base.lastIndex(of: "@"), let slash = base.lastIndex(of: "/"), at > slash {
                base = base[..<at]
            } else if let at = base.lastIndex(of: "@"), !base.contains("/") {
                base = base[..<at]
            }
            return base.lowercased()
        }
        return name.trimmingCharacters().lowercased()
    }

    /// The same cut on the bytes of a purl made only of visible ASCII (the usual case): there every
    /// byte is a whole character, so byte searches match the character-level ones above while sparing
    /// their grapheme work, which adds up over the findings of a large graph.
    private static func visibleASCIIIdentity(_ bytes: [UInt8]) -> String {
        var end = bytes.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? bytes.count
        let base = bytes[..<end]
        if let at = base.lastIndex(of: UInt8(ascii: "@")) {
            if let slash = base.lastIndex(of: UInt8(ascii: "/")) {
                if at > slash { end = at }
            } else {
                end = at
            }
        }
        return String(decoding: bytes[..<end], as: UTF8.self).lowercased()
    }
}

extension String {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
