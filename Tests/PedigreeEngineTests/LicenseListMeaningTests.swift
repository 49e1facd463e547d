import PedigreeDiagnostics
import PedigreeLicenses
import PedigreeModel
import Testing
@testable import PedigreeEngine

/// A list of licenses on one component is read as its ecosystem means it (DOMAIN §5).
@Suite struct LicenseListMeaningTests {
    static let location = SourceLocation(file: "bom.cdx.json", line: 12, column: 7)

    /// A product statically linking `lib`, which lists `ids` in a CycloneDX `licenses[]`.
    static func audit(listing ids: [String], purl: String?, others: [(String, String)] = []) -> AuditResult {
        var g = GraphBuilder()
        g.component("app", license: "MIT", kind: .application)
        let statement = LicenseStatement(
            ids.map { LicenseText($0, form: .id, location: location) }, isAmbiguousList: true,
            list: LicenseListEvidence(origin: .cycloneDXLicenses, packageType: LicenseListEvidence.packageType(ofPURL: purl)))
        g.components.append(Component(ref: "lib", name: "lib", kind: .library, purl: purl, declaredLicense: statement, location: location))
        g.edge("app", .staticLink, "lib")
        for (ref, license) in others {
            g.component(ref, license: license)
            g.edge("app", .staticLink, ref)
        }
        g.root("app")
        return Engine.audit(
            graph: g.graph, context: ProductContext(commercial: true, distribution: [.binary]), catalog: KnowledgeBase.shared)
    }

    @Test(arguments: ["pkg:maven/com.rabbitmq/amqp-client@4.4.1?type=jar", "pkg:npm/left-pad@1.3.0", "pkg:pypi/chardet@5.2.0"])
    func anEcosystemListIsAChoice(purl: String) throws {
        let result = Self.audit(listing: ["GPL-2.0-only", "Apache-2.0", "MPL-1.1"], purl: purl)
        #expect(result.findings(.copyleftConflict).isEmpty)
        #expect(result.findings(.ambiguousLicense).isEmpty)
        let choice = try #require(result.choices.first { $0.component == "lib" })
        #expect(choice.expression == "GPL-2.0-only OR Apache-2.0 OR MPL-1.1")
        #expect(choice.chosen == "Apache-2.0")
    }

    @Test func anotherListIsANDReportedOnceAndNeverConflictsWithItself() throws {
        let result = Self.audit(listing: ["GPL-2.0-only", "Apache-2.0", "CC-BY-NC-4.0"], purl: "pkg:cargo/tokenizers@0.21.0")
        let ambiguous = result.findings(.ambiguousLicense)
        #expect(ambiguous.map(\.component) == ["lib"])
        #expect(ambiguous.first?.message.contains("a list of 3 licenses") == true)
        // The licensor granted the three together: no conflict among them, here or downstream.
        #expect(result.findings(.copyleftConflict).isEmpty)
        // AND for use terms: the non-commercial term still bites.
        #expect(result.findings(.nonCommercial).map(\.component) == ["lib"])
        // Reported once: the finding, not also a reading warning.
        #expect(!result.diagnostics.contains { $0.code == "license.ambiguous" })
        #expect(result.choices.isEmpty)
    }

    @Test func differentComponentsStillConflict() throws {
        let result = Self.audit(listing: ["GPL-2.0-only", "Apache-2.0"], purl: nil, others: [("nc", "CC-BY-NC-4.0")])
        let conflicts = result.findings(.copyleftConflict)
        #expect(conflicts.count == 1)
        #expect(Set(conflicts.flatMap(\.licenses)) == ["GPL-2.0-only", "CC-BY-NC-4.0"])
    }

    @Test func packageTypeComesFromThePURL() {
        #expect(LicenseListEvidence.packageType(ofPURL: "pkg:maven/org.example/lib@1.0") == "maven")
        #expect(LicenseListEvidence.packageType(ofPURL: "pkg:PyPI/chardet") == "pypi")
        #expect(LicenseListEvidence.packageType(ofPURL: "https://example.com") == nil)
        #expect(LicenseListEvidence.packageType(ofPURL: nil) == nil)
    }
}
