import Testing

@testable import PedigreeLicenses

/// Spot facts of the bundled data, each a property the rules depend on.
@Suite("License facts")
struct LicenseFactsTests {
    static let knowledge = KnowledgeBase.shared

    func terms(_ text: String) throws -> LicenseTerms {
        let reading = Self.knowledge.read(text)
        let expression = try #require(reading.expression, "'\(text)' did not resolve")
        guard case .license(let id, _, _) = expression else {
            Issue.record("'\(text)' is not one license")
            throw CancellationError()
        }
        return try #require(Self.knowledge.terms(for: id), "no terms for \(id)")
    }

    @Test("Apache-2.0 may join GPL-3.0 works, not GPL-2.0 ones")
    func apacheGPL() throws {
        let apache = try terms("Apache-2.0")
        #expect(apache.gplCompatibility.contains("GPL-3.0-only"))
        #expect(!apache.gplCompatibility.contains("GPL-2.0-only"))
        #expect(Self.knowledge.compatibility(leading: "GPL-2.0-only", other: "Apache-2.0") == .no)
        #expect(Self.knowledge.compatibility(leading: "GPL-3.0-or-later", other: "Apache-2.0") == .yes)
        #expect(Self.knowledge.compatibility(leading: "GPL-2.0-or-later", other: "Apache-2.0") == .no)
        #expect(apache.attribution.noticeFile)
    }

    @Test("copyleft kinds", arguments: [
        ("LGPL-2.1-only", LicenseTerms.Copyleft.weakLibrary), ("LGPL-3.0-or-later", .weakLibrary),
        ("AGPL-3.0-only", .network), ("AGPL-3.0-or-later", .network), ("GPL-2.0-only", .strong),
        ("GPL-3.0-or-later", .strong), ("MPL-2.0", .weakFile), ("EPL-2.0", .weakFile), ("CC-BY-SA-4.0", .shareAlike),
        ("ODbL-1.0", .shareAlike), ("MIT", .none), ("SSPL-1.0", .network),
    ])
    func copyleft(id: String, expected: LicenseTerms.Copyleft) throws {
        #expect(try terms(id).copyleft == expected)
    }

    @Test("the whole CC-BY family: NC forbids commercial use, ND forbids derivatives, SA shares alike")
    func creativeCommons() throws {
        for version in ["2.0", "2.5", "3.0", "4.0"] {
            for kind in ["BY", "BY-SA", "BY-NC", "BY-ND", "BY-NC-SA", "BY-NC-ND"] {
                let entry = try #require(Self.knowledge.entry(for: "CC-\(kind)-\(version)"))
                #expect((entry.terms.commercial == .forbidden) == kind.contains("NC"))
                #expect(entry.terms.derivativesAllowed == !kind.contains("ND"))
                #expect((entry.terms.copyleft == .shareAlike) == kind.contains("SA"))
                #expect(entry.terms.attribution.licenseCopy)
            }
        }
        #expect(Self.knowledge.entry(for: "CC-BY-NC-4.0")?.category == .nonCommercial)
        #expect(Self.knowledge.entry(for: "CC-BY-ND-4.0")?.category == .noDerivatives)
        #expect(try terms("CC-BY-SA-4.0").gplCompatibility == ["GPL-3.0-only", "GPL-3.0-or-later"])
    }

    @Test("or-later GNU licenses may be absorbed by the later versions")
    func orLater() {
        #expect(Self.knowledge.compatibility(leading: "GPL-3.0-only", other: "GPL-2.0-or-later") == .yes)
        #expect(Self.knowledge.compatibility(leading: "GPL-3.0-only", other: "GPL-2.0-only") == .no)
        #expect(Self.knowledge.compatibility(leading: "GPL-2.0-only", other: "LGPL-2.1-only") == .yes)
        #expect(Self.knowledge.compatibility(leading: "MIT", other: "GPL-2.0-only") == .no)
        #expect(Self.knowledge.compatibility(leading: "MIT", other: "BSD-4-Clause") == .yes)
        #expect(Self.knowledge.compatibility(leading: "MIT", other: "MIT") == .same)
        #expect(Self.knowledge.compatibility(leading: "MIT", other: "any-OSI") == .unknown)
        #expect(Self.knowledge.newestVersion(of: "GPL-2.0-or-later") == "GPL-3.0-or-later")
        #expect(Self.knowledge.newestVersion(of: "MPL-1.1") == "MPL-2.0")
        #expect(Self.knowledge.newestVersion(of: "Apache-2.0") == "Apache-2.0")
    }

    @Test("source-available and non-commercial software terms")
    func sourceAvailable() throws {
        #expect(try terms("Elastic License 2.0").hostedServiceForbidden)
        #expect(try terms("BUSL-1.1").commercial == .forbidden)
        #expect(try terms("PolyForm-Noncommercial-1.0.0").commercial == .forbidden)
    }

    // MARK: AI model licenses (the modelLicenses section)

    @Test("Llama 3.1: derivative names begin with 'Llama', 700M MAU at the release date")
    func llama31() throws {
        let llama = try terms("llama3.1")
        #expect(llama.attribution.namePrefix == "Llama")
        #expect(llama.attribution.display == "Built with Llama")
        #expect(llama.outputUse.contains(.namingRequired))
        #expect(llama.thresholds.contains { $0.metric == .monthlyActiveUsers && $0.limit == 700_000_000 })
    }

    @Test("Llama 2 forbids using its outputs to improve other models")
    func llama2() throws {
        #expect(try terms("llama2").outputUse.contains(.noImprovingOtherModels))
        #expect(try terms("META LLAMA 3 COMMUNITY LICENSE AGREEMENT").outputUse.contains(.noImprovingOtherModels))
    }

    @Test("Qwen 2024: commercial use above 100M monthly active users needs a license")
    func qwen() throws {
        let qwen = try terms("qwen")
        #expect(qwen.commercial == .threshold)
        #expect(qwen.thresholds.contains { $0.metric == .monthlyActiveUsers && $0.limit == 100_000_000 })
        #expect(try terms("qwen-research").commercial == .forbidden)
    }

    @Test("Stability AI Community: US$1M annual revenue")
    func stability() throws {
        let stability = try terms("stabilityai-ai-community")
        #expect(stability.thresholds.contains { $0.metric == .annualRevenueUSD && $0.limit == 1_000_000 })
    }

    @Test("the OpenRAIL family's use restrictions flow down", arguments: [
        "bigscience-openrail-m", "creativeml-openrail-m", "openrail++", "bigscience-bloom-rail-1.0",
    ])
    func openRAIL(name: String) throws {
        let rail = try terms(name)
        #expect(rail.useRestrictionsFlowDown)
        #expect(rail.derivativeIncludesOutputs)
    }
}
