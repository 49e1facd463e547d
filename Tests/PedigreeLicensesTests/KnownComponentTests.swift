import Testing

@testable import PedigreeLicenses

@Suite("Known components and version ranges")
struct KnownComponentTests {
    @Test("version ranges", arguments: [
        ("<0.4.0", "0.3.9", true), ("<0.4.0", "0.4.0", false), ("<0.4.0", "v0.3", true),
        (">=2.0.0", "2.0.0", true), (">=2.0.0", "10.1", true), (">=1.0.0,<2.0.0", "1.4.5", true),
        (">=1.0.0, <2.0.0", "2.0.0-rc1", false), ("=1.5", "1.5.0", true), (">1", "b3447", false),
        ("<=1.5", "1.5", true), (">1.5", "1.5.1", true),
    ])
    func ranges(range: String, version: String, contained: Bool) throws {
        let parsed = try #require(VersionRange(range))
        #expect(parsed.contains(version) == contained)
    }

    @Test("malformed ranges are refused", arguments: ["", "~1.0", "1.0", "<", "<1.x", ">=1.0,"])
    func malformed(range: String) {
        #expect(VersionRange(range) == nil)
    }

    static let knowledge = KnowledgeBase(
        licenses: [],
        knownComponents: [
            KnownComponent(identifiers: ["pkg:github/example/server", "example-server"], license: "Apache-2.0", versionRange: VersionRange("<1.0.0"), sources: ["s"], note: "first"),
            KnownComponent(identifiers: ["pkg:github/example/server"], license: "LicenseRef-x", versionRange: VersionRange(">=1.0.0"), sources: ["s"], note: "second"),
            KnownComponent(identifiers: ["Org/Model-7B"], license: "MIT", validFrom: "2024-05-30", sources: ["s"], note: "relicensed"),
            KnownComponent(identifiers: ["Org/Model-7B"], license: "LicenseRef-y", validUntil: "2024-05-29", sources: ["s"], note: "before"),
        ])

    @Test("a purl matches without version, qualifiers or case")
    func purl() throws {
        let fact = try #require(Self.knowledge.knownLicense(purl: "pkg:github/Example/Server@0.9.1?arch=x86#sub", name: "x", version: "0.9.1"))
        #expect(fact.license == "Apache-2.0")
        #expect(fact.note == "first (versions <1.0.0)")
        #expect(Self.knowledge.knownLicense(purl: "pkg:github/example/server@1.2.0", name: "x", version: "1.2.0")?.license == "LicenseRef-x")
        #expect(Self.knowledge.knownLicense(purl: nil, name: "EXAMPLE-SERVER", version: "0.1")?.license == "Apache-2.0")
    }

    @Test("entries that disagree without a version or date give no fact")
    func undecided() {
        #expect(Self.knowledge.knownLicense(purl: "pkg:github/example/server", name: "x", version: nil) == nil)
        #expect(Self.knowledge.knownLicense(purl: nil, name: "org/model-7b", version: nil) == nil)
        #expect(Self.knowledge.knownComponents(purl: nil, name: "org/model-7b", version: nil).count == 2)
    }

    @Test("a Hugging Face id matches by name or inside a pkg:huggingface purl, by date")
    func huggingFace() {
        #expect(Self.knowledge.knownLicense(purl: "pkg:huggingface/Org/Model-7B@abc", name: "m", version: nil, on: "2024-06-01")?.license == "MIT")
        #expect(Self.knowledge.knownLicense(purl: nil, name: "org/model-7b", version: nil, on: "2024-01-01")?.license == "LicenseRef-y")
    }

    @Test("bundled facts: llama.cpp is MIT, text-generation-inference changes by version")
    func bundled() {
        let knowledge = KnowledgeBase.shared
        #expect(knowledge.knownLicense(purl: "pkg:github/ggml-org/llama.cpp@b3447", name: "llama.cpp", version: "b3447")?.license == "MIT")
        #expect(knowledge.knownLicense(purl: "pkg:github/huggingface/text-generation-inference@1.4.5", name: "tgi", version: "1.4.5")?.license == "LicenseRef-scancode-hfoil-1.0")
        #expect(knowledge.knownLicense(purl: "pkg:github/huggingface/text-generation-inference@2.0.1", name: "tgi", version: "2.0.1")?.license == "Apache-2.0")
        #expect(knowledge.knownLicense(purl: nil, name: "Qwen/Qwen2.5-3B", version: nil)?.license == "LicenseRef-scancode-qwen-research-2024")
    }
}

