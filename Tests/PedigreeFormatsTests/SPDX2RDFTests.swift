import PedigreeDiagnostics
import PedigreeModel
import SafeXML
import Testing

@testable import PedigreeFormats

@Suite("SPDX 2 RDF/XML and XML")
struct SPDX2RDFTests {
    let path = SPDXFixtures.path("spdx2/rdf/translator.spdx.rdf.xml")

    func read() throws -> SBOMDocument {
        SPDX2Reader.read(rdf: try XMLParser.parse(try SPDXFixtures.bytes(path), file: path), path: path)
    }

    @Test func recognizesRDFAndTheXMLSerialization() throws {
        #expect(SPDX2Reader.recognizes(xml: try XMLParser.parse(try SPDXFixtures.bytes(path), file: path)))
        let xmlPath = SPDXFixtures.path("spdx2/xml/support-bot.spdx.xml")
        #expect(SPDX2Reader.recognizes(xml: try XMLParser.parse(try SPDXFixtures.bytes(xmlPath), file: xmlPath)))
        let cycloneDX = Array(#"<bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components/></bom>"#.utf8)
        #expect(!SPDX2Reader.recognizes(xml: try XMLParser.parse(cycloneDX, file: "bom.xml")))
        let otherRDF = Array(#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>"#.utf8)
        #expect(!SPDX2Reader.recognizes(xml: try XMLParser.parse(otherRDF, file: "other.rdf")))
    }

    @Test func readsNestedAndReferencedNodesOnce() throws {
        let document = try read()
        #expect(document.format == .spdx2RDF)
        #expect(document.specVersion == "SPDX-2.3")
        #expect(document.roots == ["SPDXRef-App"])
        #expect(
            document.components.map { "\($0.ref) \($0.kind.rawValue)" } == [
                "SPDXRef-App application", "SPDXRef-Model model", "SPDXRef-Base model", "SPDXRef-Runtime library",
            ])
        // The model is described twice; both descriptions count.
        let model = try #require(document.component("SPDXRef-Model"))
        #expect(model.name == "opus-mt-de-en-finetuned")
        #expect(model.version == "2025.05")
        let app = try #require(document.component("SPDXRef-App"))
        #expect(app.supplier == "Example Vendor GmbH")
        #expect(app.hashes == ["SHA-256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"])
        #expect(document.component("SPDXRef-Runtime")?.purl == "pkg:pypi/onnxruntime@1.20.1")
    }

    @Test func relationshipsArePropertiesOfTheirSubject() throws {
        let document = try read()
        #expect(
            document.edgeLines == [
                "SPDXRef-App depends-on SPDXRef-Model", "SPDXRef-App dynamic-link SPDXRef-Runtime",
                "SPDXRef-App depends-on DocumentRef-platform:SPDXRef-Tokenizer", "SPDXRef-Model fine-tuned-from SPDXRef-Base",
            ])
        #expect(document.edges.first { $0.kind == .dynamicLink }?.statedAs == "DYNAMIC_LINK")
        #expect(document.diagnostics.map(\.code) == ["spdx.external-reference"])
        #expect(document.diagnostics.first?.message.contains("https://sbom.example.net/platform") == true)
    }

    @Test func licenseSetsBecomeExpressions() throws {
        let document = try read()
        let app = try #require(document.component("SPDXRef-App"))
        #expect(app.declaredLicense?.displayText == "MIT OR LicenseRef-Vendor")
        #expect(app.declaredLicense?.location?.line == 37)
        #expect(app.concludedLicense?.displayText == "NOASSERTION")
        #expect(
            document.component("SPDXRef-Model")?.declaredLicense?.displayText
                == "CC-BY-4.0 AND LGPL-2.1-only+ AND (GPL-2.0-only WITH Classpath-exception-2.0)")
        // Referenced by rdf:nodeID and written out after its user.
        #expect(document.component("SPDXRef-Runtime")?.declaredLicense?.displayText == "MIT AND (BSD-3-Clause OR Apache-2.0)")
        #expect(document.component("SPDXRef-Base")?.declaredLicense?.displayText == "CC-BY-4.0")
        let vendor = try #require(document.extractedLicenses["LicenseRef-Vendor"])
        #expect(vendor.name == "Example Vendor License")
        #expect(vendor.text == "Use permitted with an active subscription.")
    }

    @Test func nodesWithoutIdentifiersAndMissingCreatorsAreWarnings() throws {
        let text = """
            <rdf:RDF xmlns:spdx="http://spdx.org/rdf/terms#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <spdx:SpdxDocument rdf:about="https://x.example#SPDXRef-DOCUMENT">
                <spdx:specVersion>SPDX-2.3</spdx:specVersion>
                <spdx:creationInfo><spdx:CreationInfo><spdx:created>2025-01-01T00:00:00Z</spdx:created></spdx:CreationInfo></spdx:creationInfo>
              </spdx:SpdxDocument>
              <spdx:Package><spdx:name>blank</spdx:name></spdx:Package>
            </rdf:RDF>
            """
        let root = try XMLParser.parse(Array(text.utf8), file: "inline.rdf")
        let document = SPDX2Reader.read(rdf: root, path: "inline.rdf")
        #expect(document.components.map(\.name) == ["blank"])
        #expect(document.diagnostics("spdx.missing-id").first?.location?.line == 6)
        #expect(document.diagnostics("spdx.missing-field").first?.message == "'creationInfo' names no 'creator'")
    }

    @Test func readsTheXMLSerializationLikeJSON() throws {
        let xmlPath = SPDXFixtures.path("spdx2/xml/support-bot.spdx.xml")
        let fromXML = SPDX2Reader.read(rdf: try XMLParser.parse(try SPDXFixtures.bytes(xmlPath), file: xmlPath), path: xmlPath)
        let jsonPath = SPDXFixtures.path("spdx2/json/support-bot.spdx.json")
        let fromJSON = SPDX2Reader.read(json: try SPDXFixtures.json(jsonPath), path: jsonPath)
        #expect(fromXML.format == .spdx2XML)
        #expect(fromXML.edgeLines == fromJSON.edgeLines)
        #expect(fromXML.components.map(\.ref) == fromJSON.components.map(\.ref))
        #expect(fromXML.components.map(\.declaredLicense?.displayText) == fromJSON.components.map(\.declaredLicense?.displayText))
        #expect(fromXML.extractedLicenses.keys.sorted() == fromJSON.extractedLicenses.keys.sorted())
    }
}
