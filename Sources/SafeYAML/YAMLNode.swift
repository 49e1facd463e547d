public import PedigreeDiagnostics

/// A node of a composed YAML document, with the position where it starts.
///
/// Aliases are already replaced by the value of the node they refer to (arrays are copy-on-write,
/// so a repeated subtree is shared, not copied), and the composer has bounded the expanded size, so
/// a reader may walk the tree without further checks. Mapping keys are unique scalars.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var kind: Kind
    /// File, 1-based line and 1-based column (in characters) of the node's first token; for a
    /// node that came from an alias, the position of the alias.
    public var location: SourceLocation

    public init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The value of the entry whose key text is `key`, when this node is a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = kind else { return nil }
        for pair in pairs where pair.key.scalar?.value == key { return pair.value }
        return nil
    }

    /// The scalar, with its text, style and tag.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The scalar's text; `nil` for null scalars and for collections.
    public var string: String? {
        guard let scalar, !scalar.isNull else { return nil }
        return scalar.value
    }

    /// `true` for a null scalar: `~`, `null` or an empty plain scalar.
    public var isNull: Bool { scalar?.isNull ?? false }

    public var bool: Bool? { scalar?.bool }

    public var int: Int? { scalar?.int }

    public var double: Double? { scalar?.double }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }
}
