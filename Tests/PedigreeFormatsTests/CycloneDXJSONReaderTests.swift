import PedigreeDiagnostics
import PedigreeFormats
import PedigreeModel
import SafeJSON
import Testing

@Suite("CycloneDX JSON: every shape the reader maps")
struct CycloneDXJSONReaderTests {
    let name = "shapes-1.6.json"

    @Test func validBOMHasNoErrorsOrWarnings() throws {
        let document = try Fixtures.document(name)
        #expect(document.format == .cycloneDXJSON)
        #expect(document.specVersion == "1.6")
        #expect(document.diagnostics.filter { $0.severity != .note }.isEmpty, "\(document.diagnostics)")
    }

    @Test func metadataComponentIsTheRootAndItsNestedComponentsAreContained() throws {
        let document = try Fixtures.document(name)
        #expect(document.roots == ["app"])
        let root = try #require(document.component("app"))
        #expect(root.kind == .application)
        #expect(root.declaredLicense?.parts.map(\.raw) == ["Apache-2.0 OR MIT"])
        #expect(root.declaredLicense?.parts.first?.form == .expression)
        let contained = try #require(document.edge("app", "bundled-config"))
        #expect(contained.kind == .contains)
        #expect(document.component("bundled-config")?.kind == .file)
    }

    @Test func componentKeepsItsFactsAndPosition() throws {
        let document = try Fixtures.document(name)
        let parser = try #require(document.component("lib-id"))
        #expect(parser.name == "org.example:parser")
        #expect(parser.version == "2.1")
        #expect(parser.purl == "pkg:maven/org.example/parser@2.1")
        #expect(parser.supplier == "Example Org")
        #expect(parser.hashes == ["SHA-256": "ab34567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"])
        let refLine = try Fixtures.position(of: "\"bom-ref\": \"lib-id\"", in: name).line
        #expect(parser.location?.line == refLine - 1)
        #expect(parser.location?.column == 5)
        #expect(parser.origins.map(\.format) == [.cycloneDXJSON])
        let license = try #require(parser.declaredLicense?.parts.first)
        #expect(license.raw == "Apache-2.0")
        #expect(license.form == .id)
        let idPosition = try Fixtures.position(of: "\"Apache-2.0\"", in: name)
        #expect(license.location?.line == idPosition.line)
        #expect(license.location?.column == idPosition.column)
    }

    @Test(arguments: [
        ("lib-name", "Widget Public License", LicenseText.Form.name),
        ("lib-evidence", "Zlib", LicenseText.Form.id),
    ])
    func licenseShapes(ref: String, raw: String, form: LicenseText.Form) throws {
        let document = try Fixtures.document(name)
        let license = try #require(document.component(ref)?.declaredLicense)
        #expect(license.parts.map(\.raw) == [raw])
        #expect(license.parts.map(\.form) == [form])
        #expect(!license.isAmbiguousList)
    }

    @Test func acknowledgementSplitsDeclaredAndConcluded() throws {
        let component = try #require(try Fixtures.document(name).component("lib-ack"))
        #expect(component.declaredLicense?.parts.map(\.raw) == ["MIT"])
        #expect(component.concludedLicense?.parts.map(\.raw) == ["BSD-3-Clause"])
        #expect(component.effectiveLicense?.parts.map(\.raw) == ["BSD-3-Clause"])
    }

    @Test func dependenciesAndProvides() throws {
        let document = try Fixtures.document(name)
        #expect(document.edge("app", "lib-id")?.kind == .dependsOn)
        #expect(document.edge("app", "lib-id")?.statedAs == "dependencies.dependsOn")
        let provides = try #require(document.edge("lib-id", "crypto-aes"))
        #expect(provides.kind == .dependsOn)
        #expect(provides.statedAs == "dependencies.provides")
        #expect(document.component("crypto-aes")?.kind == .other)
    }

    @Test func scopes() throws {
        let document = try Fixtures.document(name)
        #expect(document.edge("app", "lib-optional")?.kind == .dependsOn)
        #expect(document.component("lib-optional")?.properties["cyclonedx:scope"] == "optional")
        #expect(document.edge("app", "lib-excluded")?.kind == .devDependency)
        // Nothing pointed at the other excluded component: the root gains a not-shipped edge to it.
        let added = try #require(document.edge("app", "lib-excluded-unreferenced"))
        #expect(added.kind == .devDependency)
        #expect(added.statedAs == "scope: excluded")
    }

