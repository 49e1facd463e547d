import PedigreeDiagnostics

extension LibXML2Error {
    /// What the parse knew when libxml2 failed, to name the error better than libxml2 can.
    struct Context {
        /// The innermost element whose start tag was read and whose end tag was not.
        var openElement: String?
        /// Whether the document has any start tag at all.
        var hasStartTag: Bool
        /// The line and column just after the last byte.
        var endOfInput: (line: Int, column: Int)
    }

    /// The diagnostic for a document libxml2 could not parse, at the 1-based line and column libxml2
    /// reported.
    ///
    /// libxml2 reports a document that simply stops (an element still open at the end) as "extra
    /// content at the end of the document" or as whatever construct was cut, always at the end of the
    /// input; those become `xml.truncated`, or `xml.empty` when there was no element at all. Its own
    /// depth and size limits (which hold even when ours are raised) keep their meaning.
    func inputError(file: String, context: Context) -> InputError {
        let location = SourceLocation(file: file, line: max(line, 1), column: max(column, 1))
        let detail = XMLElement.trimmingWhitespace(message).shortenedForMessage
        let atEnd = (line, column) >= context.endOfInput

        if code == Self.documentEmpty || (atEnd && code == Self.documentEnd && !context.hasStartTag) {
            return InputError("xml.empty", "the document has no root element", at: location)
        }
        if atEnd {
            let what =
                context.openElement.map { "before element '\($0.shortenedForMessage)' is closed" } ?? "inside markup"
            return InputError("xml.truncated", "the document ends \(what); the file may be cut short", at: location)
        }
        if code == Self.internalError && detail.hasPrefix("Excessive depth") {
            return InputError(
                "xml.too-deep", "elements are nested more than libxml2's limit of 256 levels", at: location)
        }
        if detail.contains("huge text node") || detail.contains("Huge input lookup")
            || detail.contains("length too long")
        {
            return InputError(
                "xml.string-too-long", "a text or attribute value is longer than libxml2's limit of 10 MB",
                at: location)
        }
        if code == Self.tagNameMismatch, let open = string1?.shortenedForMessage,
            let close = string2?.shortenedForMessage
        {
            return InputError(
                "xml.syntax",
                "end tag '\(close)' does not match start tag '\(open)' opened on line \(integer1)", at: location)
        }
        if code == Self.undeclaredEntity || code == Self.undeclaredEntityWarning,
            let name = string1?.shortenedForMessage
        {
            return InputError(
                "xml.syntax",
                "undefined entity '&\(name);': without a DTD only '&lt;', '&gt;', '&amp;', '&quot;', '&apos;' "
                    + "and character references like '&#160;' are defined",
                at: location)
        }
        return InputError("xml.syntax", "not well-formed XML: \(detail)", at: location)
    }
}
