/// One token of an SPDX license expression, with its byte range in the text.
struct LicenseExpressionToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// An `idstring` (letters, digits, `-`, `.`), possibly with one `:` (`DocumentRef-…:LicenseRef-…`).
        case word(String)
        case openParenthesis
        case closeParenthesis
        case plus
        case and
        case or
        case with
        /// A character the grammar has no place for.
        case invalid(String)
        case end
    }

    var kind: Kind
    /// 0-based byte offset of the first byte.
    var offset: Int
    var length: Int
    /// Whether whitespace separates this token from the previous one (`+` must follow its id directly).
    var followsSpace: Bool

    /// The token as quoted in messages.
    var quoted: String {
        switch kind {
        case .word(let text): "'\(text)'"
        case .openParenthesis: "'('"
        case .closeParenthesis: "')'"
        case .plus: "'+'"
        case .and: "'AND'"
        case .or: "'OR'"
        case .with: "'WITH'"
        case .invalid(let text): "'\(text)'"
        case .end: "the end of the expression"
        }
    }
}
