import PedigreeDiagnostics

/// Checks on the raw bytes that must pass before libxml2 sees a document.
///
/// libxml2 2.9.14 has no switch that turns off DTDs, external entities or entity expansion, guesses
/// encodings from the first bytes, and checks duplicate attributes in quadratic time, so everything
/// it could be tricked with is refused here, with the position of the offending bytes: compressed
/// input, UTF-16 and UTF-32, ill-formed UTF-8, encodings other than UTF-8 in the XML declaration,
/// any markup declaration (`<!DOCTYPE`, `<!ENTITY`, ...), too many attributes and too deep nesting.
enum XMLPrescan {
    /// What the scan learnt that the parse needs.
    struct Summary {
        /// Whether the document has at least one start tag, which tells a truncated document from one
        /// without a root element.
        var hasStartTag: Bool
    }

    static func check(_ bytes: [UInt8], file: String, limits: InputLimits) throws(InputError) -> Summary {
        var positions = TextPositionCursor(bytes: bytes)
        func location(_ offset: Int) -> SourceLocation {
            let position = positions.position(of: offset)
            return SourceLocation(file: file, line: position.line, column: position.column)
        }
        let start = SourceLocation(file: file, line: 1, column: 1)

        try checkSignature(bytes, at: start)
        let bodyStart = UTF8Validation.hasByteOrderMark(bytes) ? 3 : 0
        if bytes[bodyStart...].allSatisfy(MarkupScanner.isWhitespace) {
            throw InputError("xml.empty", "the document is empty, expected a root element", at: start)
        }
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw InputError(
                "xml.invalid-utf8",
                "invalid UTF-8: byte \(hex(bytes[bad])) does not start a well-formed sequence; expected UTF-8 text",
                at: location(bad))
        }
        try checkDeclaredEncoding(bytes, from: bodyStart, location: location)
        return try checkMarkup(bytes, limits: limits, location: location)
    }

    /// Compression and the encodings libxml2 would detect from the first bytes.
    private static func checkSignature(_ bytes: [UInt8], at start: SourceLocation) throws(InputError) {
        if let compression = CompressedInput.detect(bytes) {
            throw InputError(
                "xml.compressed",
                "the file is \(compression.name)-compressed (starts with \(compression.magicDescription)), "
                    + "expected XML text; decompress it first (\(compression.decompression(of: start.file)))",
                at: start)
        }
        let byteOrderMarks: [(mark: [UInt8], name: String)] = [
            ([0x00, 0x00, 0xFE, 0xFF], "UTF-32 big-endian"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32 little-endian"),
            ([0xFE, 0xFF], "UTF-16 big-endian"), ([0xFF, 0xFE], "UTF-16 little-endian"),
        ]
        for (mark, name) in byteOrderMarks where bytes.starts(with: mark) {
            throw InputError(
                "xml.unsupported-encoding",
                "the document is \(name) (byte order mark \(mark.map(hex).joined(separator: " "))), expected UTF-8",
                at: start)
        }
        if bytes.prefix(4).contains(0) {
            throw InputError(
                "xml.unsupported-encoding",
                "the document starts with NUL bytes, as UTF-16 or UTF-32 without a byte order mark does; "
                    + "expected UTF-8",
                at: start)
        }
    }

    /// The `encoding` of an XML declaration, which would make libxml2 decode the bytes differently
    /// from the UTF-8 just validated (XML 1.0 §4.3.3):
    ///
    ///     EncodingDecl ::= S 'encoding' Eq ('"' EncName '"' | "'" EncName "'")
    private static func checkDeclaredEncoding(
        _ bytes: [UInt8], from start: Int, location: (Int) -> SourceLocation
    ) throws(InputError) {
        let opening = Array("<?xml".utf8)
        guard bytes.count > start + opening.count, bytes[start...].starts(with: opening),
            MarkupScanner.isWhitespace(bytes[start + opening.count])
        else { return }
        var end = start + opening.count
        while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) {
            end += 1
        }
        let declaration = bytes[start..<end]
        let keyword = Array("encoding".utf8)
        guard let keywordStart = declaration.indices.first(where: { declaration[$0...].starts(with: keyword) }) else {
            return
        }
        var position = keywordStart + keyword.count
        func skipWhitespace() {
            while position < end, MarkupScanner.isWhitespace(bytes[position]) { position += 1 }
        }
        skipWhitespace()
        guard position < end, bytes[position] == UInt8(ascii: "=") else { return }
        position += 1
        skipWhitespace()
        guard position < end, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
            return
        }
        let quote = bytes[position]
        let valueStart = position + 1
        var valueEnd = valueStart
        while valueEnd < end, bytes[valueEnd] != quote { valueEnd += 1 }
        let name = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
        switch name.uppercased() {
        case "UTF-8", "UTF8":
            return
        case "US-ASCII", "ASCII":
            if let nonASCII = bytes.firstIndex(where: { $0 >= 0x80 }) {
                throw InputError(
                    "xml.unsupported-encoding",
                    "the XML declaration names encoding '\(name)' but the document has non-ASCII characters; "
                        + "declare 'UTF-8'",
                    at: location(nonASCII))
            }
        default:
            throw InputError(
                "xml.unsupported-encoding",
                "the XML declaration names encoding '\(name)', expected 'UTF-8'; convert the document to UTF-8",
                at: location(valueStart))
        }
    }

    /// Markup declarations, attribute counts and nesting depth.
    private static func checkMarkup(
        _ bytes: [UInt8], limits: InputLimits, location: (Int) -> SourceLocation
    ) throws(InputError) -> Summary {
        var scanner = MarkupScanner(bytes: bytes)
        var depth = 0
        var hasStartTag = false
        while let markup = scanner.next() {
            switch markup {
            case .declaration(let offset):
                let keyword = bytes[offset...].prefix(16).prefix { byte in
                    !MarkupScanner.isWhitespace(byte) && byte != UInt8(ascii: ">")
                }
                throw InputError(
                    "xml.doctype-forbidden",
                    "'\(String(decoding: keyword, as: UTF8.self))' is not allowed: document type and entity "
                        + "declarations can read files, reach the network and expand without bound",
                    at: location(offset))
            case .endTag:
                depth = max(depth - 1, 0)
            case .startTag(let tag):
                hasStartTag = true
                if tag.attributeCount > limits.maxXMLAttributesPerElement {
                    throw InputError(
                        "xml.too-many-attributes",
                        "element '\(scanner.name(of: tag))' has \(tag.attributeCount) attributes, more than the "
                            + "limit of \(limits.maxXMLAttributesPerElement)",
                        at: location(tag.offset))
                }
                let elementDepth = depth + 1
                if elementDepth > limits.maxXMLDepth {
                    throw InputError(
                        "xml.too-deep",
                        "element '\(scanner.name(of: tag))' is nested \(elementDepth) levels deep, more than the "
                            + "limit of \(limits.maxXMLDepth)",
                        at: location(tag.offset))
                }
                if !tag.isEmptyElement { depth = elementDepth }
            }
        }
        return Summary(hasStartTag: hasStartTag)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return "0x" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
