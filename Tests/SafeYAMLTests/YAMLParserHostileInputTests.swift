import PedigreeDiagnostics
import SafeYAML
import Testing

@Suite("YAMLParser rejects hostile and broken input with a positioned error")
struct YAMLParserHostileInputTests {
    /// Billion laughs: nine levels of nine aliases would expand to 9^9 nodes.
    @Test func aliasBombStopsAtTheAliasThatExceedsTheNodeBudget() {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        var lines = [#"a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"#]
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
            lines.append("\(name): &\(name) [\(aliases)]")
        }
        // Aliases add 9*10 + 9*91 + 9*820 + 9*7381 = 74,718 nodes through `e`; the first `*e` adds
        // 66,430 more and passes 100,000, at line 6 (`f`), column 8.
        let diagnostic = expectYAMLError(
            lines.joined(separator: "\n") + "\n", code: "yaml.alias-budget", line: 6, column: 8)
        #expect(diagnostic?.message.contains("141148") == true)
    }

    @Test func aliasCountIsLimited() {
        let aliases = Array(repeating: "*a", count: 101).joined(separator: ", ")
        // The 101st alias starts 100 * 4 characters after the first one at column 5.
        expectYAMLError("a: &a x\nb: [\(aliases)]\n", code: "yaml.alias-budget", line: 2, column: 405)
        let hundred = Array(repeating: "*a", count: 100).joined(separator: ", ")
        #expect(throws: Never.self) { try parseYAML("a: &a x\nb: [\(hundred)]\n") }
    }

    @Test func pythonObjectTagIsForbidden() {
        let diagnostic = expectYAMLError(
            "license: mit\ncmd: !!python/object/apply:os.system [\"echo owned\"]\n",
            code: "yaml.forbidden-tag", line: 2, column: 6)
        #expect(diagnostic?.message.contains("'!!python/object/apply:os.system'") == true)
    }

    @Test(arguments: [
        ("value: !!python/object:__main__.Exploit {}\n", 1, 8),
        ("value: !custom text\n", 1, 8),
        ("- !<tag:example.com,2024:thing> x\n", 1, 3),
        ("%TAG !! tag:example.com,2024:\n---\nvalue: !!str text\n", 3, 8),
        ("value: !!binary aGVsbG8=\n", 1, 8),
        ("value: !!set {a, b}\n", 1, 8),
    ])
    func tagsOutsideTheCoreSchemaAreForbidden(text: String, line: Int, column: Int) {
        expectYAMLError(text, code: "yaml.forbidden-tag", line: line, column: column)
    }

    @Test(arguments: [
        ("count: !!int twelve\n", 1, 8),
        ("flag: !!bool yes\n", 1, 7),
        ("list: !!map [1, 2]\n", 1, 7),
        ("name: !!seq text\n", 1, 7),
    ])
    func tagsMustFitTheirValue(text: String, line: Int, column: Int) {
        expectYAMLError(text, code: "yaml.tag-mismatch", line: line, column: column)
    }

