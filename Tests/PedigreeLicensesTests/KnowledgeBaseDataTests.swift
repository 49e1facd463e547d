import Foundation
import Testing

@testable import PedigreeLicenses

/// The bundled data file: it decodes strictly, its facts cite sources, and the schema agrees with the code.
@Suite("Knowledge base data")
struct KnowledgeBaseDataTests {
    static let repository: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    @Test("the bundled file decodes and holds every section")
    func decodes() throws {
        let knowledge = try KnowledgeBase.bundled()
        #expect(knowledge.entries.count >= 89)
        #expect(knowledge.spdxLicenses.count == 699)
        #expect(knowledge.spdxExceptions.count == 79)
        #expect(knowledge.spdxLicenseListVersion == "3.27.0")
        #expect(!knowledge.modelLicenseIDs.isEmpty)
        #expect(knowledge.spdxLicense("MIT")?.isOSIApproved == true)
        #expect(knowledge.spdxLicense("GPL-2.0")?.isDeprecated == true)
        #expect(knowledge.spdxException("classpath-exception-2.0")?.id == "Classpath-exception-2.0")
    }

    @Test("every entry has a unique id, a source and known outbound licenses")
    func entries() throws {
        let knowledge = try KnowledgeBase.bundled()
        var ids = Set<String>()
        for entry in knowledge.entries {
            #expect(ids.insert(entry.id.lowercased()).inserted, "duplicate id \(entry.id)")
            #expect(!entry.terms.sources.isEmpty, "\(entry.id) has no source")
            #expect(entry.terms.sources.allSatisfy { $0.hasPrefix("https://") || $0.hasPrefix("http://") }, "\(entry.id)")
            for outbound in entry.terms.gplCompatibility {
                #expect(knowledge.terms(for: outbound) != nil, "\(entry.id) names unknown outbound \(outbound)")
            }
            if !entry.id.hasPrefix("LicenseRef-") {
                #expect(knowledge.spdxLicense(entry.id) != nil || entry.id == "OpenMDW-1.0", "\(entry.id) is not an SPDX id")
            }
        }
    }

    @Test("the brief's software and data licenses all have terms")
    func coverage() throws {
        let knowledge = try KnowledgeBase.bundled()
        let required = [
            "MIT", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "0BSD", "ISC", "Zlib", "Apache-2.0", "MPL-2.0",
            "EPL-2.0", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "GPL-2.0-only",
            "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later", "AGPL-3.0-only", "AGPL-3.0-or-later", "SSPL-1.0",
            "BUSL-1.1", "Unlicense", "CC0-1.0", "ODC-By-1.0", "ODbL-1.0", "PDDL-1.0", "CDLA-Permissive-1.0",
            "CDLA-Permissive-2.0", "CDLA-Sharing-1.0", "OpenMDW-1.0", "Python-2.0", "PSF-2.0", "BSL-1.0",
            "Unicode-3.0", "Artistic-2.0", "WTFPL", "curl", "OpenSSL", "X11",
        ]
        for id in required { #expect(knowledge.terms(for: id) != nil, "\(id) has no terms") }
    }

    // MARK: strict decoding

    static func decode(license fields: String) throws(KnowledgeBaseError) -> KnowledgeBase {
        let json = """
            {"schemaVersion": 1, "_comment": "test", "licenses": [{"id": "X-1.0", "name": "X", "category": "permissive",
             "copyleft": "none", "commercial": "allowed", "sources": ["https://example.org"]\(fields)}]}
            """
        return try KnowledgeBase(json: Array(json.utf8))
    }

    @Test("omitted optional keys take their documented defaults")
    func defaults() throws {
        let terms = try #require(try Self.decode(license: "").terms(for: "x-1.0"))
        #expect(terms.derivativesAllowed)
        #expect(!terms.derivativeIncludesOutputs)
        #expect(terms.outputUse.isEmpty && terms.thresholds.isEmpty && terms.gplCompatibility.isEmpty)
        #expect(terms.attribution == LicenseTerms.Attribution())
    }

    @Test("unknown keys, bad enum values and missing facts fail", arguments: [
        (", \"copyleftt\": \"none\"", "unknown key 'copyleftt'"),
        (", \"attribution\": {\"licenceCopy\": true}", "unknown key 'licenceCopy'"),
        (", \"thresholds\": [{\"metric\": \"users\", \"limit\": 1}]", "thresholds"),
        (", \"outputUse\": [\"no-training\"]", "outputUse"),
        (", \"thresholds\": [{\"metric\": \"monthly-active-users\", \"limit\": 1, \"when\": \"x\"}]", "unknown key 'when'"),
    ])
    func strict(fields: String, phrase: String) {
        #expect {
            _ = try Self.decode(license: fields)
        } throws: { error in
            guard let error = error as? KnowledgeBaseError else { return false }
            #expect(error.message.contains(phrase), "\(error.message)")
            return true
        }
    }

