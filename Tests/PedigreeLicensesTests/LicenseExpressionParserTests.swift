import PedigreeDiagnostics
import Testing

@testable import PedigreeLicenses

/// The strict SPDX grammar, against a small id table so that these cases do not depend on the data file.
@Suite("Strict SPDX expression parser")
struct LicenseExpressionParserTests {
    static let ids = LicenseIDTable(
        licenses: [
            "MIT", "Apache-2.0", "BSD-3-Clause", "GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only",
            "GPL-3.0-or-later", "LGPL-2.1-only", "LGPL-2.1-or-later", "MPL-2.0", "CC-BY-4.0", "ISC",
        ],
        exceptions: ["Classpath-exception-2.0", "LLVM-exception"])
    static let parser = LicenseExpressionParser(ids: ids)

    static let valid: [(String, String)] = [
        ("MIT", "MIT"),
        ("mit", "MIT"),
        ("apache-2.0", "Apache-2.0"),
        ("  MIT\t", "MIT"),
        ("MIT OR Apache-2.0", "MIT OR Apache-2.0"),
        ("MIT AND Apache-2.0 OR ISC", "MIT AND Apache-2.0 OR ISC"),
        ("MIT OR Apache-2.0 AND ISC", "MIT OR Apache-2.0 AND ISC"),
        ("(MIT OR Apache-2.0) AND ISC", "(MIT OR Apache-2.0) AND ISC"),
        ("MIT AND (Apache-2.0 AND ISC)", "MIT AND Apache-2.0 AND ISC"),
        ("((MIT))", "MIT"),
        ("GPL-2.0-only WITH Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0"),
        ("GPL-2.0-or-later WITH classpath-exception-2.0 OR MIT", "GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT"),
        ("Apache-2.0 WITH LLVM-exception AND MIT", "Apache-2.0 WITH LLVM-exception AND MIT"),
        ("GPL-2.0+", "GPL-2.0-or-later"),
        ("GPL-2.0-only+", "GPL-2.0-or-later"),
        ("GPL-2.0-or-later", "GPL-2.0-or-later"),
        ("Apache-2.0+", "Apache-2.0+"),
        ("LicenseRef-scancode-llama-3.1-license-2024", "LicenseRef-scancode-llama-3.1-license-2024"),
        ("licenseref-Custom", "LicenseRef-Custom"),
        ("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"),
        ("MIT WITH AdditionRef-my-exception", "MIT WITH AdditionRef-my-exception"),
        ("(MIT OR ISC)\n AND\r\n(Apache-2.0 OR BSD-3-Clause)", "(MIT OR ISC) AND (Apache-2.0 OR BSD-3-Clause)"),
    ]

    @Test("valid expressions come out canonical", arguments: valid)
    func validExpressions(input: String, canonical: String) throws {
        let expression = try Self.parser.parse(input)
        #expect(expression.description == canonical)
    }

