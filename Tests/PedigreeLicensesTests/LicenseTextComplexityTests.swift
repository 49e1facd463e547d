import Testing

@testable import PedigreeLicenses

/// Identifying a text costs time in proportion to its length, whatever shape the text has: each test
/// identifies an 8 KiB and a 64 KiB text of the same shape in the same run and compares the two times,
/// never an absolute time, so a slow or busy machine does not make it fail.
@Suite("License text identification stays linear")
struct LicenseTextComplexityTests {
    static let identifier = LicenseTextIdentifier.shared

    /// The fastest of a few identifications, in nanoseconds, and what the last one found.
    static func fastestIdentification(_ text: String, runs: Int = 2) throws
        -> (nanoseconds: Double, result: LicenseTextIdentification)
    {
        let identifier = try Self.identifier.get()
        let clock = ContinuousClock()
        var best = Duration.seconds(3600)
        var result = LicenseTextIdentification()
        for _ in 0..<runs {
            let start = clock.now
            result = identifier.identify(text)
            best = min(best, clock.now - start)
        }
        let (seconds, attoseconds) = best.components
        return (Double(seconds) * 1e9 + Double(attoseconds) / 1e9, result)
    }

    /// `unit(n)` repeated with n = 1, 2, ... until the text holds `bytes` bytes.
    static func repeated(toBytes bytes: Int, _ unit: (Int) -> String) -> String {
        var text = ""
        var number = 1
        while text.utf8.count < bytes {
            text += unit(number)
            number += 1
        }
        return text
    }

    /// Eight times the text must cost about eight times as much (12 leaves room for noise); a step
    /// quadratic in the length makes it 64. Returns the two results for the caller's checks.
    static func expectLinear(_ unit: @escaping (Int) -> String) throws
        -> (small: LicenseTextIdentification, large: LicenseTextIdentification)
    {
        let small = try fastestIdentification(repeated(toBytes: 8 * 1024, unit))
        let large = try fastestIdentification(repeated(toBytes: 64 * 1024, unit))
        #expect(large.nanoseconds < 12 * small.nanoseconds, "8x text: \(large.nanoseconds) ns vs \(small.nanoseconds) ns")
        return (small.result, large.result)
    }

    @Test("a custom license of numbered sections, each with clauses that decide audits")
    func customLicense() throws {
        let (small, large) = try Self.expectLinear { number in
            "\(number). The Licensee may use the Model for research purposes only and must give appropriate credit. "
                + "You may not redistribute the Weights of section \(number) without a written agreement.\n\n"
        }
        #expect(small.license == nil && large.license == nil)
        #expect(Set(large.clauses.map(\.term)) == [.nonCommercial, .attribution, .noRedistribution])
        #expect(large.clauses.count > 7 * small.clauses.count)
    }

    @Test("short distinct clauses on one line, the most clauses a text can hold")
    func denseClausesOnOneLine() throws {
        let (small, large) = try Self.expectLinear { number in "Noncommercial share alike \(number). " }
        #expect(Set(large.clauses.map(\.line)) == [1])
        #expect(large.clauses.count > 7 * small.clauses.count)
    }

    @Test("a line without spaces full of Markdown link openings that never close")
    func unclosedLinkTargets() throws {
        let (small, large) = try Self.expectLinear { _ in "](x" }
        #expect(small.license == nil && large.license == nil && large.clauses.isEmpty)
    }
}