    @Test func modelPedigree() throws {
        let document = try Fixtures.document(name)
        #expect(document.component("model-tuned")?.kind == .model)
        #expect(document.edge("model-tuned", "model-base")?.kind == .fineTunedFrom)
        #expect(document.edge("model-tuned", "model-base")?.statedAs == "pedigree.ancestors")
        #expect(document.edge("model-tuned-gguf", "model-tuned")?.kind == .quantizedFrom)
        #expect(document.edge("model-tuned-variant", "model-tuned")?.kind == .derivedFrom)
        #expect(document.edge("model-merged", "model-parent-a")?.kind == .mergedFrom)
        #expect(document.edge("model-merged", "model-parent-b")?.kind == .mergedFrom)
        #expect(document.edge("lib-fork", "lib-upstream")?.kind == .derivedFrom)
    }

    @Test func trainingDataFromTheModelCard() throws {
        let document = try Fixtures.document(name)
        let trained = document.edges(from: "model-tuned").filter { $0.kind == .trainedOn }
        #expect(document.component("data-corpus")?.kind == .dataset)
        // `data-corpus-split` is an entry of the data component's `data` list: it names that component.
        #expect(trained.map(\.to.rawValue).filter { $0 == "data-corpus" }.count == 1)
        let inline = try #require(document.components.first { $0.name == "inline-eval-notes" })
        #expect(inline.kind == .dataset)
        #expect(trained.contains { $0.to == inline.ref })
        let refPosition = try Fixtures.position(of: "{ \"ref\": \"data-corpus\" }", in: name)
        let edge = try #require(trained.first { $0.to == "data-corpus" })
        #expect(edge.location?.line == refPosition.line)
    }

    @Test func servicesRunFromTheRoot() throws {
        let document = try Fixtures.document(name)
        let service = try #require(document.component("svc-moderation"))
        #expect(service.kind == .service)
        #expect(service.supplier == "Moderation Corp")
        #expect(service.declaredLicense?.parts.first?.form == .name)
        #expect(document.edge("app", "svc-moderation")?.kind == .runs)
    }
}

@Suite("CycloneDX JSON: real-world dirt is tolerated with warnings")
struct CycloneDXDirtTests {
    let name = "dirt-1.6.json"

    @Test func licenseWithIDAndANameRepeatingItUsesTheID() throws {
        let document = try Fixtures.document(name)
        #expect(document.component("both")?.declaredLicense?.parts.map(\.raw) == ["MIT"])
        let warning = try #require(document.diagnostics("cyclonedx.license-id-and-name").first)
        #expect(warning.severity == .warning)
        let position = try Fixtures.position(of: "\"mit\"", in: name)
        #expect(warning.location?.line == position.line)
        #expect(warning.location?.column == position.column)
    }

    /// Both break the schema's oneOf; a name that is not the id may be another license, and reading
    /// either would drop a fact.
    @Test(arguments: ["license-id-and-other-name.json", "license-id-and-other-name.xml"])
    func licenseWithIDAndAnotherNameIsAnError(fixture: String) throws {
        let file = InputLoader().loadFile(Fixtures.path(fixture))
        #expect(file.hasErrors)
        let diagnostics = file.diagnostics + (file.document?.diagnostics ?? [])
        let error = try #require(diagnostics.first { $0.code == "cyclonedx.license-id-and-name" })
        #expect(error.severity == .error)
        #expect(error.message.contains("'MIT'") && error.message.contains("'GNU General Public License v3.0 only'"))
        let position = try Fixtures.position(of: "GNU General Public License v3.0 only", in: fixture)
        #expect(error.location?.line == position.line)
    }

