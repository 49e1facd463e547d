import PedigreeDiagnostics

/// A strict SPDX license expression parser (SPDX 2.3 Annex D, SPDX 3.0 Annex "SPDX License Expressions").
///
/// Grammar, as the specifications give it (ABNF):
///
///     idstring              = 1*(ALPHA / DIGIT / "-" / "." )
///     license-id            = <short form license identifier in Annex A.1>
///     license-exception-id  = <short form license exception identifier in Annex A.2>
///     license-ref           = ["DocumentRef-"(idstring)":"]"LicenseRef-"(idstring)
///     addition-ref          = ["DocumentRef-"(idstring)":"]"AdditionRef-"(idstring)      ; SPDX 3.0
///     simple-expression     = license-id / license-id"+" / license-ref
///     compound-expression   = (simple-expression /
///                              simple-expression "WITH" (license-exception-id / addition-ref) /
///                              compound-expression "AND" compound-expression /
///                              compound-expression "OR" compound-expression /
///                              "(" compound-expression ")" )
///     license-expression    = (simple-expression / compound-expression)
///
/// With the precedence WITH > AND > OR (SPDX 2.3 D.4.3), this is parsed by one method per level:
///
///     expression  = or-list END
///     or-list     = and-list *("OR" and-list)          ; parseOrList
///     and-list    = with-term *("AND" with-term)       ; parseAndList
///     with-term   = "(" or-list ")" / simple ["WITH" exception]   ; parseWithTerm
///     simple      = license-ref / license-id ["+"]     ; parseSimple
///
/// Rules beyond the ABNF, each from the specifications' prose:
/// - Ids match case-insensitively and come out in their list spelling; the prefixes `LicenseRef-`,
///   `DocumentRef-` and `AdditionRef-` likewise. Operators are case-sensitive: `and` is an error here.
/// - `+` must follow its license id directly and is not allowed after a `LicenseRef-`.
/// - `X+` and `X-or-later` both set `orLater`. Where the list has an `-or-later` id for the license
///   (`GPL-2.0+`, `GPL-2.0-only+`), that id is used (`GPL-2.0-or-later`), so one license has one spelling;
///   otherwise the id keeps a `+` (`Apache-2.0+`). DOMAIN.md §5: it counts as the newest version allowed.
/// - `AND` and `OR` are flattened: `A AND (B AND C)` is one `and` of three operands.
///
/// Limits (HARDENING.md): at most `limits.maxExpressionBytes` bytes and `limits.maxExpressionDepth`
/// levels of parentheses, so the recursion depth is bounded and the parse is linear in the text.
public struct LicenseExpressionParser: Sendable {
    private let ids: (any LicenseIDLookup)?
    private let limits: InputLimits

    /// - Parameters:
    ///   - ids: the ids that exist; nil accepts any `idstring` as a license or exception id, as written.
    ///   - limits: the length and nesting limits.
    public init(ids: (any LicenseIDLookup)?, limits: InputLimits = .default) {
        self.ids = ids
        self.limits = limits
    }

    /// Parses one expression.
    ///
    /// - Throws: `LicenseExpressionError` with the offset of the first bad token.
    /// - Complexity: O(n) in the length of the text.
    public func parse(_ text: String) throws(LicenseExpressionError) -> LicenseExpression {
        let byteCount = text.utf8.count
        if byteCount > limits.maxExpressionBytes {
            throw LicenseExpressionError(
                code: "license.expression-too-long",
                message: "expression has \(byteCount) bytes, more than the limit of \(limits.maxExpressionBytes) bytes",
                offset: limits.maxExpressionBytes)
        }
        var lexer = LicenseExpressionLexer(text)
        var state = State(tokens: lexer.tokens(), ids: ids, maxDepth: limits.maxExpressionDepth)
        if state.current.kind == .end {
            throw LicenseExpressionError(
                code: "license.expression-empty", message: "expected a license expression, found nothing",
                offset: state.current.offset)
        }
        let expression = try state.parseOrList(depth: 0)
        if state.current.kind != .end {
            throw state.unexpectedAfterOperand()
        }
        return expression
    }

    private struct State {
        var tokens: [LicenseExpressionToken]
        var index = 0
        let ids: (any LicenseIDLookup)?
        let maxDepth: Int

        init(tokens: [LicenseExpressionToken], ids: (any LicenseIDLookup)?, maxDepth: Int) {
            self.tokens = tokens
            self.ids = ids
            self.maxDepth = maxDepth
        }

        var current: LicenseExpressionToken { tokens[index] }

        mutating func advance() {
            if index < tokens.count - 1 { index += 1 }
        }

