import Testing

@testable import PedigreeLicenses

/// The licenses decided by rule (`Data/licenses-generated.json`): one representative per copyleft family
/// and per ScanCode category, and how the generated file loads beside the curated one.
@Suite("Generated license data")
struct GeneratedLicenseDataTests {
    static let knowledge = KnowledgeBase.shared

    struct Expected: Sendable, CustomStringConvertible {
        var id: String
        var copyleft: LicenseTerms.Copyleft
        var category: LicenseCategory
        var commercial: LicenseTerms.Commercial = .allowed
        var derivativesAllowed = true
        var description: String { id }
    }

    static let families: [Expected] = [
        Expected(id: "EUPL-1.2", copyleft: .network, category: .networkCopyleft),
        Expected(id: "EUPL-1.1", copyleft: .network, category: .networkCopyleft),
        Expected(id: "OSL-3.0", copyleft: .network, category: .networkCopyleft),
        Expected(id: "CAL-1.0", copyleft: .network, category: .networkCopyleft),
        Expected(id: "GPL-1.0-only", copyleft: .strong, category: .strongCopyleft),
        Expected(id: "Sleepycat", copyleft: .strong, category: .strongCopyleft),
        Expected(id: "CECILL-2.1", copyleft: .strong, category: .strongCopyleft),
        Expected(id: "CECILL-C", copyleft: .weakLibrary, category: .weakCopyleft),
        Expected(id: "LGPLLR", copyleft: .weakLibrary, category: .weakCopyleft),
        Expected(id: "MS-RL", copyleft: .weakFile, category: .weakCopyleft),
        Expected(id: "CPL-1.0", copyleft: .weakFile, category: .weakCopyleft),
        Expected(id: "APSL-2.0", copyleft: .weakFile, category: .weakCopyleft),
        Expected(id: "MPL-2.0-no-copyleft-exception", copyleft: .weakFile, category: .weakCopyleft),
        Expected(id: "GFDL-1.3-only", copyleft: .shareAlike, category: .shareAlike),
        Expected(id: "CC-BY-SA-1.0", copyleft: .shareAlike, category: .shareAlike),
        Expected(id: "CC-BY-NC-1.0", copyleft: .none, category: .nonCommercial, commercial: .forbidden),
        Expected(id: "CC-BY-NC-SA-3.0-DE", copyleft: .shareAlike, category: .nonCommercial, commercial: .forbidden),
        Expected(id: "CC-BY-NC-ND-3.0-IGO", copyleft: .none, category: .nonCommercial, commercial: .forbidden, derivativesAllowed: false),
        Expected(id: "CC-BY-ND-1.0", copyleft: .none, category: .noDerivatives, derivativesAllowed: false),
        Expected(id: "C-UDA-1.0", copyleft: .none, category: .nonCommercial, commercial: .forbidden),
        Expected(id: "LicenseRef-scancode-exaone-ai-model-1.1-nc", copyleft: .none, category: .nonCommercial, commercial: .forbidden),
        Expected(id: "AFL-3.0", copyleft: .none, category: .permissive),
        Expected(id: "MS-PL", copyleft: .none, category: .permissive),
        Expected(id: "Qhull", copyleft: .none, category: .permissive),
        Expected(id: "LicenseRef-scancode-public-domain-disclaimer", copyleft: .none, category: .publicDomain),
        Expected(id: "LicenseRef-scancode-intel-confidential", copyleft: .none, category: .proprietary, derivativesAllowed: false),
    ]

    @Test("each copyleft family and ScanCode category is decided as its text says", arguments: families)
    func family(_ expected: Expected) throws {
        let entry = try #require(Self.knowledge.entry(for: expected.id), "no entry for \(expected.id)")
        #expect(entry.terms.copyleft == expected.copyleft)
        #expect(entry.category == expected.category)
        #expect(entry.terms.commercial == expected.commercial)
        #expect(entry.terms.derivativesAllowed == expected.derivativesAllowed)
        #expect(Self.knowledge.generatedLicenseIDs.contains(entry.id))
        #expect(entry.notes?.hasPrefix("Decided by rule '") == true)
        #expect(entry.terms.sources.contains { $0.hasPrefix("https://scancode-licensedb.aboutcode.org/") })
    }

    @Test("curated entries win over generated ones and keep their own sources")
    func curatedWins() throws {
        let mit = try #require(Self.knowledge.entry(for: "MIT"))
        #expect(!Self.knowledge.generatedLicenseIDs.contains("MIT"))
        #expect(mit.terms.sources.first == "https://spdx.org/licenses/MIT.html")
        let llama = try #require(Self.knowledge.entry(for: "LicenseRef-scancode-llama-3.1-license-2024"))
        #expect(Self.knowledge.isModelLicense(llama.id))
        #expect(!Self.knowledge.generatedLicenseIDs.contains(llama.id))
    }

