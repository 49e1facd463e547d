/// A JSON object: its members in document order, with unique keys.
///
/// Order is kept because reports and diagnostics follow the document. The parser rejects duplicate
/// keys (Foundation keeps the last one, `JSONDecoder` the first: two tools would read two different
/// SBOMs), so a lookup by key is unambiguous. Objects with many members carry a key index built
/// while parsing, which the duplicate check needs anyway; small objects are searched linearly,
/// which is faster than hashing for the dozen keys an SBOM object usually has.
///
/// Keys compare as Swift strings, by canonical equivalence: `"é"` written precomposed and as `e` plus
/// a combining accent are the same key, so the parser rejects an object that has both rather than
/// let two keys that look identical hold different values. The index uses Swift's seeded hashing,
/// so a document cannot be crafted to make lookups or the duplicate check quadratic.
public struct JSONObject: Sendable {
    public var members: [(key: String, value: JSONValue)] {
        didSet { index = nil }
    }

    /// Key to position in `members`, present only for large objects built by the parser.
    private var index: [String: Int]?

    /// Objects with more members than this get a key index.
    static let indexThreshold = 16

    public init() {
        self.members = []
        self.index = nil
    }

    /// An object with the given members; a repeated key is found at its first occurrence.
    public init(_ members: [(key: String, value: JSONValue)]) {
        self.members = members
        self.index = nil
        if members.count > Self.indexThreshold {
            var index: [String: Int] = [:]
            index.reserveCapacity(members.count)
            for (position, member) in members.enumerated() where index[member.key] == nil {
                index[member.key] = position
            }
            self.index = index
        }
    }

    init(members: [(key: String, value: JSONValue)], index: [String: Int]?) {
        self.members = members
        self.index = index
    }

    public subscript(key: String) -> JSONValue? {
        if let index {
            guard let position = index[key] else { return nil }
            return members[position].value
        }
        for member in members where member.key == key { return member.value }
        return nil
    }

    public var keys: [String] { members.map(\.key) }

    public var count: Int { members.count }

    public var isEmpty: Bool { members.isEmpty }
}
