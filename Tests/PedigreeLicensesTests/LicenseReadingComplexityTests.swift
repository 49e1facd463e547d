import PedigreeDiagnostics
import PedigreeModel
import Testing

@testable import PedigreeLicenses

/// Reading cost grows linearly with the input: each test compares two inputs measured in the same run,
/// never an absolute time, so a slow or busy machine does not make it fail.
@Suite("License reading stays linear")
struct LicenseReadingComplexityTests {
    static let knowledge = KnowledgeBase.shared

    /// The fastest of a few runs, in nanoseconds: the minimum filters out scheduling noise.
    static func fastest(runs: Int = 3, _ work: () -> Void) -> Double {
        let clock = ContinuousClock()
        var best = Duration.seconds(3600)
        for _ in 0..<runs {
            let start = clock.now
            work()
            best = min(best, clock.now - start)
        }
        let (seconds, attoseconds) = best.components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }

    @Test("a non-ASCII word just under the 8 KiB limit costs about what an ASCII one does")
    func nonASCIIWord() {
        let limit = InputLimits.default.maxExpressionBytes
        // `_` and `é` both keep the word from being an SPDX id, so both take the same path.
        let ascii = "_" + String(repeating: "a", count: limit - 3)
        let nonASCII = "é" + String(repeating: "a", count: limit - 4)
        #expect(nonASCII.utf8.count == ascii.utf8.count)
        var readings: [LicenseReading] = []
        let asciiTime = Self.fastest { readings.append(Self.knowledge.read(ascii)) }
        let nonASCIITime = Self.fastest { readings.append(Self.knowledge.read(nonASCII)) }
        // Both are one word that names no license.
        #expect(readings.allSatisfy { $0.expression == nil })
        // Quadratic reading made this ratio about 50 at this size (and growing with the length); a
        // linear reading stays under 5 even on a loaded machine.
        #expect(nonASCIITime < 10 * asciiTime, "non-ASCII \(nonASCIITime) ns vs ASCII \(asciiTime) ns")
    }
}
