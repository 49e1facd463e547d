/// Splits a license text into sentences, each with the 1-based line of its first word.
///
/// Decisions: a sentence ends at `.`, `!`, `?` or `;` followed by whitespace, at a blank line, or where
/// a line starts a new list item (`-`, `*`, `•`, `1.`, `(a)`); very long runs without an end are cut
/// at `maximumLength` characters, so one clause quotes a sentence, not a page.
enum LicenseSentenceSplitter {
    struct Sentence: Hashable {
        var text: String
        var line: Int
    }

    static let maximumLength = 1_000

    static func sentences(_ text: String) -> [Sentence] {
        var result: [Sentence] = []
        var current = ""
        var length = 0
        var startLine = 1
        func flush() {
            let collapsed = LicenseTextNormalizer.collapsedWhitespace(current)
            if collapsed.contains(where: \.isLetter) { result.append(Sentence(text: collapsed, line: startLine)) }
            current = ""
            length = 0
        }
        for (number, line) in LicenseTextNormalizer.lines(text).enumerated() {
            let lineText = String(String.UnicodeScalarView(line))
            let trimmed = lineText.drop(while: \.isWhitespace)
            if trimmed.isEmpty || startsListItem(trimmed) { flush() }
            var previous: Character = " "
            for character in lineText {
                if current.isEmpty {
                    if character.isWhitespace { continue }
                    startLine = number + 1
                }
                if previous.isWhitespace == false, [".", "!", "?", ";"].contains(previous), character.isWhitespace {
                    flush()
                    previous = character
                    continue
                }
                current.append(character)
                length += 1
                previous = character
                if length >= maximumLength { flush() }
            }
            if [".", "!", "?", ";"].contains(previous) { flush() } else if !current.isEmpty { current.append(" ") }
        }
        flush()
        return result
    }

    private static func startsListItem(_ line: Substring) -> Bool {
        guard let first = line.first else { return false }
        if ["-", "*", "\u{2022}", "+"].contains(first) { return line.dropFirst().first?.isWhitespace ?? false }
        let marker = line.prefix(while: { $0.isNumber || $0.isLetter || $0 == "(" || $0 == "." })
        guard marker.count <= 5, let last = line.dropFirst(marker.count).first else { return false }
        return (marker.hasSuffix(".") || line.dropFirst(marker.count).first == ")") && last != "." && marker.first != nil
            && (marker.first?.isNumber == true || marker.first == "(")
    }
}
