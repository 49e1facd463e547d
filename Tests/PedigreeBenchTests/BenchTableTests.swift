import Testing

@testable import pedigree_bench

@Suite("Bench table")
struct BenchTableTests {
    static func row(_ detail: String) -> BenchRunner.Row {
        let benchCase = BenchCase(name: "portfolio.add", label: "store add") { _ in BenchResult(bestSeconds: 0, runs: 1) }
        return BenchRunner.Row(benchCase: benchCase, result: BenchResult(bestSeconds: 12.5, runs: 1, detail: detail), peakResidentBytes: 1)
    }

    @Test("a short detail stays beside the figures on one line")
    func shortDetail() {
        let lines = BenchTable.lines(Self.row("12 matches with paths"))
        #expect(lines.count == 1)
        #expect(lines[0].hasSuffix("  12 matches with paths"))
        #expect(lines[0].count <= BenchTable.width)
    }

    @Test("a long detail is printed whole under the figures, wrapped between words within the table's width")
    func longDetail() throws {
        let detail = "10000 products, 200 components each; audit 31 ms/release; SQLite write 14 ms/release, "
            + "22 releases/s, 1402 MiB; PostgreSQL write 25 ms/release, 17 releases/s, 1838 MiB"
        let lines = BenchTable.lines(Self.row(detail))
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("store add") && lines[0].hasSuffix(" 0.0 MB"), "the figures alone")
        #expect(lines.allSatisfy { $0.count <= BenchTable.width })
        let rejoined = lines.dropFirst().map { $0.dropFirst(BenchTable.detailIndent.count) }.joined(separator: " ")
        #expect(rejoined == detail)
    }

    @Test("a word longer than the width is kept whole on its own line")
    func longWord() {
        let word = String(repeating: "x", count: 120)
        #expect(BenchTable.wrap("a \(word) b", width: 40) == ["a", word, "b"])
    }
}

extension BenchTableTests {
    @Test("a label longer than its column stands whole on the line above the figures")
    func longLabel() {
        let label = "store query --license category (PostgreSQL)"
        let benchCase = BenchCase(name: "portfolio.postgres.query.license", label: label) { _ in BenchResult(bestSeconds: 0, runs: 1) }
        let row = BenchRunner.Row(benchCase: benchCase, result: BenchResult(bestSeconds: 0.05, runs: 5, detail: "3 matches"))
        let lines = BenchTable.lines(row)
        #expect(lines.count == 2)
        #expect(lines[0] == label)
        #expect(lines[1].hasPrefix(String(repeating: " ", count: BenchTable.labelWidth)) && lines[1].hasSuffix("  3 matches"))
    }
}
