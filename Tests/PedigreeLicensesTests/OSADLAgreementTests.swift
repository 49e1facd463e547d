import Testing

@testable import PedigreeLicenses

@Suite("Agreement with the OSADL matrix")
struct OSADLAgreementTests {
    static func entry(_ id: String, _ copyleft: LicenseTerms.Copyleft, absorbedBy: [String] = []) -> LicenseEntry {
        LicenseEntry(
            terms: LicenseTerms(id: id, name: id, copyleft: copyleft, gplCompatibility: absorbedBy, sources: ["s"]),
            category: copyleft == .none ? .permissive : .strongCopyleft)
    }

    static let knowledge = KnowledgeBase(
        licenses: [
            entry("MIT", .none, absorbedBy: ["GPL-2.0-only"]), entry("Apache-2.0", .none),
            entry("GPL-2.0-only", .strong), entry("MPL-2.0", .weakFile),
        ],
        compatibilityNotes: [
            CompatibilityNote(leading: "MPL-2.0", other: "Apache-2.0", osadl: .no, pedigree: .yes, reason: "file-level", sources: [])
        ])

    @Test("agreeing, documented and undocumented pairs are counted apart")
    func counts() {
        let matrix: [String: [String: String]] = [
            "GPL-2.0-only": ["MIT": "Yes", "Apache-2.0": "No", "GPL-2.0-only": "Same", "MPL-2.0": "Check dependency"],
            "MIT": ["Apache-2.0": "Yes", "GPL-2.0-only": "Yes", "Unlisted-1.0": "Yes"],
            "MPL-2.0": ["Apache-2.0": "No", "MIT": "Unknown"],
        ]
        let agreement = OSADLAgreement(matrix: matrix, knowledge: Self.knowledge)
        #expect(agreement.compared == 6)
        #expect(agreement.agreeing == 4)
        #expect(agreement.documented.map(\.pair.leading) == ["MPL-2.0"])
        #expect(agreement.undocumented == [OSADLAgreement.Pair(leading: "MIT", other: "GPL-2.0-only", osadl: .yes, pedigree: .no)])
        #expect(agreement.withoutVerdict == 2)
        #expect(!agreement.isConsistent)
    }

    @Test("a note whose pair now agrees is stale")
    func stale() {
        let agreement = OSADLAgreement(matrix: ["MPL-2.0": ["Apache-2.0": "Yes"]], knowledge: Self.knowledge)
        #expect(agreement.agreeing == 1)
        #expect(agreement.staleNotes.count == 1)
        #expect(!agreement.isConsistent)
    }
}
