/// Wraps text to a column limit at spaces, indenting continuation lines.
///
/// Decisions: a word is never cut. A path, purl, URL or id longer than any line stays whole, on the
/// line it starts on, and overflows it, because a terminal that breaks it for display still lets it be copied,
/// while a break written into the text makes it wrong when copied or searched for.
struct TextWrapper {
    var width: Int

    /// `first` prefixes the first line, `rest` every following one.
    func wrap(_ text: String, first: String, rest: String) -> [String] {
        wrap(words: text.split(separator: " ", omittingEmptySubsequences: true), first: first, rest: rest)
    }

    /// Wraps words that are already whole (a lineage step `name (edge)` kept together), breaking only between them.
    func wrap<Word: StringProtocol>(words: [Word], first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in words where !word.isEmpty {
            // A word too long for any line stays beside its label rather than alone below it.
            if lineHasWord, line.count + 1 + word.count > width, rest.count + word.count <= width {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
