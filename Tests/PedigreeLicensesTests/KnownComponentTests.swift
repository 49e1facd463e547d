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
