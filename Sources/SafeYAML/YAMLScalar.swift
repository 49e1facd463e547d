/// A YAML scalar as written: its text, whether it was plain (unquoted), and its explicit tag.
///
/// The text is kept verbatim so that a reader can quote it back; interpretation as null, bool,
/// integer or float follows the YAML 1.2 core schema (see `YAMLCoreSchema`) and applies only to
/// plain scalars without a tag, so `"true"` in quotes stays a string.
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's text after YAML's quoting and folding rules were applied.
    public var value: String
    /// `true` when the scalar was written without quotes and not as a block scalar.
    public var isPlain: Bool
    /// The resolved explicit tag, such as `tag:yaml.org,2002:str` for `!!str` or `!` for the
    /// non-specific tag; `nil` when the scalar carries none.
    public var tag: String?

    public init(value: String, isPlain: Bool, tag: String? = nil) {
        self.value = value
        self.isPlain = isPlain
        self.tag = tag
    }

    /// What the scalar means under the core schema, honouring an explicit tag.
    var resolution: YAMLCoreSchema.Resolution { YAMLCoreSchema.resolve(self) }

    /// `true` for `~`, `null`, `Null`, `NULL` and the empty plain scalar, or a `!!null` scalar.
    public var isNull: Bool { resolution == .null }

    /// The boolean for `true`/`True`/`TRUE`/`false`/`False`/`FALSE`, or a `!!bool` scalar.
    public var bool: Bool? {
        if case .bool(let value) = resolution { return value }
        return nil
    }

    /// The integer for a decimal, `0o` octal or `0x` hexadecimal scalar that fits in `Int`.
    public var int: Int? {
        if case .integer(let value) = resolution { return value }
        return nil
    }

    /// The number for a float scalar (including `.inf` and `.nan`) or an integer scalar.
    public var double: Double? {
        switch resolution {
        case .float(let value): return value
        case .integer(let value): return value.map(Double.init) ?? YAMLCoreSchema.decimalDouble(value: self.value)
        default: return nil
        }
    }
}
