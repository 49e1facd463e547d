/// Joins license terms into SPDX expression text, as the RDF and SPDX 3 license sets require.
enum SPDXExpressionText {
    /// `A OR B` as a member of a set becomes `(A OR B)`; a single id or an already wrapped
    /// expression stays as it is.
    static func parenthesized(_ text: String) -> String {
        guard text.contains(" ") else { return text }
        return isWrapped(text) ? text : "(\(text))"
    }

    /// Whether the first character opens a parenthesis that the last character closes.
    static func isWrapped(_ text: String) -> Bool {
        guard text.hasPrefix("("), text.hasSuffix(")") else { return false }
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return text.index(after: index) == text.endIndex }
            default: break
            }
            index = text.index(after: index)
        }
        return false
    }
}