        /// `or-list = and-list *("OR" and-list)`
        mutating func parseOrList(depth: Int) throws(LicenseExpressionError) -> LicenseExpression {
            var operands = [try parseAndList(depth: depth)]
            while current.kind == .or {
                advance()
                operands.append(try parseAndList(depth: depth))
            }
            return operands.count == 1 ? operands[0] : .or(Self.flatten(operands, or: true))
        }

        /// `and-list = with-term *("AND" with-term)`
        mutating func parseAndList(depth: Int) throws(LicenseExpressionError) -> LicenseExpression {
            var operands = [try parseWithTerm(depth: depth)]
            while current.kind == .and {
                advance()
                operands.append(try parseWithTerm(depth: depth))
            }
            return operands.count == 1 ? operands[0] : .and(Self.flatten(operands, or: false))
        }

        /// `with-term = "(" or-list ")" / simple ["WITH" exception]`
        mutating func parseWithTerm(depth: Int) throws(LicenseExpressionError) -> LicenseExpression {
            if current.kind == .openParenthesis {
                let open = current
                if depth + 1 > maxDepth {
                    throw LicenseExpressionError(
                        code: "license.expression-too-deep",
                        message: "expression nests parentheses deeper than the limit of \(maxDepth) levels",
                        offset: open.offset)
                }
                advance()
                let inner = try parseOrList(depth: depth + 1)
                guard current.kind == .closeParenthesis else {
                    if current.kind == .end {
                        throw LicenseExpressionError(
                            code: "license.expression-syntax",
                            message: "expected ')' to close the '(' at column \(open.offset + 1), found \(current.quoted)",
                            offset: current.offset, length: current.length)
                    }
                    throw unexpectedAfterOperand(closing: true)
                }
                advance()
                if current.kind == .with {
                    throw LicenseExpressionError(
                        code: "license.expression-syntax",
                        message: "expected 'AND', 'OR' or ')' after a parenthesised expression, found 'WITH' (an exception applies to one license id)",
                        offset: current.offset, length: current.length)
                }
                return inner
            }
            let simple = try parseSimple()
            guard current.kind == .with else { return simple }
            advance()
            let exception = try parseException()
            guard case .license(let id, let orLater, _) = simple else { return simple }
            return .license(id: id, orLater: orLater, exception: exception)
        }

        /// `simple = license-ref / license-id ["+"]`
        mutating func parseSimple() throws(LicenseExpressionError) -> LicenseExpression {
            let token = current
            guard case .word(let text) = token.kind else {
                throw LicenseExpressionError(
                    code: token.kind == .end && index == 0 ? "license.expression-empty" : "license.expression-syntax",
                    message: "expected a license id or '(', found \(token.quoted)", offset: token.offset,
                    length: token.length)
            }
            if Self.isOperatorWord(text) {
                throw LicenseExpressionError(
                    code: "license.expression-syntax",
                    message: "expected a license id or '(', found '\(text)' (operators are upper case: '\(text.uppercased())')",
                    offset: token.offset, length: token.length)
            }
            advance()
            if let reference = try Self.reference(text, prefix: "LicenseRef-", token: token) {
                if current.kind == .plus {
                    throw LicenseExpressionError(
                        code: "license.expression-syntax",
                        message: "expected 'AND', 'OR', 'WITH' or the end of the expression, found '+' ('+' may follow only an SPDX license id, not '\(reference)')",
                        offset: current.offset)
                }
                let canonical = ids?.canonicalLicenseID(reference) ?? reference
                return .license(id: canonical, orLater: false, exception: nil)
            }
            if text.contains(":") {
                throw LicenseExpressionError(
                    code: "license.expression-syntax",
                    message: "expected a license id, 'LicenseRef-…' or 'DocumentRef-…:LicenseRef-…', found '\(text)'",
                    offset: token.offset, length: token.length)
            }
            var id = text
            if let ids {
                guard let canonical = ids.canonicalLicenseID(text) else {
                    throw LicenseExpressionError(
                        code: "license.unknown-id",
                        message: "expected an SPDX license id, 'LicenseRef-…' or 'DocumentRef-…:LicenseRef-…', found unknown id '\(text)'",
                        offset: token.offset, length: token.length)
                }
                id = canonical
            }
            var orLater = id.hasSuffix("-or-later")
            if current.kind == .plus {
                if current.followsSpace {
                    throw LicenseExpressionError(
                        code: "license.expression-syntax",
                        message: "expected '+' directly after '\(text)', found a space before '+'",
                        offset: current.offset)
                }
                advance()
                orLater = true
                id = orLaterID(for: id)
            }
            return .license(id: id, orLater: orLater, exception: nil)
        }

