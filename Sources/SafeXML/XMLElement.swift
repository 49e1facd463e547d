public import PedigreeDiagnostics

/// An element of a parsed XML document: name, namespace, attributes, element children, direct text.
///
/// The tree keeps only what format readers need, so that a document of 100,000 components stays a
/// few times its size in memory: comments and processing instructions are dropped, and text and
/// CDATA children are joined into `text` rather than kept as nodes. Every element knows where its
/// start tag begins, so diagnostics and SARIF results can point into the document.
public struct XMLElement: Sendable {
    /// Name, namespace and file, shared with every element of the document that has the same ones.
    var identity: XMLNodeIdentity
    /// The attributes in document order, namespace declarations excluded.
    public var attributes: [XMLAttribute]
    /// The element children in document order.
    public var children: [XMLElement]
    /// The direct text and CDATA children joined in document order, not trimmed; text inside child
    /// elements is not included.
    public var text: String
    private var line: Int32
    private var column: Int32

    public init(
        name: String, namespace: String? = nil, attributes: [XMLAttribute] = [], children: [XMLElement] = [],
        text: String = "", location: SourceLocation
    ) {
        self.init(
            identity: XMLNodeIdentity(name: name, namespace: namespace, file: location.file), attributes: attributes,
            children: children, text: text, line: location.line, column: location.column)
    }

    init(
        identity: XMLNodeIdentity, attributes: [XMLAttribute], children: [XMLElement], text: String, line: Int,
        column: Int
    ) {
        self.identity = identity
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = Int32(clamping: line)
        self.column = Int32(clamping: column)
    }

    /// The local name, without prefix.
    public var name: String {
        get { identity.name }
        set { identity = identity.with(name: newValue) }
    }

    /// The namespace URI, or `nil` when the element is in no namespace.
    public var namespace: String? {
        get { identity.namespace }
        set { identity = identity.with(namespace: .some(newValue)) }
    }

    /// Where the start tag's `<` is: 1-based line, and 1-based column counted in Unicode code points.
    ///
    /// Stored as file, line and column only (`byteOffset` is always `nil`), to keep elements small.
    public var location: SourceLocation {
        get { SourceLocation(file: identity.file, line: Int(line), column: Int(column)) }
        set {
            if newValue.file != identity.file { identity = identity.with(file: newValue.file) }
            line = Int32(clamping: newValue.line)
            column = Int32(clamping: newValue.column)
        }
    }

    /// The value of the first attribute with this local name.
    ///
    /// - Parameters:
    ///   - localName: The attribute's name without prefix.
    ///   - namespace: The namespace URI the attribute must have; `nil` accepts any namespace, or none.
    public func attribute(_ localName: String, namespace: String? = nil) -> String? {
        attributes.first { $0.identity.matches(localName, namespace) }?.value
    }

    /// The first element child with this local name.
    ///
    /// - Parameters:
    ///   - localName: The child's name without prefix.
    ///   - namespace: The namespace URI the child must have; `nil` accepts any namespace, or none.
    public func child(_ localName: String, namespace: String? = nil) -> XMLElement? {
        children.first { $0.identity.matches(localName, namespace) }
    }

    /// All element children with this local name, in document order.
    ///
    /// - Parameters:
    ///   - localName: The children's name without prefix.
    ///   - namespace: The namespace URI the children must have; `nil` accepts any namespace, or none.
    public func children(_ localName: String, namespace: String? = nil) -> [XMLElement] {
        children.filter { $0.identity.matches(localName, namespace) }
    }

    /// `text` without leading and trailing XML white space (space, tab, carriage return, line feed).
    public var trimmedText: String { Self.trimmingWhitespace(text) }

    static func trimmingWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isXMLWhitespace($0) }),
            let last = utf8.lastIndex(where: { !isXMLWhitespace($0) })
        else { return "" }
        let end = utf8.index(after: last)
        if first == utf8.startIndex && end == utf8.endIndex { return text }
        return String(decoding: utf8[first..<end], as: UTF8.self)
    }

    static func isXMLWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