    @Test("precedence: WITH binds tighter than AND, AND tighter than OR")
    func precedence() throws {
        let expression = try Self.parser.parse("MIT OR GPL-2.0-only WITH Classpath-exception-2.0 AND ISC")
        #expect(
            expression
                == .or([
                    .id("MIT"),
                    .and([
                        .license(id: "GPL-2.0-only", orLater: false, exception: "Classpath-exception-2.0"), .id("ISC"),
                    ]),
                ]))
    }

    @Test("AND and OR are flattened")
    func flattening() throws {
        #expect(try Self.parser.parse("MIT AND (ISC AND (Apache-2.0 AND MPL-2.0))") == .and([.id("MIT"), .id("ISC"), .id("Apache-2.0"), .id("MPL-2.0")]))
        #expect(try Self.parser.parse("(MIT OR ISC) OR Apache-2.0") == .or([.id("MIT"), .id("ISC"), .id("Apache-2.0")]))
        #expect(try Self.parser.parse("(MIT OR ISC) AND Apache-2.0") == .and([.or([.id("MIT"), .id("ISC")]), .id("Apache-2.0")]))
    }

    @Test("+ and -or-later both set orLater")
    func orLater() throws {
        #expect(try Self.parser.parse("GPL-2.0-or-later") == .license(id: "GPL-2.0-or-later", orLater: true, exception: nil))
        #expect(try Self.parser.parse("GPL-2.0+") == .license(id: "GPL-2.0-or-later", orLater: true, exception: nil))
        #expect(try Self.parser.parse("MPL-2.0+") == .license(id: "MPL-2.0", orLater: true, exception: nil))
        #expect(try Self.parser.parse("GPL-3.0-only") == .license(id: "GPL-3.0-only", orLater: false, exception: nil))
    }

    /// Input, error code, 0-based offset of the first bad token, and a phrase of the message.
    static let invalid: [(String, String, Int, String)] = [
        ("", "license.expression-empty", 0, "found nothing"),
        ("   ", "license.expression-empty", 3, "found nothing"),
        ("MIT and Apache-2.0", "license.expression-syntax", 4, "operators are upper case: 'AND'"),
        ("MIT or Apache-2.0", "license.expression-syntax", 4, "found 'or'"),
        ("MIT Apache-2.0", "license.expression-syntax", 4, "expected 'AND', 'OR', 'WITH' or the end of the expression, found 'Apache-2.0'"),
        ("MIT AND", "license.expression-syntax", 7, "expected a license id or '(', found the end of the expression"),
        ("AND MIT", "license.expression-syntax", 0, "found 'AND'"),
        ("(MIT OR ISC", "license.expression-syntax", 11, "expected ')' to close the '(' at column 1"),
        ("MIT OR ISC)", "license.expression-syntax", 10, "without a matching '('"),
        ("()", "license.expression-syntax", 1, "found ')'"),
        ("MIT / Apache-2.0", "license.expression-syntax", 4, "found '/'"),
        ("MIT, ISC", "license.expression-syntax", 3, "found ','"),
        ("Foo-1.0 OR MIT", "license.unknown-id", 0, "found unknown id 'Foo-1.0'"),
        ("MIT OR Apache 2.0", "license.unknown-id", 7, "found unknown id 'Apache'"),
        ("MIT WITH Apache-2.0", "license.unknown-exception", 9, "found the license id 'Apache-2.0'"),
        ("GPL-2.0-only WITH Nope-exception", "license.unknown-exception", 18, "found unknown id 'Nope-exception'"),
        ("GPL-2.0-only WITH", "license.expression-syntax", 17, "expected a license exception id after 'WITH'"),
        ("(MIT OR ISC) WITH LLVM-exception", "license.expression-syntax", 13, "an exception applies to one license id"),
        ("GPL-2.0 +", "license.expression-syntax", 8, "found a space before '+'"),
        ("LicenseRef-x+", "license.expression-syntax", 12, "'+' may follow only an SPDX license id"),
        ("LicenseRef-", "license.expression-syntax", 0, "after 'LicenseRef-'"),
        ("DocumentRef-a:MIT", "license.expression-syntax", 0, "expected 'LicenseRef-…' after 'DocumentRef-a:'"),
        ("Other:LicenseRef-a", "license.expression-syntax", 0, "expected 'DocumentRef-…:LicenseRef-…'"),
        ("MIT OR Ä", "license.expression-syntax", 7, "found 'Ä'"),
        ("MIT OR ISC OR é OR x", "license.expression-syntax", 14, "found 'é'"),
    ]

    @Test("invalid expressions report the first bad token's offset", arguments: invalid)
    func invalidExpressions(input: String, code: String, offset: Int, phrase: String) {
        #expect {
            _ = try Self.parser.parse(input)
        } throws: { error in
            guard let error = error as? LicenseExpressionError else { return false }
            #expect(error.code == code)
            #expect(error.offset == offset)
            #expect(error.column == offset + 1)
            #expect(error.message.contains(phrase), "message: \(error.message)")
            return true
        }
    }

    @Test("byte offsets count UTF-8 bytes, not characters")
    func byteOffsets() {
        // 'é' is two bytes, so 'x' starts at byte 20 although it is the 19th character.
        #expect(throws: LicenseExpressionError.self) { try Self.parser.parse("MIT OR ISC OR é OR x") }
        do {
            _ = try Self.parser.parse("LicenseRef-a OR ü ISC")
        } catch {
            #expect(error.offset == 16)
            #expect(error.length == 2)
        }
    }

    @Test("nesting beyond the depth limit is refused at the first '(' too deep")
    func depthLimit() throws {
        let ok = String(repeating: "(", count: 64) + "MIT" + String(repeating: ")", count: 64)
        #expect(try Self.parser.parse(ok) == .id("MIT"))
        let deep = String(repeating: "(", count: 65) + "MIT" + String(repeating: ")", count: 65)
        #expect {
            _ = try Self.parser.parse(deep)
        } throws: { error in
            let error = error as? LicenseExpressionError
            return error?.code == "license.expression-too-deep" && error?.offset == 64
        }
        // A hostile depth far past the limit fails just as fast, without deep recursion.
        let hostile = String(repeating: "(", count: 8000)
        #expect(throws: LicenseExpressionError.self) { try Self.parser.parse(hostile) }
    }

    @Test("input longer than the byte limit is refused before lexing")
    func lengthLimit() throws {
        let long = Array(repeating: "MIT", count: 2100).joined(separator: " OR ")
        #expect(long.utf8.count > 8192)
        #expect {
            _ = try Self.parser.parse(long)
        } throws: { error in
            let error = error as? LicenseExpressionError
            return error?.code == "license.expression-too-long" && error?.offset == 8192
        }
        let small = LicenseExpressionParser(ids: Self.ids, limits: InputLimits(maxExpressionBytes: 10))
        #expect(throws: LicenseExpressionError.self) { try small.parse("MIT OR Apache-2.0") }
        #expect(try small.parse("MIT OR ISC") == .or([.id("MIT"), .id("ISC")]))
    }

    @Test("a long flat expression parses in linear time")
    func longFlatExpression() throws {
        let text = Array(repeating: "MIT", count: 1000).joined(separator: " AND ")
        let clock = ContinuousClock()
        let start = clock.now
        let expression = try Self.parser.parse(text)
        #expect(clock.now - start < .seconds(1))
        guard case .and(let operands) = expression else {
            Issue.record("expected one flat AND")
            return
        }
        #expect(operands.count == 1000)
    }

    @Test("without an id table any idstring is accepted as written")
    func syntaxOnly() throws {
        let parser = LicenseExpressionParser(ids: nil)
        #expect(try parser.parse("Foo-1.0 OR bar WITH baz-exception").description == "Foo-1.0 OR bar WITH baz-exception")
    }
}
