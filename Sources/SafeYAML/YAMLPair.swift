/// One entry of a YAML mapping: a scalar key and its value, both with their positions.
///
/// Keys are always scalars: the composer rejects alias and collection keys, so a key's text
/// identifies the entry and `YAMLNode.subscript(_:)` can look it up.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
