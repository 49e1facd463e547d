import PedigreeDiagnostics
import PedigreeFormats
import PedigreeModel
import SafeXML
import Testing

@Suite("CycloneDX XML: the same mapping as JSON")
struct CycloneDXXMLReaderTests {
    let name = "shapes-1.6.xml"

    func read(_ text: String) throws -> SBOMDocument {
        CycloneDXReader.read(xml: try XMLParser.parse(Array(text.utf8), file: "case.xml"), path: "case.xml")
    }

    @Test func validBOMReadsWithoutErrors() throws {
        let document = try Fixtures.document(name)
        #expect(document.format == .cycloneDXXML)
        #expect(document.specVersion == "1.6")
        #expect(document.diagnostics.filter { $0.severity != .note }.isEmpty, "\(document.diagnostics)")
    }

    @Test func rootNestedComponentsAndPositions() throws {
        let document = try Fixtures.document(name)
        #expect(document.roots == ["app"])
        #expect(document.edge("app", "bundled-config")?.kind == .contains)
        let parser = try #require(document.component("lib-id"))
        #expect(parser.name == "org.example:parser")
        #expect(parser.purl == "pkg:maven/org.example/parser@2.1")
        #expect(parser.supplier == "Example Org")
        #expect(parser.hashes["SHA-256"]?.count == 64)
        #expect(parser.location?.line == (try Fixtures.position(of: "bom-ref=\"lib-id\"", in: name)).line)
        let license = try #require(parser.declaredLicense?.parts.first)
        #expect(license.raw == "Apache-2.0")
        #expect(license.form == .id)
        #expect(license.location?.line == (try Fixtures.position(of: "<id>Apache-2.0</id>", in: name)).line)
        #expect(document.component("app")?.declaredLicense?.parts.first?.form == .expression)
    }

    @Test func acknowledgementScopeDependenciesAndProvides() throws {
        let document = try Fixtures.document(name)
        let dual = try #require(document.component("lib-ack"))
        #expect(dual.declaredLicense?.parts.map(\.raw) == ["MIT"])
        #expect(dual.concludedLicense?.parts.map(\.raw) == ["Dual Terms"])
        #expect(dual.concludedLicense?.parts.first?.form == .name)
        #expect(document.edge("app", "lib-id")?.kind == .dependsOn)
        #expect(document.edge("app", "lib-excluded")?.kind == .devDependency)
        #expect(document.edge("lib-id", "lib-ack")?.statedAs == "dependencies.provides")
    }

    @Test func modelPedigreeTrainingDataAndServices() throws {
        let document = try Fixtures.document(name)
        #expect(document.edge("model-tuned", "model-base")?.kind == .fineTunedFrom)
        #expect(document.edge("model-tuned", "data-corpus")?.kind == .trainedOn)
        let inline = try #require(document.components.first { $0.name == "inline-eval-notes" })
        #expect(inline.kind == .dataset)
        #expect(document.edge("model-tuned", inline.ref.rawValue)?.kind == .trainedOn)
        #expect(document.component("svc-moderation")?.supplier == "Moderation Corp")
        #expect(document.edge("app", "svc-moderation")?.kind == .runs)
    }

    @Test func dirtAndDuplicates() throws {
        let name = "dirt-1.6.xml"
        let document = try Fixtures.document(name)
        let both = try #require(document.diagnostics("cyclonedx.license-id-and-name").first)
        #expect(both.severity == .warning)
        #expect(both.location?.line == (try Fixtures.position(of: "<name>MIT</name>", in: name)).line)
        #expect(document.component("both")?.declaredLicense?.parts.map(\.raw) == ["MIT"])
        let repeated = try #require(document.diagnostics("cyclonedx.repeated-element").first)
        #expect(repeated.severity == .error)
        #expect(repeated.location?.line == (try Fixtures.position(of: "<id>Apache-2.0</id>", in: name)).line)
        let duplicate = try #require(document.diagnostics("cyclonedx.duplicate-bom-ref").first)
        #expect(duplicate.location?.line == (try Fixtures.position(of: "bom-ref=\"both\"", in: name, occurrence: 2)).line)
    }

    @Test(arguments: [
        ("http://cyclonedx.org/schema/bom/12", "<components/>", "cyclonedx.unknown-namespace", 1),
        ("http://cyclonedx.org/schema/bom/1.6", "\n<components><component type=\"foo\"><name>x</name></component></components>",
            "cyclonedx.invalid-component-type", 2),
        ("http://cyclonedx.org/schema/bom/1.6", "\n<components><component type=\"library\"/></components>", "cyclonedx.missing-field", 2),
        ("http://cyclonedx.org/schema/bom/1.6",
            "\n<components><component type=\"library\"><name>x</name><licenses><license><id>MIT</id></license>\n<expression>MIT</expression></licenses></component></components>",
            "cyclonedx.invalid-license-choice", 2),
        ("http://cyclonedx.org/schema/bom/1.5",
            "\n<components><component type=\"library\"><name>x</name>\n<hashes><hash alg=\"MD5\">foo</hash></hashes></component></components>",
            "cyclonedx.invalid-hash-content", 3),
        ("http://cyclonedx.org/schema/bom/1.6", "<dependencies>\n<dependency ref=\"\"/></dependencies>", "cyclonedx.empty-bom-ref", 2),
        ("http://cyclonedx.org/schema/bom/1.6", "<metadata>\n<timestamp>2020-04-07</timestamp></metadata>", "cyclonedx.invalid-date-time", 2),
    ])
    func breachIsAnErrorAtItsElement(namespace: String, body: String, code: String, line: Int) throws {
        let document = try read("<bom xmlns=\"\(namespace)\" version=\"1\">\(body)</bom>")
        let error = try #require(document.errors.first { $0.code == code }, "\(document.diagnostics)")
        #expect(error.location?.line == line)
        #expect(error.location?.file == "case.xml")
    }
}
