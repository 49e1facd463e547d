import PedigreeDiagnostics
import Testing

@Suite("TerminalText shows control and bidi characters from input as escapes")
struct TerminalTextTests {
    @Test(
        "escapes",
        arguments: [
            ("plain ASCII", "Apache-2.0 OR MIT", "Apache-2.0 OR MIT"),
            ("letters beyond ASCII", "Ünïcödé 模型 😀", "Ünïcödé 模型 😀"),
            ("escape sequence", "red\u{1B}[31mtext", "red\\u{1b}[31mtext"),
            ("line break", "one\ntwo\r", "one\\u{a}two\\u{d}"),
            ("NUL and bell", "a\u{0}b\u{7}", "a\\u{0}b\\u{7}"),
            ("DEL and C1 controls", "x\u{7F}\u{85}\u{9B}y", "x\\u{7f}\\u{85}\\u{9b}y"),
            ("right-to-left override", "MIT\u{202E}LPG", "MIT\\u{202e}LPG"),
            ("bidi isolates and marks", "\u{2066}a\u{2069}\u{200E}\u{200F}\u{61C}", "\\u{2066}a\\u{2069}\\u{200e}\\u{200f}\\u{61c}"),
            // A tab cannot move the cursor back or hide text, so it is kept for readable messages.
            ("tab", "a\tb", "a\tb"),
        ])
    func escapes(name: String, input: String, expected: String) {
        #expect(TerminalText.escape(input) == expected, "\(name)")
    }
}

@Suite("Diagnostic prints as path:line:col: severity: [code] message")
struct DiagnosticDescriptionTests {
    @Test func errorWithPositionAndNotes() {
        var diagnostic = Diagnostic.error(
            "json.duplicate-key", "duplicate key 'name' in object",
            at: SourceLocation(file: "sboms/app.cdx.json", line: 12, column: 7))
        diagnostic.notes = ["first 'name' is at sboms/app.cdx.json:9:7"]
        #expect(diagnostic.description == """
            sboms/app.cdx.json:12:7: error: [json.duplicate-key] duplicate key 'name' in object
              note: first 'name' is at sboms/app.cdx.json:9:7
            """)
    }

    @Test func warningAndNoteSeverities() {
        let location = SourceLocation(file: "model/README.md", line: 3, column: 1)
        #expect(Diagnostic.warning("card.unknown-license", "unknown license 'other'", at: location).description
            == "model/README.md:3:1: warning: [card.unknown-license] unknown license 'other'")
        #expect(Diagnostic.note("card.hint", "see the model card", at: location).description
            == "model/README.md:3:1: note: [card.hint] see the model card")
    }

    @Test func withoutLocationOrWithOnlyAnOffset() {
        #expect(Diagnostic.error("input.empty", "no inputs given").description == "error: [input.empty] no inputs given")
        let offset = Diagnostic.error("yaml.reader", "invalid leading UTF-8 octet", at: .offset(41, in: "card.yaml"))
        #expect(offset.description == "card.yaml:@41: error: [yaml.reader] invalid leading UTF-8 octet")
    }

    @Test func inputTextInMessagesAndNotesIsEscaped() {
        var diagnostic = Diagnostic.error(
            "json.syntax", "expected a value, found 'x\u{1B}[2J'", at: SourceLocation(file: "a.json", line: 1, column: 2))
        diagnostic.notes = ["key 'a\u{202E}b'"]
        #expect(diagnostic.description == "a.json:1:2: error: [json.syntax] expected a value, found 'x\\u{1b}[2J'\n  note: key 'a\\u{202e}b'")
        #expect(InputError(diagnostic).description == diagnostic.description)
    }

    @Test func severitiesOrderAndLocationsSort() {
        #expect(Diagnostic.Severity.note < .warning && Diagnostic.Severity.warning < .error)
        var collector = DiagnosticCollector()
        collector.warning("b.code", "second", at: SourceLocation(file: "a.json", line: 2, column: 1))
        collector.error("a.code", "first", at: SourceLocation(file: "a.json", line: 1, column: 9))
        collector.note("c.code", "unplaced")
        #expect(collector.sorted.map(\.code) == ["c.code", "a.code", "b.code"])
        #expect(collector.hasErrors)
    }
}
