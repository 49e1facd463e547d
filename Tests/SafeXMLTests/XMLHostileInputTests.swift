import PedigreeDiagnostics
import SafeXML
import Testing

/// Attacks and broken documents: each must be refused with its code at the position of the problem.
@Suite struct XMLHostileInputTests {
    @Test(arguments: [
        // Fixture, line:column of the declaration, the keyword the message names.
        ("xxe-local-file.xml", "2:1", "<!DOCTYPE"),
        ("external-dtd.xml", "3:1", "<!DOCTYPE"),
        ("billion-laughs.xml", "2:1", "<!DOCTYPE"),
        ("parameter-entity.xml", "2:3", "<!DOCTYPE"),
    ])
    func documentTypeDeclarationsAreRefusedBeforeParsing(fixture: String, position: String, keyword: String) throws {
        let bytes = try XMLTestSupport.fixture(fixture)
        let diagnostic = XMLTestSupport.refusal(bytes, file: fixture)
        #expect(diagnostic?.code == "xml.doctype-forbidden")
        #expect(diagnostic?.position == position)
        #expect(diagnostic?.location?.file == fixture)
        #expect(diagnostic?.message.hasPrefix("'\(keyword)' is not allowed") == true)
    }

    @Test func entityDeclarationWithoutDocumentTypeIsRefused() {
        let diagnostic = XMLTestSupport.refusal("<a/>\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">")
        #expect(diagnostic?.code == "xml.doctype-forbidden")
        #expect(diagnostic?.position == "2:3")
        #expect(diagnostic?.message.hasPrefix("'<!ENTITY' is not allowed") == true)
    }

    @Test func declarationsInsideCommentsAndCDATAAreText() throws {
        let root = try XMLTestSupport.parse("<a><!-- <!DOCTYPE x> --><![CDATA[<!DOCTYPE html><!ENTITY y>]]></a>")
        #expect(root.text == "<!DOCTYPE html><!ENTITY y>")
    }

    @Test func xIncludeIsAnOrdinaryElement() throws {
        let root = try XMLParser.parse(try XMLTestSupport.fixture("xinclude.xml"), file: "xinclude.xml")
        let include = try #require(root.child("metadata")?.child("include"))
        #expect(include.namespace == "http://www.w3.org/2001/XInclude")
        #expect(include.attribute("href") == "file:///etc/passwd")
        #expect(include.text.isEmpty)
        #expect(include.children.isEmpty)
        #expect(include.position == "3:13")
    }

    @Test func gzipIsRefused() throws {
        let diagnostic = XMLTestSupport.refusal(try XMLTestSupport.fixture("compressed.xml.gz"))
        #expect(diagnostic?.code == "xml.compressed")
        #expect(diagnostic?.position == "1:1")
        #expect(diagnostic?.message.contains("gzip") == true)
    }

    @Test(arguments: [
        ([0xFF, 0xFE] + Array("<a/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "UTF-16 little-endian"),
        ([0xFE, 0xFF] + Array("<a/>".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "UTF-16 big-endian"),
        ([0xFF, 0xFE, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00], "UTF-32 little-endian"),
        ([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x3C], "UTF-32 big-endian"),
        (Array("<a/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "NUL bytes"),
    ] as [([UInt8], String)])
    func otherEncodingsAreRefused(bytes: [UInt8], named: String) {
        let diagnostic = XMLTestSupport.refusal(bytes)
        #expect(diagnostic?.code == "xml.unsupported-encoding")
        #expect(diagnostic?.position == "1:1")
        #expect(diagnostic?.message.contains(named) == true)
    }

    @Test func declaredEncodingOtherThanUTF8IsRefusedAtItsName() {
        let diagnostic = XMLTestSupport.refusal("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a/>")
        #expect(diagnostic?.code == "xml.unsupported-encoding")
        #expect(diagnostic?.position == "1:31")
        #expect(diagnostic?.message.contains("'ISO-8859-1'") == true)
    }

    @Test func declaredUTF8AndASCIIAreAccepted() throws {
        #expect(try XMLTestSupport.parse("<?xml version='1.0' encoding='utf-8'?><a>é</a>").text == "é")
        #expect(try XMLTestSupport.parse("<?xml version='1.0' encoding='US-ASCII'?><a>x</a>").text == "x")
        let diagnostic = XMLTestSupport.refusal("<?xml version='1.0' encoding='US-ASCII'?>\n<a>é</a>")
        #expect(diagnostic?.code == "xml.unsupported-encoding")
        #expect(diagnostic?.position == "2:4")
    }

    @Test(arguments: [
        // Bytes after "<r>\n  <name>héllo", the line:column of the first bad byte.
        ([0xFF], "2:14"),                     // never a UTF-8 byte
        ([0xC3, 0x28], "2:14"),               // lead byte without its continuation
        ([0xC0, 0xAF], "2:14"),               // overlong '/'
        ([0xED, 0xA0, 0x80], "2:14"),         // UTF-16 surrogate U+D800
        ([0xF4, 0x90, 0x80, 0x80], "2:14"),   // above U+10FFFF
        ([0x80], "2:14"),                     // stray continuation byte
        (Array("😀".utf8) + [0xE2, 0x82], "2:15"),  // cut short, after a 4-byte character
    ] as [([UInt8], String)])
    func invalidUTF8IsRefusedAtTheFirstBadByte(bad: [UInt8], position: String) {
        let bytes = Array("<r>\n  <name>héllo".utf8) + bad + Array("</name></r>".utf8)
        let diagnostic = XMLTestSupport.refusal(bytes)
        #expect(diagnostic?.code == "xml.invalid-utf8")
        #expect(diagnostic?.position == position)
    }

    @Test func truncatedDocumentNamesTheOpenElement() {
        let diagnostic = XMLTestSupport.refusal("<bom>\n  <components>\n    <component type=\"library\">")
        #expect(diagnostic?.code == "xml.truncated")
        #expect(diagnostic?.position == "3:31")
        #expect(
            diagnostic?.message == "the document ends before element 'component' is closed; the file may be cut short")
    }

    @Test func documentCutInsideAStartTagIsTruncated() {
        let diagnostic = XMLTestSupport.refusal("<bom>\n  <components>\n    <component type=\"libr")
        #expect(diagnostic?.code == "xml.truncated")
        #expect(diagnostic?.position == "3:26")
        #expect(diagnostic?.message.contains("'components'") == true)
    }

    @Test func unclosedStartTagIsASyntaxError() {
        let diagnostic = XMLTestSupport.refusal("<a>\n  <b attr='1'\n</a>")
        #expect(diagnostic?.code == "xml.syntax")
        #expect(diagnostic?.position == "3:1")
    }

    @Test func mismatchedEndTagIsASyntaxError() {
        let diagnostic = XMLTestSupport.refusal("<a>\n  <b></c>\n</a>")
        #expect(diagnostic?.code == "xml.syntax")
        #expect(diagnostic?.position == "2:10")
        #expect(diagnostic?.message == "end tag 'c' does not match start tag 'b' opened on line 2")
    }

    @Test func errorColumnsCountCharactersNotBytes() {
        let diagnostic = XMLTestSupport.refusal("<a>日本😀<b></c></a>")
        #expect(diagnostic?.code == "xml.syntax")
        #expect(diagnostic?.position == "1:14")
    }

    @Test func undefinedEntityIsASyntaxError() {
        let diagnostic = XMLTestSupport.refusal("<license>\n  <name>Copyright &copy; 2024</name>\n</license>")
        #expect(diagnostic?.code == "xml.syntax")
        #expect(diagnostic?.position == "2:25")
        #expect(diagnostic?.message.hasPrefix("undefined entity '&copy;'") == true)
    }

    @Test func undeclaredNamespacePrefixIsASyntaxError() {
        let diagnostic = XMLTestSupport.refusal("<a>\n  <spdx:Package/>\n</a>")
        #expect(diagnostic?.code == "xml.syntax")
        #expect(diagnostic?.position == "2:16")
        #expect(diagnostic?.message.contains("spdx") == true)
    }

    @Test func duplicateAttributeIsASyntaxError() {
        let diagnostic = XMLTestSupport.refusal("<a x='1' x='2'/>")
        #expect(diagnostic?.code == "xml.syntax")
        #expect(diagnostic?.position == "1:15")
    }

    @Test func tooManyAttributesAreRefusedBeforeParsing() {
        let attributes = (1...300).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        let diagnostic = XMLTestSupport.refusal("<bom>\n  <component \(attributes)/>\n</bom>")
        #expect(diagnostic?.code == "xml.too-many-attributes")
        #expect(diagnostic?.position == "2:3")
        #expect(diagnostic?.message == "element 'component' has 300 attributes, more than the limit of 256")
    }

    @Test func attributeLimitCountsNamespaceDeclarationsAndIsConfigurable() throws {
        var limits = InputLimits()
        limits.maxXMLAttributesPerElement = 2
        let document = "<a x='1' y='2'>\n <b xmlns:p='urn:p' p:x='1' y='>'/></a>"
        #expect(XMLTestSupport.refusal(document, limits: limits)?.position == "2:2")
        limits.maxXMLAttributesPerElement = 3
        let root = try XMLTestSupport.parse(document, limits: limits)
        #expect(root.children.first?.attributes.map(\.value) == ["1", ">"])
    }

    @Test func deepNestingIsRefusedAtTheFirstElementTooDeep() {
        let document = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let diagnostic = XMLTestSupport.refusal(document)
        #expect(diagnostic?.code == "xml.too-deep")
        #expect(diagnostic?.position == "1:769")
        #expect(diagnostic?.message == "element 'a' is nested 257 levels deep, more than the limit of 256")
    }

    @Test func depthLimitIsConfigurableAndCountsEmptyElements() throws {
        var limits = InputLimits()
        limits.maxXMLDepth = 3
        let diagnostic = XMLTestSupport.refusal("<a><b>\n<c><d/></c></b></a>", limits: limits)
        #expect(diagnostic?.code == "xml.too-deep")
        #expect(diagnostic?.position == "2:4")
        #expect(try XMLTestSupport.parse("<a><b><c/></b><b/></a>", limits: limits).children.count == 2)
    }

    @Test func longTextIsRefusedAtItsElement() {
        var limits = InputLimits()
        limits.maxStringBytes = 10
        let text = XMLTestSupport.refusal("<a>\n  <b>123456<![CDATA[789]]>&amp;&#x20AC;</b>\n</a>", limits: limits)
        #expect(text?.code == "xml.string-too-long")
        #expect(text?.position == "2:3")
        #expect(text?.message == "text in element 'b' has 13 bytes, more than the limit of 10")
        let attribute = XMLTestSupport.refusal("<a>\n <b x='12345678901'/></a>", limits: limits)
        #expect(attribute?.code == "xml.string-too-long")
        #expect(attribute?.position == "2:2")
    }

    @Test(arguments: ["", "  \n\t ", "\u{FEFF}", "\u{FEFF}\n"])
    func emptyDocumentIsRefused(document: String) {
        let diagnostic = XMLTestSupport.refusal(document)
        #expect(diagnostic?.code == "xml.empty")
        #expect(diagnostic?.position == "1:1")
    }

    @Test func documentWithoutRootElementIsEmpty() {
        let diagnostic = XMLTestSupport.refusal("<?xml version=\"1.0\"?>\n<!-- generated, no content -->\n")
        #expect(diagnostic?.code == "xml.empty")
        #expect(diagnostic?.position == "3:1")
    }

    @Test func textWithoutMarkupIsNotADocument() {
        let diagnostic = XMLTestSupport.refusal("{\"bomFormat\": \"CycloneDX\"}")
        #expect(diagnostic?.code == "xml.empty")
        #expect(diagnostic?.position == "1:1")
    }

    @Test func contentAfterTheRootElementIsASyntaxError() {
        let diagnostic = XMLTestSupport.refusal("<a/>\n<b/>")
        #expect(diagnostic?.code == "xml.syntax")
        #expect(diagnostic?.position == "2:1")
    }

    @Test func controlCharacterIsASyntaxError() {
        let diagnostic = XMLTestSupport.refusal("<a>\n ok \u{1}</a>")
        #expect(diagnostic?.code == "xml.syntax")
        #expect(diagnostic?.position == "2:5")
    }
}