    @Test func licenseListIsKeptWithWhereItCameFromAndNotInterpreted() throws {
        let document = try Fixtures.document(name)
        let license = try #require(document.component("list")?.declaredLicense)
        #expect(license.isAmbiguousList)
        #expect(license.list == LicenseListEvidence(origin: .cycloneDXLicenses, packageType: nil))
        #expect(license.parts.map(\.raw) == ["CC-BY-SA-3.0", "GFDL-1.3-only"])
        #expect(license.location?.line == (try Fixtures.position(of: "CC-BY-SA-3.0", in: name)).line)
        // What the list means is decided, and reported once, by the license layer.
        #expect(document.diagnostics("cyclonedx.license-list").isEmpty)
    }

    @Test func licenseIDInOtherCaseIsAWarning() throws {
        let document = try Fixtures.document(name)
        let warning = try #require(document.diagnostics("cyclonedx.license-id-case").first)
        #expect(warning.severity == .warning)
        #expect(warning.location?.line == (try Fixtures.position(of: "apache-2.0", in: name)).line)
    }

    @Test func duplicateBOMRefIsAnErrorAndBothComponentsStay() throws {
        let document = try Fixtures.document(name)
        let error = try #require(document.diagnostics("cyclonedx.duplicate-bom-ref").first)
        #expect(error.severity == .error)
        let second = try Fixtures.position(of: "\"bom-ref\": \"both\"", in: name, occurrence: 2)
        #expect(error.location?.line == second.line)
        #expect(error.location?.column == second.column + 11)
        #expect(document.components.filter { $0.ref.rawValue.hasPrefix("both") }.count == 2)
    }

    @Test func danglingReferencesAreWarningsWithPositions() throws {
        let document = try Fixtures.document(name)
        let dangling = document.diagnostics("graph.dangling-reference")
        #expect(dangling.count == 2)
        #expect(dangling.allSatisfy { $0.severity == .warning })
        let missing = try Fixtures.position(of: "\"missing-lib\"", in: name)
        #expect(dangling.contains { $0.location?.line == missing.line && $0.location?.column == missing.column })
        let ghost = try Fixtures.position(of: "\"ghost\"", in: name)
        #expect(dangling.contains { $0.location?.line == ghost.line && $0.location?.column == ghost.column })
        #expect(document.edge("app", "both")?.kind == .dependsOn)
    }
}

