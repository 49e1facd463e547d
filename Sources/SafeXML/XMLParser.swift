import PedigreeDiagnostics

/// Parses untrusted XML into an element tree, safely: bounded, offline, silent, positioned.
///
/// The bytes are checked before libxml2 sees them (`XMLPrescan`: no compression, UTF-8 only, no DTD
/// or entity declarations, attribute and depth limits), then read with a hardened libxml2 text
/// reader (`LibXML2Reader`) into `XMLElement` values. Only the five predefined entities and
/// character references are decoded; no file is opened and no URL fetched, whatever the document
/// says. Nothing is printed: every problem comes back as one `InputError`.
///
/// Codes: `xml.empty`, `xml.compressed`, `xml.unsupported-encoding`, `xml.invalid-utf8`,
/// `xml.doctype-forbidden`, `xml.too-many-attributes`, `xml.too-deep`, `xml.string-too-long`,
/// `xml.truncated`, `xml.syntax`.
public enum XMLParser {
    /// Parses a whole document.
    ///
    /// - Parameters:
    ///   - bytes: The document, UTF-8 with or without byte order mark.
    ///   - file: The path diagnostics name.
    ///   - limits: Nesting depth (`maxXMLDepth`), attributes per element (`maxXMLAttributesPerElement`)
    ///     and bytes per text or attribute value (`maxStringBytes`). libxml2's own limits still hold
    ///     when these are raised: 256 levels of nesting, 10 MB per text node.
    /// - Returns: The root element.
    /// - Throws: `InputError` with a code above and a 1-based line and column.
    public static func parse(
        _ bytes: [UInt8], file: String, limits: InputLimits = .default
    ) throws(InputError) -> XMLElement {
        let summary = try XMLPrescan.check(bytes, file: file, limits: limits)
        var builder = XMLTreeBuilder(bytes: bytes, file: file, limits: limits, summary: summary)
        return try builder.build()
    }
}