    @Test("a wrong category, copyleft or top-level key fails")
    func strictTopLevel() {
        #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase(json: Array(#"{"schemaVersion": 1, "licences": []}"#.utf8))
        }
        #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase(json: Array(#"{"schemaVersion": 2}"#.utf8))
        }
        #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase(json: Array(#"{"schemaVersion": 1, "licenses": [{"id": "X", "name": "X", "category": "free", "copyleft": "none", "commercial": "allowed", "sources": []}]}"#.utf8))
        }
        #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase(json: Array(#"{"schemaVersion": 1, "licenses": [{"id": "X", "name": "X", "category": "permissive", "commercial": "allowed", "sources": []}]}"#.utf8))
        }
        #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase(json: Array(#"{"schemaVersion": 1, "knownComponents": [{"identifiers": ["x"], "license": "MIT", "versionRange": "~1.0", "sources": []}]}"#.utf8))
        }
    }

    // MARK: the schema agrees with the code

    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repository + "/Schemas/knowledge-base.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func enumValues(_ schema: [String: Any], _ path: [String]) -> Set<String> {
        var node: Any? = schema
        for key in path { node = (node as? [String: Any])?[key] }
        return Set(((node as? [String: Any])?["enum"] as? [String]) ?? [])
    }

    @Test("the schema's enums are exactly the code's")
    func schemaEnums() throws {
        let schema = try Self.schema()
        let entry = ["$defs", "licenseEntry", "properties"]
        #expect(Self.enumValues(schema, entry + ["category"]) == Set(LicenseCategory.allCases.map(\.rawValue)))
        #expect(Self.enumValues(schema, entry + ["copyleft"]) == ["none", "weak-file", "weak-library", "share-alike", "strong", "network"])
        #expect(Self.enumValues(schema, entry + ["commercial"]) == ["allowed", "forbidden", "threshold", "registration"])
        #expect(Self.enumValues(schema, entry + ["outputUse", "items"]) == ["no-improving-other-models", "naming-required", "attribution-required", "no-competing-models"])
        #expect(Self.enumValues(schema, ["$defs", "threshold", "properties", "metric"]) == ["monthly-active-users", "daily-active-users", "annual-revenue-usd"])
        #expect(Self.enumValues(schema, ["$defs", "compatibilityNote", "properties", "osadl"]) == Set(OSADLVerdict.allCases.map(\.rawValue)))
        #expect(Self.enumValues(schema, ["$defs", "compatibilityNote", "properties", "pedigree"]) == Set(CompatibilityVerdict.allCases.map(\.rawValue)))
        let keys = try #require(((schema["$defs"] as? [String: Any])?["licenseEntry"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(keys.keys) == LicenseEntry.keys)
    }
}

@Suite("Known lineage data")
struct KnownLineageDataTests {
    @Test("every known base is itself a known component with a license that has terms")
    func everyBaseResolves() throws {
        let kb = KnowledgeBase.shared
        let bases = kb.knownComponents.flatMap(\.derivedFrom)
        #expect(bases.count >= 4)
        for base in bases {
            let fact = try #require(kb.knownLicense(purl: nil, name: base.identifier, version: nil), "\(base.identifier) is no known component")
            #expect(kb.terms(for: fact.license) != nil, "\(base.identifier)'s license \(fact.license) has no terms")
        }
    }

    @Test("Ziya and BELLE releases name the LLaMA 1 base of their size")
    func llamaOneDerivatives() {
        let kb = KnowledgeBase.shared
        let cases = [
            ("IDEA-CCNL/Ziya-LLaMA-13B-v1", "huggyllama/llama-13b"), ("BelleGroup/BELLE-LLaMA-EXT-7B", "huggyllama/llama-7b"),
            ("BelleGroup/BELLE-LLaMA-13B-2M-enc", "huggyllama/llama-13b"), ("IDEA-CCNL/Ziya-LLaMA-7B-Reward", "huggyllama/llama-7b"),
        ]
        for (model, base) in cases {
            let facts = kb.knownBases(purl: "pkg:huggingface/\(model)@main", name: model, version: nil)
            #expect(facts.map(\.identifier) == [base], "\(model)")
            #expect(facts.allSatisfy { $0.license == "LicenseRef-scancode-llama-license-2023" && $0.relationship == .derivedFrom })
        }
        #expect(kb.knownBases(purl: nil, name: "Intel/neural-chat-7b-v3-1", version: nil).isEmpty)
    }

    @Test("a base named with a relationship that is no derivation is refused")
    func nonDerivativeRelationshipIsRefused() throws {
        let json = #"{"identifiers": ["a/b"], "license": "MIT", "sources": [], "derivedFrom": [{"identifier": "c/d", "relationship": "runs"}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(KnownComponent.self, from: Data(json.utf8)) }
    }
}
