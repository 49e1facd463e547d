import Foundation
import PedigreeCore
import Testing

/// Licenses given as text inside the inputs: identified as known licenses, or read for their clauses,
/// whose terms then propagate like known ones (DOMAIN §5).
@Suite("license texts in audits")
struct LicenseTextAuditTests {
    static let folder = PedigreeProcess.repository + "/Tests/Fixtures/license-text/audit/"

    static func audit(_ file: String) -> AuditRun {
        var context = ProductContext()
        context.commercial = true
        context.distribution = [.saas]
        return Pipeline.audit(AuditRequest(inputs: [folder + file], context: context))
    }

    @Test("a research-only dataset text in an SPDX 2 LicenseRef reaches a commercial SaaS as non-commercial")
    func researchOnlyDataset() throws {
        let run = Self.audit("handwriting-saas.spdx.json")
        let nonCommercial = run.result.findings.filter { $0.rule == .nonCommercial }
        #expect(nonCommercial.map(\.component) == ["SPDXRef-Corpus"])
        let finding = try #require(nonCommercial.first)
        #expect(finding.severity == .error)
        #expect(finding.licenses == ["LicenseRef-Handwriting-Corpus-Terms"])
        #expect(finding.notes.contains {
            $0.hasPrefix("inferred from the license text of 'LicenseRef-Handwriting-Corpus-Terms' (line 4 of the text")
                && $0.hasSuffix(": \"The database may be used for non-commercial research purpose only.\"")
        })
        // Raised once for the component whose terms were inferred, naming every clause.
        let ambiguous = run.result.findings.filter { $0.rule == .ambiguousLicense }
        #expect(ambiguous.map(\.component) == ["SPDXRef-Corpus"])
        #expect(ambiguous.first?.message.contains("(attribution, non-commercial) were inferred from the license text") == true)
        #expect(!run.result.findings.contains { $0.rule == .unknownLicense && $0.component == "SPDXRef-Corpus" })
    }

    @Test("a LicenseRef whose text is a known license takes that license's terms, with a note")
    func identifiedText() {
        let run = Self.audit("handwriting-saas.spdx.json")
        #expect(!run.result.findings.contains { $0.component == "SPDXRef-Tokenizer" && $0.rule != .attribution })
        let note = run.diagnostics.first { $0.code == "license-text.identified" }
        #expect(note?.message == "the text of 'LicenseRef-Tokenizer' is 'MIT' (normalized match, confidence 1.00)")
        #expect(run.result.findings.contains { $0.rule == .attribution && $0.component == "SPDXRef-Tokenizer" })
    }

    @Test("a text that says nothing Pedigree reads is reported, never ignored")
    func unrecognisedText() {
        let run = Self.audit("handwriting-saas.spdx.json")
        let warning = run.diagnostics.first { $0.code == "license-text.unrecognised" }
        #expect(warning?.message == "'LicenseRef-Vendor-EULA': its text matches no known license and states no clause Pedigree reads; its terms are unknown")
        #expect(warning?.location?.file.hasSuffix("handwriting-saas.spdx.json") == true)
    }

    @Test("a CycloneDX license given by name and text is read like an SPDX LicenseRef", arguments: ["scribe-clean.cdx.json", "scribe-saas.cdx.xml"])
    func cycloneDXLicenseText(file: String) throws {
        let run = Self.audit(file)
        #expect(!run.inputs.hasInputErrors, "\(run.inputs.load.allDiagnostics)")
        let nonCommercial = try #require(run.result.findings.first { $0.rule == .nonCommercial })
        #expect(nonCommercial.component == "corpus")
        // The id reports use is the license's name as an SPDX idstring.
        #expect(nonCommercial.licenses == ["LicenseRef-Handwriting-Samples-Corpus-Terms-of-Use"])
        #expect(nonCommercial.notes.contains { $0.hasSuffix(": \"The database may be used for non-commercial research purpose only.\"") })
        // The base64 text (wrapped in lines in the XML) is the MIT license: attribution only.
        let identified = run.diagnostics.first { $0.code == "license-text.identified" }
        #expect(identified?.message.contains("is 'MIT'") == true)
        #expect(!run.result.findings.contains { $0.component == "tokenizer" && $0.rule != .attribution })
        #expect(!run.result.findings.contains { $0.rule == .unknownLicense })
    }

    @Test("a CycloneDX license text that is not the base64 it claims is a warning naming its line; the name stays")
    func cycloneDXBadBase64() throws {
        let run = Self.audit("scribe-saas.cdx.json")
        #expect(!run.inputs.hasInputErrors)
        let warning = try #require(run.inputs.load.allDiagnostics.first { $0.code == "cyclonedx.invalid-base64" })
        #expect(warning.severity == .warning && warning.location?.line == 61)
        let broken = try #require(run.result.components.first { $0.ref == "broken" })
        #expect(broken.declaredLicense == "Vendor terms")
        #expect(run.result.findings.contains { $0.rule == .unknownLicense && $0.component == "broken" })
    }

    @Test("a card's license_link to a file of its repository defines the license by that file's text")
    func cardLicenseFiles() throws {
        var context = ProductContext()
        context.commercial = true
        context.distribution = [.saas]
        let run = Pipeline.audit(AuditRequest(inputs: [PedigreeProcess.repository + "/Tests/Fixtures/license-text/cards"], context: context))
        // A research-only LICENSE named by license_link reaches the commercial product; so does a COPYING
        // file beside a card that says only 'other'.
        let nonCommercial = run.result.findings.filter { $0.rule == .nonCommercial }
        #expect(nonCommercial.map(\.component).sorted() == ["acme/beside-model", "acme/nc-model"])
        #expect(nonCommercial.first { $0.component == "acme/nc-model" }?.licenses == ["LicenseRef-acme-research-license"])
        #expect(nonCommercial.first { $0.component == "acme/beside-model" }?.licenses == ["LicenseRef-acme-beside-model-COPYING"])
        // A Hub URL into the card's own repository is the local file: the MIT text, identified.
        #expect(run.diagnostics.contains { $0.code == "license-text.identified" && $0.message.contains("'LicenseRef-acme-open' is 'MIT'") })
        #expect(!run.result.findings.contains { $0.component == "acme/hub-link-model" && $0.rule != .attribution })
        // No file: the name decides, as it did before.
        let noFile = try #require(run.result.components.first { $0.ref == "acme/no-file-model" })
        #expect(noFile.declaredLicense == "llama3")
        #expect(!run.result.findings.contains { $0.rule == .unknownLicense })
    }
}
