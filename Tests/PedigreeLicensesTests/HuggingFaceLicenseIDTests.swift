import PedigreeDiagnostics
import PedigreeModel
import Testing

@testable import PedigreeLicenses

/// The Hub's license vocabulary (https://huggingface.co/docs/hub/repositories-licenses, 72 ids) and the
/// `license_name` values cards use most: each names terms, and reading it is at most a note.
@Suite("Hugging Face license ids")
struct HuggingFaceLicenseIDTests {
    static let knowledge = KnowledgeBase.shared

    static let hubIDs = [
        "apache-2.0", "mit", "bigscience-openrail-m", "creativeml-openrail-m", "bigscience-bloom-rail-1.0",
        "bigcode-openrail-m", "afl-3.0", "artistic-2.0", "bsl-1.0", "bsd-2-clause", "bsd-3-clause",
        "bsd-3-clause-clear", "c-uda", "cc0-1.0", "cc-by-2.0", "cc-by-2.5", "cc-by-3.0", "cc-by-4.0",
        "cc-by-sa-3.0", "cc-by-sa-4.0", "cc-by-nc-2.0", "cc-by-nc-3.0", "cc-by-nc-4.0", "cc-by-nd-4.0",
        "cc-by-nc-nd-3.0", "cc-by-nc-nd-4.0", "cc-by-nc-sa-2.0", "cc-by-nc-sa-3.0", "cc-by-nc-sa-4.0",
        "cdla-sharing-1.0", "cdla-permissive-1.0", "cdla-permissive-2.0", "wtfpl", "ecl-2.0", "epl-1.0",
        "epl-2.0", "etalab-2.0", "eupl-1.1", "eupl-1.2", "agpl-3.0", "gpl-2.0", "gpl-3.0", "lgpl-2.1",
        "lgpl-3.0", "isc", "h-research", "intel-research", "lppl-1.3c", "ms-pl", "apple-ascl", "apple-amlr",
        "mpl-2.0", "odc-by", "odbl", "openmdw-1.0", "openrail++", "osl-3.0", "postgresql", "ofl-1.1", "ncsa",
        "unlicense", "zlib", "pddl", "lgpl-lr", "deepfloyd-if-license", "fair-noncommercial-research-license",
        "llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4", "grok2-community", "gemma",
    ]
    static let licenseNames = [
        "flux-1-dev-non-commercial-license", "faipl-1.0-sd", "sai-nc-community", "microsoft-research-license",
        "coqui-public-model-license", "tongyi-qianwen", "qwen", "qwen-research", "deepseek", "glm-4",
    ]

    @Test("every Hub id and common license_name resolves to terms, at most with a note", arguments: hubIDs + licenseNames)
    func resolves(_ hubID: String) throws {
        let form: LicenseText.Form = Self.licenseNames.contains(hubID) ? .name : .id
        let reading = Self.knowledge.read(hubID, form: form)
        let expression = try #require(reading.expression, "'\(hubID)' did not resolve")
        for id in expression.licenseIDs { #expect(Self.knowledge.terms(for: id) != nil, "no terms for \(id)") }
        #expect(reading.diagnostics.allSatisfy { $0.severity == .note }, "\(reading.diagnostics.map(\.message))")
        #expect(!reading.isAmbiguous)
    }

    @Test("a Hub id that differs from its SPDX id is noted; a family id stays ambiguous")
    func notesAndFamilies() {
        let llama = Self.knowledge.read("llama3.1", form: .id)
        #expect(llama.diagnostics.map(\.code) == ["license.hub-id"])
        #expect(llama.expression?.description == "LicenseRef-scancode-llama-3.1-license-2024")
        #expect(Self.knowledge.read("apache-2.0", form: .id).diagnostics.isEmpty)
        for family in ["bsd", "gpl", "openrail"] {
            let reading = Self.knowledge.read(family, form: .id)
            #expect(reading.expression == nil && reading.isAmbiguous, "\(family)")
        }
        // Inside an SPDX expression the words are SPDX's: 'gpl-2.0' is the deprecated id, rewritten with a warning.
        #expect(Self.knowledge.read("gpl-2.0").diagnostics.map(\.code) == ["license.rewritten"])
    }

    @Test("FLUX.1 [dev] forbids commercial use and keeps its attribution notice")
    func fluxDev() throws {
        let terms = try #require(Self.knowledge.terms(for: "LicenseRef-scancode-flux-1-nc"))
        #expect(terms.commercial == .forbidden)
        #expect(terms.attribution.notice?.hasPrefix("The FLUX.1 [dev] Model is licensed by Black Forest Labs") == true)
        #expect(!Self.knowledge.generatedLicenseIDs.contains(terms.id))
    }
}
