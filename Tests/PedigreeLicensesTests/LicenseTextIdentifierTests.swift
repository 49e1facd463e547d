import Foundation
import Testing

@testable import PedigreeLicenses

/// Identification of license texts against the bundled index, and the clauses read from texts that
/// match nothing known (fixtures in `Tests/Fixtures/license-text/`).
@Suite("License text identification")
struct LicenseTextIdentifierTests {
    static let fixtures: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/Fixtures/license-text/"
    }()

    static func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: fixtures + name, encoding: .utf8)
    }

    static func identifier() throws -> LicenseTextIdentifier { try LicenseTextIdentifier.shared.get() }

    @Test("the bundled index decodes, credits ScanCode LicenseDB and names licenses as the knowledge base does")
    func index() throws {
        let index = try Self.identifier().index
        #expect(index.entries.count > 2_500)
        #expect(index.credit.contains("ScanCode LicenseDB") && index.credit.contains("CC-BY-4.0"))
        let ids = Set(index.entries.map(\.id))
        #expect(ids.contains("MIT") && ids.contains("Apache-2.0") && ids.contains("GPL-3.0-only"))
        #expect(ids.contains("LicenseRef-scancode-llama-3.1-license-2024"))
    }

    @Test("a damaged index is an error, not a crash")
    func damagedIndex() throws {
        let url = try #require(Bundle.module.url(forResource: "license-text-index", withExtension: "bin", subdirectory: nil)
            ?? Bundle.allBundles.lazy.compactMap { $0.url(forResource: "license-text-index", withExtension: "bin") }.first
            ?? nil as URL?, "bundled index")
        let data = try Data(contentsOf: url)
        #expect(throws: LicenseTextIndexError.self) { try LicenseTextIndex(bytes: data.prefix(data.count / 2)) }
        #expect(throws: LicenseTextIndexError.self) { try LicenseTextIndex(bytes: Data("PDGTXI01".utf8)) }
        #expect(throws: LicenseTextIndexError.self) { try LicenseTextIndex(bytes: data + Data([0])) }
    }

    @Test("the normaliser agrees with the index script word for word and hash for hash")
    func normaliserMatchesScript() {
        // Values printed by Scripts/generate-license-text-index.py for the same text.
        let text = "# The Licence\r\n\nCopyright (c) 2024 Ada\n1. You **may** use it \u{201C}as is\u{201D} (a) see [site](https://x.org/a) https://y.org\n\u{A9} 2020 Someone\nii) Organisation\u{2014}wide \u{2014} ok."
        let words = LicenseTextNormalizer.words(text)
        #expect(words == ["the", "license", "you", "may", "use", "it", "as", "is", "see", "site", "http", "org", "organization", "wide", "ok"])
        #expect(LicenseTextNormalizer.fnv1a(words.joined(separator: " ")) == 14_954_083_954_936_100_233)
        #expect(LicenseTextNormalizer.fnv1a(LicenseTextNormalizer.collapsedWhitespace(text)) == 6_135_293_227_139_606_526)
        let grams = LicenseTextNormalizer.gramHashes(words)
        #expect(grams.count == 11)
        #expect(Array(grams.sorted().prefix(3)) == [416_051_172, 1_028_651_532, 1_226_392_807])
    }

    @Test("exact, normalised and approximate matches name the license with their confidence")
    func matches() throws {
        let identifier = try Self.identifier()
        let plain = identifier.identify(try Self.fixture("mit-plain.txt"))
        #expect(plain.license == "MIT" && plain.matchedBy == .exact && plain.confidence == 1)
        // Markdown, curly quotes, a bullet, reflowed lines and a copyright line: equal once normalised.
        let markdown = try Self.fixture("mit-as-markdown.md")
        let body = String(markdown.drop(while: { $0 != "\n" }))
        let normalized = identifier.identify(body)
        #expect(normalized.license == "MIT" && normalized.matchedBy == .normalized && normalized.confidence == 1)
        // With a title the license text does not have, only approximately.
        let titled = identifier.identify(markdown)
        #expect(titled.license == "MIT" && titled.matchedBy == .approximate && titled.confidence > 0.95)
        #expect(titled.clauses.isEmpty)
        let edited = identifier.identify(try Self.fixture("mit-edited.txt"))
        #expect(edited.license == "MIT" && edited.matchedBy == .approximate)
        #expect(edited.confidence >= LicenseTextIdentifier.threshold && edited.confidence < 1)
    }

    @Test("a README that discusses licenses is not identified")
    func readme() throws {
        let result = try Self.identifier().identify(try Self.fixture("project-readme.md"))
        #expect(result.license == nil && result.matchedBy == nil && result.confidence == 0)
        #expect((result.closest?.score ?? 0) < LicenseTextIdentifier.threshold)
    }

    @Test("an empty text is nothing")
    func empty() throws {
        let result = try Self.identifier().identify(" \n\t ")
        #expect(result.license == nil && result.clauses.isEmpty && result.closest == nil)
    }

    @Test("a research-only dataset's terms are read with their sentences and lines")
    func researchOnly() throws {
        let result = try Self.identifier().identify(try Self.fixture("research-only-dataset.txt"))
        #expect(result.license == nil)
        let terms = result.clauses.map { "\($0.term.rawValue)@\($0.line)" }
        #expect(terms == ["non-commercial@4", "attribution@4", "no-redistribution@7"])
        #expect(result.clauses.first?.sentence == "The database may be used for non-commercial research purpose only.")
    }

    @Test("a custom model license yields threshold, naming, flow-down, share-alike and no-derivatives")
    func customModelTerms() throws {
        let clauses = try Self.identifier().identify(try Self.fixture("custom-model-terms.txt")).clauses
        #expect(clauses.map(\.term) == [.usageThreshold, .naming, .useRestriction, .shareAlike, .noDerivatives])
        #expect(clauses.first?.threshold == LicenseTerms.Threshold(metric: .monthlyActiveUsers, limit: 50_000_000))
        #expect(clauses.first?.line == 6)
        #expect(clauses.first { $0.term == .naming }?.namePrefix == "Orchid")
        #expect(clauses.first { $0.term == .useRestriction }?.flowsDown == true)
        #expect(!clauses.contains { $0.term == .noRedistribution || $0.term == .nonCommercial })
    }

    @Test("permissions are not read as bans")
    func permissions() throws {
        let clauses = try Self.identifier().identify(try Self.fixture("permissive-custom.txt")).clauses
        #expect(clauses.isEmpty, "\(clauses)")
    }

    @Test("thresholds read users and revenue with their scale")
    func thresholds() {
        let revenue = LicenseThresholdReader.threshold(
            in: LicenseClauseReader.plainText("if your annual revenue exceeds USD 1 million you need a license"))
        #expect(revenue == LicenseTerms.Threshold(metric: .annualRevenueUSD, limit: 1_000_000))
        let daily = LicenseThresholdReader.threshold(in: LicenseClauseReader.plainText("more than 100,000 daily active users"))
        #expect(daily == LicenseTerms.Threshold(metric: .dailyActiveUsers, limit: 100_000))
        #expect(LicenseThresholdReader.threshold(in: LicenseClauseReader.plainText("active users are welcome")) == nil)
    }
}
