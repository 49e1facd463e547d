/// Decoding helpers that refuse keys the schema does not define, so a typo in the data file fails loudly.
struct AnyCodingKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ stringValue: String) { self.stringValue = stringValue }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// Throws when the object has a key outside `allowed` (or, with `commentPrefix`, not starting with it).
    func rejectUnknownKeys(_ allowed: Set<String>, in what: @autoclosure () -> String, commentPrefix: String? = nil)
        throws
    {
        for key in allKeys where !allowed.contains(key.stringValue) {
            if let commentPrefix, key.stringValue.hasPrefix(commentPrefix) { continue }
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "unknown key '\(key.stringValue)' in \(what()); expected one of \(allowed.sorted().map { "'\($0)'" }.joined(separator: ", "))")
        }
    }

    func required<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T {
        try decode(T.self, forKey: AnyCodingKey(key))
    }

    /// The value, or `fallback` when the key is missing or null.
    func optional<T: Decodable>(_ key: String, default fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: AnyCodingKey(key)) ?? fallback
    }

    func optional<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T? {
        try decodeIfPresent(T.self, forKey: AnyCodingKey(key))
    }
}
