/// One attribute of an element, by local name and namespace URI, with its value after entity decoding.
///
/// Namespace declarations (`xmlns`, `xmlns:prefix`) are not attributes: they only give elements and
/// attributes their `namespace`. An unprefixed attribute has no namespace, even when its element has a
/// default namespace (Namespaces in XML 1.0, §6.2).
public struct XMLAttribute: Sendable, Hashable {
    /// Name and namespace, shared with every attribute of the document that has the same ones.
    var identity: XMLNodeIdentity
    /// The value, with `&amp;`-style and character references decoded.
    public var value: String

    public init(name: String, namespace: String? = nil, value: String) {
        self.init(identity: XMLNodeIdentity(name: name, namespace: namespace, file: ""), value: value)
    }

    init(identity: XMLNodeIdentity, value: String) {
        self.identity = identity
        self.value = value
    }

    /// The local name, without prefix.
    public var name: String {
        get { identity.name }
        set { identity = identity.with(name: newValue) }
    }

    /// The namespace URI of the prefix, or `nil` for an unprefixed attribute.
    public var namespace: String? {
        get { identity.namespace }
        set { identity = identity.with(namespace: .some(newValue)) }
    }

    public static func == (lhs: XMLAttribute, rhs: XMLAttribute) -> Bool {
        lhs.name == rhs.name && lhs.namespace == rhs.namespace && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(namespace)
        hasher.combine(value)
    }
}
