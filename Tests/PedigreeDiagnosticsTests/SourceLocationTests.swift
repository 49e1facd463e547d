import PedigreeDiagnostics
import Testing

@Suite struct SourceLocationTests {
    @Test func printsLineAndColumnWhenKnown() {
        #expect(SourceLocation(file: "bom.json", line: 3, column: 14).description == "bom.json:3:14")
    }

    @Test func printsByteOffsetWhenOnlyTheOffsetIsKnown() {
        #expect(SourceLocation.offset(117, in: "card.yaml").description == "card.yaml:@117")
    }

    @Test func ordersByFileThenLineThenColumn() {
        let locations = [
            SourceLocation(file: "b.json", line: 1, column: 1),
            SourceLocation(file: "a.json", line: 9, column: 2),
            SourceLocation(file: "a.json", line: 9, column: 1),
            SourceLocation(file: "a.json", line: 2, column: 40),
        ]
        #expect(locations.sorted().map(\.description) == ["a.json:2:40", "a.json:9:1", "a.json:9:2", "b.json:1:1"])
    }

    @Test func collectorSortsDiagnosticsByPositionThenCode() {
        var collector = DiagnosticCollector()
        collector.warning("b.code", "second", at: SourceLocation(file: "x", line: 2, column: 1))
        collector.error("z.code", "first", at: SourceLocation(file: "x", line: 1, column: 5))
        collector.note("a.code", "also second", at: SourceLocation(file: "x", line: 2, column: 1))
        #expect(collector.sorted.map(\.code) == ["z.code", "a.code", "b.code"])
        #expect(collector.hasErrors)
    }
}