/// The models issue 15 names: LLaMA 1 derivatives declared GPL-3.0, ChatGLM2-6B, neural-chat.
@Suite("Known components users name first")
struct NamedModelsTests {
    let knowledge = KnowledgeBase.shared

    @Test("Ziya and BELLE weights carry LLaMA 1's non-commercial terms whatever their cards declare")
    func llamaOneDerivatives() throws {
        for id in ["IDEA-CCNL/Ziya-LLaMA-13B-v1", "BelleGroup/BELLE-LLaMA-EXT-13B"] {
            let fact = try #require(knowledge.knownLicense(purl: "pkg:huggingface/\(id)", name: id, version: nil))
            #expect(fact.license == "LicenseRef-scancode-llama-license-2023")
            #expect(knowledge.terms(for: fact.license)?.commercial == .forbidden)
            #expect(!fact.sources.isEmpty)
        }
    }

    @Test("ChatGLM2-6B weights need registration for commercial use; neural-chat is Apache-2.0")
    func chatGLM2AndNeuralChat() throws {
        let glm = try #require(knowledge.knownLicense(purl: nil, name: "THUDM/chatglm2-6b", version: nil))
        #expect(knowledge.terms(for: glm.license)?.commercial == .registration)
        let neural = try #require(knowledge.knownLicense(purl: nil, name: "Intel/neural-chat-7b-v3-1", version: nil))
        #expect(neural.license == "Apache-2.0")
    }
}

/// Model-license details that decide findings: which models a carve-out covers, who owes a display,
/// which revision of evolving terms a release was granted under.
@Suite("Model-license details")
struct ModelLicenseDetailTests {
    let knowledge = KnowledgeBase.shared

    @Test("the Llama 3.2 and 3.3 EU carve-out covers the multimodal models only; Llama 4's covers every model")
    func llamaTerritory() throws {
        for id in ["LicenseRef-scancode-llama-3.2-license-2024", "LicenseRef-scancode-llama-3.3-license-2024"] {
            let territory = try #require(knowledge.terms(for: id)?.territory.first)
            #expect(territory.regions == ["EU"])
            #expect(territory.appliesTo == .multimodalModels)
        }
        #expect(knowledge.terms(for: "LicenseRef-scancode-llama-4-cla-2025")?.territory.first?.appliesTo == .allModels)
    }

    @Test("'Built with Qwen' is owed by derivative models; 'Built with Llama' by every release")
    func displayDuty() {
        #expect(knowledge.terms(for: "LicenseRef-scancode-qwen-2024")?.attribution.displayOwedBy == .derivativeModels)
        #expect(knowledge.terms(for: "LicenseRef-scancode-qwen-research-2024")?.attribution.displayOwedBy == .derivativeModels)
        #expect(knowledge.terms(for: "LicenseRef-scancode-llama-3.1-license-2024")?.attribution.displayOwedBy == .everyRelease)
    }

    @Test("Gemma 1 and 2 were granted the 2024 terms, Gemma 3 the 2025 terms, with the same clauses")
    func gemmaByDate() throws {
        let gemma2 = try #require(knowledge.knownLicense(purl: nil, name: "google/gemma-2-9b-it", version: nil))
        let gemma3 = try #require(knowledge.knownLicense(purl: nil, name: "google/gemma-3-27b-it", version: nil))
        #expect(gemma2.license == "LicenseRef-scancode-gemma-tou-2024-04-01")
        #expect(gemma3.license == "LicenseRef-scancode-gemma-tou-2025-03-24")
        let old = try #require(knowledge.terms(for: gemma2.license))
        let new = try #require(knowledge.terms(for: gemma3.license))
        #expect(old.grantsTheSameTerms(as: new))
        #expect(!old.grantsTheSameTerms(as: try #require(knowledge.terms(for: "LicenseRef-scancode-llama-3.1-license-2024"))))
    }
}