        /// `license-exception-id / addition-ref`
        mutating func parseException() throws(LicenseExpressionError) -> String {
            let token = current
            guard case .word(let text) = token.kind, !Self.isOperatorWord(text) else {
                throw LicenseExpressionError(
                    code: "license.expression-syntax",
                    message: "expected a license exception id after 'WITH', found \(token.quoted)",
                    offset: token.offset, length: token.length)
            }
            advance()
            if let reference = try Self.reference(text, prefix: "AdditionRef-", token: token) { return reference }
            guard let ids else { return text }
            if let canonical = ids.canonicalExceptionID(text) { return canonical }
            let isLicense = ids.canonicalLicenseID(text) != nil
            throw LicenseExpressionError(
                code: "license.unknown-exception",
                message: isLicense
                    ? "expected a license exception id after 'WITH', found the license id '\(text)' (combine licenses with 'AND' or 'OR')"
                    : "expected a license exception id after 'WITH', found unknown id '\(text)'",
                offset: token.offset, length: token.length)
        }

        /// Reads `[DocumentRef-x:]LicenseRef-y` (or `AdditionRef-y`); nil when the word is not a reference.
        static func reference(
            _ text: String, prefix: String, token: LicenseExpressionToken
        ) throws(LicenseExpressionError) -> String? {
            var document: Substring?
            var rest = Substring(text)
            if let colon = rest.firstIndex(of: ":") {
                let head = rest[..<colon]
                guard hasPrefix(head, "DocumentRef-"), head.count > "DocumentRef-".count else {
                    throw LicenseExpressionError(
                        code: "license.expression-syntax",
                        message: "expected 'DocumentRef-…:\(prefix)…' or a license id, found '\(text)'",
                        offset: token.offset, length: token.length)
                }
                document = head.dropFirst("DocumentRef-".count)
                rest = rest[rest.index(after: colon)...]
                guard hasPrefix(rest, prefix), rest.count > prefix.count, !rest.contains(":") else {
                    throw LicenseExpressionError(
                        code: "license.expression-syntax",
                        message: "expected '\(prefix)…' after 'DocumentRef-\(document ?? ""):', found '\(text)'",
                        offset: token.offset, length: token.length)
                }
            } else if !hasPrefix(rest, prefix) {
                return nil
            }
            guard rest.count > prefix.count else {
                throw LicenseExpressionError(
                    code: "license.expression-syntax",
                    message: "expected an idstring after '\(prefix)', found nothing", offset: token.offset,
                    length: token.length)
            }
            let name = prefix + rest.dropFirst(prefix.count)
            if let document { return "DocumentRef-\(document):\(name)" }
            return name
        }

        static func hasPrefix(_ text: Substring, _ prefix: String) -> Bool {
            text.utf8.count >= prefix.utf8.count
                && text.prefix(prefix.count).lowercased() == prefix.lowercased()
        }

        static func isOperatorWord(_ text: String) -> Bool {
            switch text.lowercased() {
            case "and", "or", "with": true
            default: false
            }
        }

        /// The list's `-or-later` id for `id+`, when there is one (`GPL-2.0`, `GPL-2.0-only` -> `GPL-2.0-or-later`).
        func orLaterID(for id: String) -> String {
            guard let ids, !id.hasSuffix("-or-later") else { return id }
            let base = id.hasSuffix("-only") ? String(id.dropLast("-only".count)) : id
            return ids.canonicalLicenseID(base + "-or-later") ?? id
        }

        /// The error for a token where an operator, `)` or the end was expected.
        func unexpectedAfterOperand(closing: Bool = false) -> LicenseExpressionError {
            let token = current
            let expected = closing ? "'AND', 'OR' or ')'" : "'AND', 'OR', 'WITH' or the end of the expression"
            var message = "expected \(expected), found \(token.quoted)"
            switch token.kind {
            case .word(let text) where Self.isOperatorWord(text):
                message += " (operators are upper case: '\(text.uppercased())')"
            case .closeParenthesis:
                message = "expected \(expected), found ')' without a matching '('"
            case .plus:
                message = "expected \(expected), found '+' (it may follow only a license id, directly)"
            default: break
            }
            return LicenseExpressionError(
                code: "license.expression-syntax", message: message, offset: token.offset, length: token.length)
        }

        /// Merges nested operands of the same operator into one list.
        static func flatten(_ operands: [LicenseExpression], or: Bool) -> [LicenseExpression] {
            operands.flatMap { operand -> [LicenseExpression] in
                switch operand {
                case .or(let inner) where or: inner
                case .and(let inner) where !or: inner
                default: [operand]
                }
            }
        }
    }
}
