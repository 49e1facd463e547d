internal import CLibXML2
import FoundationEssentials

/// A libxml2 text reader over a buffer of UTF-8 that the caller owns and keeps alive.
///
/// Non-copyable, so the `xmlTextReader` handle has exactly one owner, which frees it in `deinit`.
/// It must be used only on the thread that created it and only while the buffer it reads is valid:
/// `XMLTreeBuilder` creates it inside `withUnsafeBufferPointer` and ends it there. The options are
/// the hardened set: no network, no error output, CDATA as text, line numbers past 65535; never
/// entity substitution, DTD loading or validation, XInclude, huge mode or recovery.
struct LibXML2Reader: ~Copyable {
    /// What the reader is positioned on, as far as the tree needs to know.
    enum NodeKind {
        case element, endElement, text, other
    }

    private static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    private let handle: OpaquePointer
    private let errors: LibXML2ErrorRecorder
    /// Names and namespace URIs by their address in the reader's dictionary, so that each distinct
    /// name becomes one `String` whose storage all elements share. Dictionary entries live as long as
    /// the reader, so an address never comes to stand for another name.
    private var strings: [UnsafePointer<UInt8>: String] = [:]
    /// Identities by the dictionary addresses of local name and namespace URI, likewise.
    private var identities: [NameKey: XMLNodeIdentity] = [:]
    private let file: String

    private struct NameKey: Hashable {
        var name: UnsafePointer<UInt8>
        var namespace: UnsafePointer<UInt8>?
    }

    /// Creates a reader, or returns `nil` when libxml2 cannot (out of memory, or a buffer over 2 GiB).
    init?(buffer: UnsafeBufferPointer<UInt8>, file: String) {
        guard let base = buffer.baseAddress, let count = Int32(exactly: buffer.count) else { return nil }
        let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        guard let handle = xmlReaderForMemory(characters, count, nil, nil, Self.options) else { return nil }
        self.handle = handle
        self.file = file
        errors = LibXML2ErrorRecorder()
        xmlTextReaderSetStructuredErrorHandler(
            handle,
            { context, error in
                guard let context, let error else { return }
                Unmanaged<LibXML2ErrorRecorder>.fromOpaque(context).takeUnretainedValue().record(error)
            },
            Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit { xmlFreeTextReader(handle) }

    /// Moves to the next node: `true` on a node, `false` at the end or after an error.
    mutating func read() -> Bool { xmlTextReaderRead(handle) == 1 }

    /// The first error libxml2 reported so far, if any.
    var firstError: LibXML2Error? { errors.first }

    var nodeKind: NodeKind {
        switch UInt32(xmlTextReaderNodeType(handle)) {
        case XML_READER_TYPE_ELEMENT.rawValue: .element
        case XML_READER_TYPE_END_ELEMENT.rawValue: .endElement
        case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue, XML_READER_TYPE_WHITESPACE.rawValue,
            XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue:
            .text
        default: .other
        }
    }

    /// Local name, namespace URI and file of the current element or attribute, shared with every
    /// node of the same name.
    mutating func identity() -> XMLNodeIdentity {
        guard let name = stable(xmlTextReaderConstLocalName(handle)) else {
            return XMLNodeIdentity(name: "", namespace: nil, file: file)
        }
        let namespace = stable(xmlTextReaderConstNamespaceUri(handle))
        let key = NameKey(name: name, namespace: namespace)
        if let known = identities[key] { return known }
        let identity = XMLNodeIdentity(name: string(name), namespace: namespace.map { string($0) }, file: file)
        identities[key] = identity
        return identity
    }

    /// Whether the current element's qualified name is the one the scanner found at its start tag.
    func qualifiedNameMatches(_ tag: MarkupScanner.StartTag, in scanner: MarkupScanner) -> Bool {
        guard let name = xmlTextReaderConstName(handle) else { return false }
        return scanner.nameMatches(tag, name)
    }

    /// Whether the current element was written `<name/>`, so no end element follows.
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(handle) == 1 }

    /// The line libxml2 recorded for the current node: the end of its start tag, 65535 when that is
    /// past line 65535 and the node has no text yet. Only a fallback for when the scanner disagrees.
    var lineOfCurrentNode: Int {
        guard let node = xmlTextReaderCurrentNode(handle) else { return 0 }
        return xmlGetLineNo(node)
    }

    /// The value of the current text node or attribute, entities decoded.
    func value() -> String {
        guard let value = xmlTextReaderConstValue(handle) else { return "" }
        return String(cString: value)
    }

    /// The current element's attributes, namespace declarations left out.
    mutating func attributes() -> [XMLAttribute] {
        let count = Int(xmlTextReaderAttributeCount(handle))
        guard count > 0 else { return [] }
        var attributes: [XMLAttribute] = []
        attributes.reserveCapacity(count)
        var status = xmlTextReaderMoveToFirstAttribute(handle)
        while status == 1 {
            if xmlTextReaderIsNamespaceDecl(handle) != 1 {
                attributes.append(XMLAttribute(identity: identity(), value: value()))
            }
            status = xmlTextReaderMoveToNextAttribute(handle)
        }
        xmlTextReaderMoveToElement(handle)
        return attributes
    }

    /// Where libxml2's parser is, for an error it did not report with a position.
    var parserPosition: (line: Int, column: Int) {
        (Int(xmlTextReaderGetParserLineNumber(handle)), Int(xmlTextReaderGetParserColumnNumber(handle)))
    }

    /// The reader dictionary's copy of a string. A local name may be the node's own copy, freed with
    /// the node, so that its address could later hold another name; the dictionary's copy cannot.
    private func stable(_ pointer: UnsafePointer<UInt8>?) -> UnsafePointer<UInt8>? {
        guard let pointer else { return nil }
        return xmlTextReaderConstString(handle, pointer)
    }

    private mutating func string(_ pointer: UnsafePointer<UInt8>) -> String {
        if let known = strings[pointer] { return known }
        let string = String(cString: pointer)
        strings[pointer] = string
        return string
    }
}
