import PedigreeDiagnostics

/// Builds the element tree from a libxml2 reader, checking the limits that need decoded text.
///
/// The reader streams: libxml2 frees each node once it has been read past, so the only tree in
/// memory is the compact one built here. Children of the open elements wait in one shared array
/// and are copied into an exactly sized array when their parent closes. Each element's position
/// comes from a `MarkupScanner` run beside the reader, which finds the start tag's `<` in our own
/// bytes; libxml2's node line is the line where the start tag *ends*, and it stops at 65535.
struct XMLTreeBuilder {
    /// An element whose start tag has been read and whose end tag has not.
    private struct OpenElement {
        var identity: XMLNodeIdentity
        var attributes: [XMLAttribute]
        var line: Int
        var column: Int
        var text: String
        /// Where this element's children start in `finished`.
        var firstChild: Int
    }

    private let bytes: [UInt8]
    private let file: String
    private let limits: InputLimits
    private let summary: XMLPrescan.Summary
    private var scanner: MarkupScanner
    private var positions: TextPositionCursor
    private var open: [OpenElement] = []
    private var finished: [XMLElement] = []
    private var root: XMLElement?
    /// Text made only of white space, by content: the indentation between child elements repeats
    /// for every element of a kind, so each container shares one copy instead of owning a string.
    private var whitespaceTexts: [String: String] = [:]

    init(bytes: [UInt8], file: String, limits: InputLimits, summary: XMLPrescan.Summary) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
        self.summary = summary
        scanner = MarkupScanner(bytes: bytes)
        positions = TextPositionCursor(bytes: bytes)
    }

    /// Parses the bytes, which `XMLPrescan` has accepted, into their root element.
    mutating func build() throws(InputError) -> XMLElement {
        LibXML2Environment.prepareCurrentThread()
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<XMLElement, InputError> in
            do throws(InputError) {
                return .success(try build(from: buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private mutating func build(from buffer: UnsafeBufferPointer<UInt8>) throws(InputError) -> XMLElement {
        guard var reader = LibXML2Reader(buffer: buffer, file: file) else {
            throw InputError(
                "xml.syntax", "libxml2 could not start reading the document (\(buffer.count) bytes)",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        while reader.read() {
            if let error = reader.firstError { throw inputError(for: error) }
            switch reader.nodeKind {
            case .element: try startElement(&reader)
            case .endElement: endElement()
            case .text: try appendText(reader.value())
            case .other: break
            }
        }
        if let error = reader.firstError { throw inputError(for: error) }
        guard let root, open.isEmpty else {
            let position = reader.parserPosition
            throw InputError(
                "xml.syntax", "libxml2 stopped reading without naming an error",
                at: SourceLocation(file: file, line: max(position.line, 1), column: max(position.column, 1)))
        }
        return root
    }

    private mutating func startElement(_ reader: inout LibXML2Reader) throws(InputError) {
        let identity = reader.identity()
        let position = startTagPosition(of: reader)
        let location = SourceLocation(file: file, line: position.line, column: position.column)
        let name = identity.name
        guard open.count < limits.maxXMLDepth else {
            throw InputError(
                "xml.too-deep",
                "element '\(name.shortenedForMessage)' is nested \(open.count + 1) levels deep, more than the "
                    + "limit of \(limits.maxXMLDepth)",
                at: location)
        }
        let attributes = reader.attributes()
        if attributes.count > limits.maxXMLAttributesPerElement {
            throw InputError(
                "xml.too-many-attributes",
                "element '\(name.shortenedForMessage)' has \(attributes.count) attributes, more than the "
                    + "limit of \(limits.maxXMLAttributesPerElement)",
                at: location)
        }
        for attribute in attributes where attribute.value.utf8.count > limits.maxStringBytes {
            throw InputError(
                "xml.string-too-long",
                "attribute '\(attribute.name.shortenedForMessage)' of element '\(name.shortenedForMessage)' has "
                    + "\(attribute.value.utf8.count) bytes, more than the limit of \(limits.maxStringBytes)",
                at: location)
        }
        let element = OpenElement(
            identity: identity, attributes: attributes, line: position.line, column: position.column, text: "",
            firstChild: finished.count)
        open.append(element)
        if reader.isEmptyElement { endElement() }
    }

    private mutating func endElement() {
        guard let element = open.popLast() else { return }
        let children = finished.count > element.firstChild ? Array(finished[element.firstChild...]) : []
        finished.removeSubrange(element.firstChild...)
        var text = element.text
        if !text.isEmpty, text.utf8.count <= 4096, text.utf8.allSatisfy(XMLElement.isXMLWhitespace) {
            if let shared = whitespaceTexts[text] {
                text = shared
            } else if whitespaceTexts.count < 4096 {
                whitespaceTexts[text] = text
            }
        }
        let done = XMLElement(
            identity: element.identity, attributes: element.attributes, children: children, text: text,
            line: element.line, column: element.column)
        if open.isEmpty {
            root = done
        } else {
            finished.append(done)
        }
    }

    /// Adds a text node to the innermost open element. The limit holds per text node, as libxml2
    /// delivers them (CDATA and entity references merged in), not for the joined text: a list of
    /// 300,000 components has more than 1 MiB of indentation between its children.
    private mutating func appendText(_ text: String) throws(InputError) {
        guard let last = open.indices.last else { return }
        if text.utf8.count > limits.maxStringBytes {
            throw InputError(
                "xml.string-too-long",
                "text in element '\(open[last].identity.name.shortenedForMessage)' has \(text.utf8.count) bytes, "
                    + "more than the limit of \(limits.maxStringBytes)",
                at: SourceLocation(file: file, line: open[last].line, column: open[last].column))
        }
        if open[last].text.isEmpty {
            open[last].text = text
        } else {
            open[last].text += text
        }
    }

    /// The line and column of the current element's `<`, from the scanner; libxml2's node line is the
    /// fallback should the scanner ever disagree about which element comes next.
    private mutating func startTagPosition(of reader: borrowing LibXML2Reader) -> (line: Int, column: Int) {
        if let tag = scanner.nextStartTag(), reader.qualifiedNameMatches(tag, in: scanner) {
            return positions.position(of: tag.offset)
        }
        return (max(reader.lineOfCurrentNode, 1), 1)
    }

    private func inputError(for error: LibXML2Error) -> InputError {
        var end = TextPositionCursor(bytes: bytes)
        let context = LibXML2Error.Context(
            openElement: open.last?.identity.name, hasStartTag: summary.hasStartTag, endOfInput: end.endPosition())
        return error.inputError(file: file, context: context)
    }
}