    @Test("ScanCode's LicenseRef names of SPDX licenses resolve to the SPDX entry")
    func scanCodeNames() throws {
        #expect(Self.knowledge.terms(for: "LicenseRef-scancode-gpl-2.0")?.id == "GPL-2.0-only")
        #expect(Self.knowledge.terms(for: "LicenseRef-scancode-eupl-1.2")?.id == "EUPL-1.2")
        #expect(Self.knowledge.read("LicenseRef-scancode-mit").unknownIDs.isEmpty)
    }

    @Test("a notice-only license may join every copyleft work; Apache-2.0 only the 3.0 GNU licenses")
    func absorbingGroups() throws {
        let mit = try #require(Self.knowledge.terms(for: "MIT"))
        for leading in ["GPL-2.0-only", "OSL-3.0", "EUPL-1.2", "Sleepycat", "LGPL-2.1-only"] {
            #expect(mit.gplCompatibility.contains(leading), "MIT into \(leading)")
            #expect(Self.knowledge.compatibility(leading: leading, other: "MIT") == .yes)
        }
        #expect(!mit.gplCompatibility.contains { $0.hasPrefix("@") })
        #expect(Self.knowledge.compatibility(leading: "OSL-3.0", other: "Apache-2.0") == .no)
        #expect(Self.knowledge.compatibility(leading: "GPL-2.0-only", other: "EUPL-1.2") == .yes)
        #expect(Self.knowledge.compatibility(leading: "GPL-2.0-only", other: "OSL-3.0") == .no)
        #expect(Self.knowledge.compatibility(leading: "GPL-2.0-only", other: "BSD-4-Clause") == .no)
    }

    @Test("an exception is a permission a work may drop but not extend")
    func exceptions() {
        let classpath = "GPL-2.0-only WITH Classpath-exception-2.0"
        #expect(Self.knowledge.compatibility(leading: "GPL-2.0-only", other: classpath) == .yes)
        #expect(Self.knowledge.compatibility(leading: classpath, other: "GPL-2.0-only") == .no)
        #expect(Self.knowledge.compatibility(leading: classpath, other: classpath) == .same)
        #expect(Self.knowledge.compatibility(leading: classpath, other: "MIT") == .yes)
        #expect(Self.knowledge.compatibility(leading: classpath, other: "LGPL-2.1-only") == .no)
        #expect(Self.knowledge.compatibility(leading: "GPL-2.0-only WITH No-Such-exception", other: "MIT") == .unknown)
    }

    @Test("the generated file is decoded strictly")
    func strictDecoding() {
        let curated = Array(#"{"schemaVersion": 1}"#.utf8)
        func generated(_ license: String, rules: String = #"{"r": {"category": "permissive", "copyleft": "none", "commercial": "allowed", "reason": "x", "sources": []}}"#) -> [UInt8] {
            Array(#"{"schemaVersion": 1, "spdxLicenseListVersion": "3.27.0", "groups": {"g": {"reason": "x", "members": ["GPL-2.0-only"]}}, "rules": \#(rules), "aliases": {}, "licenses": [\#(license)]}"#.utf8)
        }
        #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase(json: curated, generatedJSON: generated(#"{"id": "X", "name": "X", "rule": "missing"}"#))
        }
        #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase(json: curated, generatedJSON: generated(#"{"id": "X", "name": "X", "rule": "r", "absorbedBy": "nope"}"#))
        }
        #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase(json: curated, generatedJSON: generated(#"{"id": "X", "name": "X", "rule": "r", "colour": "red"}"#))
        }
        #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase(json: curated, generatedJSON: generated("", rules: #"{"r": {"category": "permissive", "copyleft": "some", "commercial": "allowed", "reason": "x", "sources": []}}"#))
        }
    }

    @Test("a rule's group reference becomes the group's members")
    func groupExpansion() throws {
        let curated = Array(#"{"schemaVersion": 1}"#.utf8)
        let generated = Array(#"{"schemaVersion": 1, "spdxLicenseListVersion": "3.27.0", "groups": {"g": {"reason": "x", "members": ["GPL-2.0-only", "OSL-3.0"]}}, "rules": {"r": {"category": "permissive", "copyleft": "none", "commercial": "allowed", "reason": "because", "sources": ["s"]}}, "aliases": {"LicenseRef-old-x": "X-1.0"}, "licenses": [{"id": "X-1.0", "name": "X", "scancode": "x-1.0", "rule": "r", "absorbedBy": "g"}]}"#.utf8)
        let knowledge = try KnowledgeBase(json: curated, generatedJSON: generated)
        let terms = try #require(knowledge.terms(for: "x-1.0"))
        #expect(terms.gplCompatibility == ["GPL-2.0-only", "OSL-3.0"])
        #expect(terms.sources == ["s", "https://scancode-licensedb.aboutcode.org/x-1.0.html"])
        #expect(knowledge.entry(for: "X-1.0")?.notes == "Decided by rule 'r': because")
        #expect(knowledge.terms(for: "LicenseRef-old-x")?.id == "X-1.0")
    }
}
