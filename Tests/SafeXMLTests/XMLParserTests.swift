import PedigreeDiagnostics
import SafeXML
import Testing

/// Well-formed documents: names, namespaces, attributes, text and positions as readers see them.
@Suite struct XMLParserTests {
    static let cycloneDX = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?xml-stylesheet type="text/xsl" href="bom.xsl"?>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.6" xmlns:ext="urn:example:ext" serialNumber="urn:uuid:1" version="1">
          <!-- a <component> named in a comment is not an element -->
          <components>
            <component type="library" bom-ref="pkg:pypi/torch@2.3.0" ext:origin="mirror">
              <name>torch</name>
              <description><![CDATA[Tensors & <dynamic> networks]]> in Python &amp; C++ &#x2014; fast</description>
              <licenses><license><id>BSD-3-Clause</id></license></licenses>
              <?process me?>
              <ext:note xml:lang="en">a<!-- split -->b</ext:note>
            </component>
          </components>
        </bom>
        """

    @Test func readsNamesNamespacesAndAttributes() throws {
        let bom = try XMLTestSupport.parse(Self.cycloneDX)
        #expect(bom.name == "bom")
        #expect(bom.namespace == "http://cyclonedx.org/schema/bom/1.6")
        #expect(bom.attributes.map(\.name) == ["serialNumber", "version"])
        #expect(bom.attribute("version") == "1")

        let component = try #require(bom.child("components")?.child("component"))
        #expect(component.attributes.count == 3)
        #expect(component.attribute("bom-ref") == "pkg:pypi/torch@2.3.0")
        #expect(component.attribute("type", namespace: "urn:example:ext") == nil)
        #expect(component.attribute("origin", namespace: "urn:example:ext") == "mirror")
        #expect(component.attribute("origin") == "mirror")
        #expect(component.attributes.last?.namespace == "urn:example:ext")
        #expect(component.attributes.first?.namespace == nil)

        let note = try #require(component.child("note"))
        #expect(note.namespace == "urn:example:ext")
        #expect(note.attribute("lang", namespace: "http://www.w3.org/XML/1998/namespace") == "en")
        #expect(component.child("note", namespace: "http://cyclonedx.org/schema/bom/1.6") == nil)
        #expect(component.children.map(\.name) == ["name", "description", "licenses", "note"])
    }

    @Test func readsTextCDATAAndEntities() throws {
        let bom = try XMLTestSupport.parse(Self.cycloneDX)
        let component = try #require(bom.child("components")?.child("component"))
        #expect(component.child("name")?.text == "torch")
        #expect(component.child("description")?.text == "Tensors & <dynamic> networks in Python & C++ \u{2014} fast")
        #expect(component.child("note")?.text == "ab")
        #expect(component.child("licenses")?.child("license")?.child("id")?.text == "BSD-3-Clause")
        // Direct text only, untrimmed: the indentation between children, not their text.
        #expect(component.text.allSatisfy { $0 == " " || $0 == "\n" })
        #expect(component.trimmedText == "")
    }

    @Test func attributeValuesDecodeReferences() throws {
        let root = try XMLTestSupport.parse("<a v='&lt;&amp;&gt;&quot;&apos;&#65;&#x1F600;' w=\"tab\there\"/>")
        #expect(root.attribute("v") == "<&>\"'A😀")
        #expect(root.attribute("w") == "tab here")
    }

    @Test func namespaceDeclarationsAreNotAttributes() throws {
        let rdf = try XMLTestSupport.parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:spdx="http://spdx.org/rdf/terms#">
              <spdx:Package rdf:about="http://example.org/doc#SPDXRef-torch">
                <spdx:name>torch</spdx:name>
                <spdx:licenseDeclared rdf:resource="http://spdx.org/licenses/BSD-3-Clause"/>
              </spdx:Package>
            </rdf:RDF>
            """)
        let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        #expect(rdf.name == "RDF")
        #expect(rdf.namespace == rdfNamespace)
        #expect(rdf.attributes.isEmpty)
        let package = try #require(rdf.child("Package", namespace: "http://spdx.org/rdf/terms#"))
        #expect(package.attributes == [
            XMLAttribute(name: "about", namespace: rdfNamespace, value: "http://example.org/doc#SPDXRef-torch")
        ])
        #expect(package.child("licenseDeclared")?.attribute("resource", namespace: rdfNamespace)
            == "http://spdx.org/licenses/BSD-3-Clause")
        #expect(package.children("name").map(\.text) == ["torch"])
    }

    @Test func unprefixedAttributesHaveNoNamespaceUnderADefaultNamespace() throws {
        let root = try XMLTestSupport.parse("<a xmlns='urn:d' x='1'><b/></a>")
        #expect(root.namespace == "urn:d")
        #expect(root.children.first?.namespace == "urn:d")
        #expect(root.attributes == [XMLAttribute(name: "x", value: "1")])
    }

    @Test func trimmedTextRemovesXMLWhitespaceOnly() throws {
        let root = try XMLTestSupport.parse("<a>\n\t  Apache-2.0\u{00A0} \r\n</a>")
        #expect(root.trimmedText == "Apache-2.0\u{00A0}")
        #expect(root.text == "\n\t  Apache-2.0\u{00A0} \n")
    }

    @Test func childrenKeepDocumentOrder() throws {
        let root = try XMLTestSupport.parse("<deps><d ref='a'/><x/><d ref='b'><d ref='c'/></d></deps>")
        #expect(root.children("d").map { $0.attribute("ref") } == ["a", "b"])
        #expect(root.children("d").last?.children("d").first?.attribute("ref") == "c")
        #expect(root.child("missing") == nil)
    }

    @Test func elementPositionsPointAtTheStartTag() throws {
        let bom = try XMLTestSupport.parse(Self.cycloneDX)
        #expect(bom.position == "3:1")
        #expect(bom.location.file == "test.xml")
        let components = try #require(bom.child("components"))
        #expect(components.position == "5:3")
        let component = try #require(components.child("component"))
        #expect(component.position == "6:5")
        #expect(component.child("licenses")?.position == "9:7")
        #expect(component.child("licenses")?.child("license")?.position == "9:17")
        #expect(component.child("licenses")?.child("license")?.child("id")?.position == "9:26")
        #expect(component.child("note")?.position == "11:7")
    }

    @Test func columnsCountCharactersAfterMultiByteText() throws {
        let root = try XMLTestSupport.parse("<a>日本語<b/>😀<c/>é\n  ü<d/></a>")
        #expect(root.children.map(\.position) == ["1:7", "1:12", "2:4"])
    }

    @Test func byteOrderMarkIsNotAColumn() throws {
        let root = try XMLParser.parse([0xEF, 0xBB, 0xBF] + Array("<a><b/></a>".utf8), file: "bom.xml")
        #expect(root.position == "1:1")
        #expect(root.children.first?.position == "1:4")
    }

    @Test func sameNameTwiceOnALineAndInsideCommentsAndAttributes() throws {
        let root = try XMLTestSupport.parse("<r><!-- <b> --><a t='>b'/><![CDATA[<b>]]><b/><b>x</b><?p <b>?><b/></r>")
        #expect(root.children.map(\.position) == ["1:16", "1:42", "1:46", "1:63"])
    }

    @Test func multiLineStartTagIsAtItsFirstLine() throws {
        let root = try XMLTestSupport.parse("<a>\n  <b\n     x='1'\n     y='2'>t</b>\r\n<c/></a>")
        #expect(root.children.map(\.position) == ["2:3", "5:1"])
    }

    @Test func linesPast65535AreExact() throws {
        let document = "<r>" + String(repeating: "\n", count: 70_000) + "<b>x</b><c\n  y='1'/>\n  <d/></r>"
        let root = try XMLTestSupport.parse(document)
        #expect(root.children.map(\.position) == ["70001:1", "70001:9", "70003:3"])
    }

    @Test func commentsAndProcessingInstructionsAreNotChildren() throws {
        let root = try XMLTestSupport.parse("<a><?pi x?><!-- c -->t<b/></a><!-- after --><?after?>")
        #expect(root.children.map(\.name) == ["b"])
        #expect(root.text == "t")
    }

    @Test func parsesConcurrentlyWithoutSharingErrors() async throws {
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for index in 0..<16 {
                group.addTask {
                    do throws(InputError) {
                        if index % 2 == 0 {
                            let bom = try XMLTestSupport.parse(Self.cycloneDX)
                            return (index, bom.child("components")?.child("component")?.position ?? "missing")
                        }
                        _ = try XMLTestSupport.parse("<a>\n  <b></c>\n</a>")
                        return (index, "parsed")
                    } catch {
                        return (index, "\(error.diagnostic.code) \(error.diagnostic.position)")
                    }
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == 16)
        for (index, result) in results {
            #expect(result == (index % 2 == 0 ? "6:5" : "xml.syntax 2:10"))
        }
    }

    @Test func elementsAreValuesThatCanBeChanged() throws {
        let parsed = try XMLTestSupport.parse("<a xmlns='urn:x'><b k='v'/><b k='w'/></a>")
        var first = try #require(parsed.children.first)
        first.name = "renamed"
        first.namespace = nil
        first.location = SourceLocation(file: "other.xml", line: 70_000, column: 12)
        first.attributes[0].namespace = "urn:y"
        #expect(first.name == "renamed")
        #expect(first.namespace == nil)
        #expect(first.location == SourceLocation(file: "other.xml", line: 70_000, column: 12))
        #expect(first.attribute("k", namespace: "urn:y") == "v")
        // The parsed tree and the sibling that shared the name are unchanged.
        #expect(parsed.children.map(\.name) == ["b", "b"])
        #expect(parsed.children[1].namespace == "urn:x")
        #expect(parsed.children[0].location == SourceLocation(file: "test.xml", line: 1, column: 18))
        #expect(parsed.children[0].attribute("k", namespace: "urn:y") == nil)

        let built = XMLElement(
            name: "license", attributes: [XMLAttribute(name: "acknowledgement", value: "declared")],
            children: [XMLElement(name: "id", text: " MIT ", location: SourceLocation(file: "f", line: 2, column: 3))],
            location: SourceLocation(file: "f", line: 1, column: 1))
        #expect(built.child("id")?.trimmedText == "MIT")
        #expect(built.attributes == [XMLAttribute(name: "acknowledgement", namespace: nil, value: "declared")])
        #expect(built.attributes != [XMLAttribute(name: "acknowledgement", namespace: "urn:z", value: "declared")])
    }

    @Test func positionsStayExactAcrossThousandsOfElements() throws {
        let count = 2_000
        var document = "<bom>\n<components>\n"
        for index in 0..<count {
            document += "  <component n='\(index)'>\n    <name>ü\(index)</name><name/>\n  </component>\n"
        }
        document += "</components>\n</bom>\n"
        let components = try #require(try XMLTestSupport.parse(document).child("components")?.children)
        #expect(components.count == count)
        #expect(components.map(\.position) == (0..<count).map { "\(3 + 3 * $0):3" })
        let digits = (0..<count).map { String($0).count }
        #expect(components.map { $0.children[1].position } == (0..<count).map { "\(4 + 3 * $0):\(19 + digits[$0])" })
        #expect(components.last?.child("name")?.text == "ü\(count - 1)")
    }
}