    @Test func duplicateKeyIsReportedAtTheSecondWithANoteAtTheFirst() throws {
        let diagnostic = try #require(
            expectYAMLError(
                "license: mit\nname: model\nlicense: apache-2.0\n", code: "yaml.duplicate-key", line: 3, column: 1))
        #expect(diagnostic.message.contains("'license'"))
        #expect(diagnostic.notes == ["key 'license' first appears at input.yaml:1:1"])
    }

    @Test(arguments: [
        ("{a: 1, a: 2}\n", 1, 8),
        ("outer:\n  a: 1\n  \"a\": 2\n", 3, 3),
        ("list:\n- name: x\n  name: y\n", 3, 3),
    ])
    func duplicateKeysAnywhere(text: String, line: Int, column: Int) {
        expectYAMLError(text, code: "yaml.duplicate-key", line: line, column: column)
    }

    @Test func invalidUTF8IsReportedAtItsLineAndCharacterColumn() {
        // Line 2 holds `bé: x` (five characters, six bytes) before the 0xFF byte at offset 11.
        let bytes = Array("a: 1\nbé: x".utf8) + [0xFF] + Array("\n".utf8)
        let diagnostic = expectYAMLError(bytes, code: "yaml.invalid-utf8", line: 2, column: 6)
        #expect(diagnostic?.location?.byteOffset == 11)
        #expect(diagnostic?.message.contains("0xFF") == true)
    }

    @Test func truncatedUTF8SequenceInFrontMatterCountsFromTheFirstLine() {
        let bytes = Array("license: mit\nname: caf".utf8) + [0xC3]
        let diagnostic = expectYAMLError(bytes, code: "yaml.invalid-utf8", line: 3, column: 10, firstLine: 2)
        #expect(diagnostic?.location?.byteOffset == 22)
    }

    @Test func utf16IsRefused() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00]
        expectYAMLError(bytes, code: "yaml.invalid-utf8", line: 1, column: 1)
    }

    @Test func controlCharacterIsRefused() {
        expectYAMLError("a: 1\nb: x\u{07}y\n", code: "yaml.invalid-character", line: 2, column: 5)
    }

    @Test func unclosedFlowSequence() throws {
        let diagnostic = try #require(
            expectYAMLError("licenses: [MIT, Apache-2.0\n", code: "yaml.syntax", line: 2, column: 1))
        #expect(diagnostic.notes == ["a flow sequence starts at input.yaml:1:11"])
    }

    @Test func unterminatedQuotedString() throws {
        let diagnostic = try #require(
            expectYAMLError("license: mit\nname: \"llama\n", code: "yaml.syntax", line: 3, column: 1))
        #expect(diagnostic.message == "found unexpected end of stream while scanning a quoted scalar")
        #expect(diagnostic.notes == ["a quoted scalar starts at input.yaml:2:7"])
    }

    @Test func tenThousandNestedFlowSequencesStopAtTheLimit() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        expectYAMLError(text, code: "yaml.too-deep", line: 1, column: 65)
    }

    @Test func hundredThousandUnclosedBracketsFailAtTheLimit() {
        expectYAMLError(String(repeating: "[", count: 100_000), code: "yaml.too-deep", line: 1, column: 65)
    }

    @Test func deepBlockMappingsStopAtTheLimit() {
        var text = ""
        for level in 0..<1_000 { text += String(repeating: "  ", count: level) + "k:\n" }
        // The 65th mapping starts with its first key, on line 65 after 64 indentation steps.
        expectYAMLError(text, code: "yaml.too-deep", line: 65, column: 129)
    }

    @Test func depthLimitIsInclusive() throws {
        let limits = InputLimits(maxYAMLDepth: 3)
        let node = try parseYAML("[[[x]]]", limits: limits)
        #expect(node.sequence?.first?.sequence?.first?.sequence?.first?.string == "x")
        expectYAMLError("- - - - x\n", code: "yaml.too-deep", line: 1, column: 7, limits: limits)
    }

    @Test func secondDocumentIsRefused() {
        expectYAMLError("a: 1\n---\nb: 2\n", code: "yaml.multiple-documents", line: 2, column: 1)
        expectYAMLError("--- a\n...\n--- b\n", code: "yaml.multiple-documents", line: 3, column: 1)
    }

    @Test func aliasToUnknownAnchor() {
        let diagnostic = expectYAMLError(
            "base: &base x\nother: *missing\n", code: "yaml.unknown-anchor", line: 2, column: 8)
        #expect(diagnostic?.message.contains("'*missing'") == true)
    }

    @Test func aliasToAnOpenNode() throws {
        let diagnostic = try #require(
            expectYAMLError("list: &loop [1, *loop]\n", code: "yaml.recursive-alias", line: 1, column: 17))
        #expect(diagnostic.notes == ["anchor '&loop' is at input.yaml:1:7"])
    }

    @Test func aliasKeyIsRefused() {
        expectYAMLError("name: &n license\n*n : mit\n", code: "yaml.complex-key", line: 2, column: 1)
    }

    @Test(arguments: [
        ("? {a: 1}\n: value\n", 1, 3),
        ("{[a, b]: 1}\n", 1, 2),
        ("? - a\n: value\n", 1, 3),
    ])
    func collectionKeyIsRefused(text: String, line: Int, column: Int) {
        expectYAMLError(text, code: "yaml.complex-key", line: line, column: column)
    }

    @Test func longScalarIsRefused() {
        let limits = InputLimits(maxStringBytes: 16)
        expectYAMLError(
            "ok: \(String(repeating: "x", count: 16))\nlong: \(String(repeating: "x", count: 17))\n",
            code: "yaml.string-too-long", line: 2, column: 7, limits: limits)
    }

    @Test func errorPositionsFollowTheFirstLine() throws {
        let diagnostic = try #require(
            expectYAMLError("a: 1\na: 2\n", code: "yaml.duplicate-key", line: 3, column: 1, firstLine: 2))
        #expect(diagnostic.notes == ["key 'a' first appears at input.yaml:2:1"])
    }
}
