/// One attribute of an element, by local name and namespace URI, with its value after entity decoding.
///
/// Namespace declarations (`xmlns`, `xmlns:prefix`) are not attributes: they only give elements and
/// attributes their `namespace`. An unprefixed attribute has no namespace, even when its element has a
/// default namespace (Namespaces in XML 1.0, §6.2).
public struct XMLAttribute: Sendable, Hashable {
    /// The local name, without prefix.
    public var name: String
    /// The namespace URI of the prefix, or `nil` for an unprefixed attribute.
    public var namespace: String?
    /// The value, with `&amp;`-style and character references decoded.
    public var value: String

    public init(name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}