@Suite("CycloneDX JSON: schema breaches are errors at the offending value")
struct CycloneDXSchemaTests {
    /// Each case: a BOM body (inserted after the header line), the expected code, and the text at
    /// whose first character the error must point.
    static let cases: [(String, String, String)] = [
        (#""components": [{"type": "foo", "name": "x"}]"#, "cyclonedx.invalid-component-type", #""foo""#),
        (#""components": [{"name": "x"}]"#, "cyclonedx.missing-field", #"{"name""#),
        (#""components": [{"type": "library"}]"#, "cyclonedx.missing-field", #"{"type""#),
        (#""components": [{"type": "library", "name": "x", "scope": "foo"}]"#, "cyclonedx.invalid-scope", #""foo""#),
        (#""components": [{"type": "library", "name": "x", "bom-ref": ""}]"#, "cyclonedx.empty-bom-ref", #""""#),
        (#""components": [{"type": "library", "name": "x", "hashes": [{"alg": "FOO", "content": "ab"}]}]"#,
            "cyclonedx.invalid-hash-algorithm", #""FOO""#),
        (#""components": [{"type": "library", "name": "x", "hashes": [{"alg": "MD5", "content": "foo"}]}]"#,
            "cyclonedx.invalid-hash-content", #""foo""#),
        (#""components": [{"type": "library", "name": "x", "licenses": [{"license": {"id": "Apache-2"}}]}]"#,
            "cyclonedx.invalid-license-id", #""Apache-2""#),
        (#""components": [{"type": "library", "name": "x", "licenses": [{"license": {}}]}]"#,
            "cyclonedx.license-without-id-or-name", #"{}"#),
        (#""components": [{"type": "library", "name": "x", "licenses": [{"license": {"id": "MIT"}, "expression": "MIT"}]}]"#,
            "cyclonedx.invalid-license-choice", #"{"license""#),
        (#""components": [{"type": "library", "name": "x", "licenses": [{"license": {"id": "MIT"}}, {"expression": "MIT"}]}]"#,
            "cyclonedx.invalid-license-choice", #"[{"license""#),
        (#""components": [{"type": "library", "name": "x", "licenses": [{"license": {"id": "MIT", "family": "x"}}]}]"#,
            "cyclonedx.unknown-license-field", #""x"}"#),
        (#""components": [{"type": "library", "name": "x", "licenses": [{"license": {"id": "MIT", "text": {"encoding": "base85", "content": "x"}}}]}]"#,
            "cyclonedx.invalid-encoding", #""base85""#),
        (#""components": [{"type": "library", "name": "x", "swid": {"name": "x"}}]"#, "cyclonedx.missing-field", #"{"name": "x"}"#),
        (#""components": [{"type": "library", "name": "x", "pedigree": {"patches": [{"type": "foo"}]}}]"#,
            "cyclonedx.invalid-patch-type", #""foo""#),
        (#""components": [{"type": "library", "name": "x", "pedigree": {"patches": [{"type": "backport", "resolves": [{"type": "foo"}]}]}}]"#,
            "cyclonedx.invalid-issue-type", #""foo""#),
        (#""components": [{"type": "library", "name": "x", "externalReferences": [{"type": "vcs", "url": "git@github.com:a/b"}]}]"#,
            "cyclonedx.invalid-url", #""git@"#),
        (#""components": [{"type": "library", "name": "x", "properties": [{"value": "v"}]}]"#, "cyclonedx.missing-field", #"{"value""#),
        (#""services": [{"name": "s", "data": [{"flow": "bar", "classification": "foo"}]}]"#, "cyclonedx.invalid-data-flow", #""bar""#),
        (#""serialNumber": "urn:uuid:3e671687-395b-41f5-a30f""#, "cyclonedx.invalid-serial-number", #""urn"#),
        (#""metadata": {"timestamp": "2020-04-13"}"#, "cyclonedx.invalid-date-time", #""2020"#),
        (#""metadata": {"supplier": {"contact": [{"email": "https://acme.com"}]}}"#, "cyclonedx.invalid-email", #""https"#),
        (#""dependencies": [{"dependsOn": []}]"#, "cyclonedx.missing-field", #"{"dependsOn""#),
        (#""components": [{"type": "library", "name": 5}]"#, "cyclonedx.invalid-type", "5"),
    ]

    @Test(arguments: cases)
    func breachIsAnErrorAtItsPosition(body: String, code: String, at marker: String) throws {
        let text = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1,\n  \(body)\n}\n"
        let value = try JSONParser.parse(Array(text.utf8), file: "case.json")
        let document = CycloneDXReader.read(json: value, path: "case.json")
        let error = try #require(document.errors.first { $0.code == code }, "\(document.diagnostics)")
        let line2 = text.split(separator: "\n")[1]
        let column = try #require(line2.range(of: marker)).lowerBound
        #expect(error.location == SourceLocation(file: "case.json", line: 2, column: line2.distance(from: line2.startIndex, to: column) + 1))
    }

    @Test func bomFormatMustBeCycloneDX() throws {
        let text = #"{"bomFormat": "AnotherFormat", "specVersion": "1.6"}"#
        let document = CycloneDXReader.read(json: try JSONParser.parse(Array(text.utf8), file: "f.json"), path: "f.json")
        let error = try #require(document.errors.first)
        #expect(error.code == "cyclonedx.invalid-bom-format")
        #expect(error.location?.line == 1 && error.location?.column == 15)
    }

    @Test func licenseMixIsAllowedFrom17() throws {
        let text = #"{"bomFormat": "CycloneDX", "specVersion": "1.7", "components": [{"type": "library", "name": "x", "licenses": [{"license": {"id": "MIT"}}, {"expression": "Apache-2.0", "acknowledgement": "concluded"}]}]}"#
        let document = CycloneDXReader.read(json: try JSONParser.parse(Array(text.utf8), file: "f.json"), path: "f.json")
        #expect(document.errors.isEmpty, "\(document.diagnostics)")
        let component = try #require(document.components.first)
        #expect(component.declaredLicense?.parts.map(\.raw) == ["MIT"])
        #expect(component.concludedLicense?.parts.map(\.raw) == ["Apache-2.0"])
    }
}
