/// Wraps text to a column limit at spaces, indenting continuation lines.
///
/// A single word longer than the line (a long ref or URL) is broken where it must be, so that no
/// line exceeds the limit.
struct TextWrapper {
    var width: Int

    /// `first` prefixes the first line, `rest` every following one.
    func wrap(_ text: String, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        for word in words {
            var piece = Substring(word)
            while !piece.isEmpty {
                let separator = lineHasWord ? 1 : 0
                if line.count + separator + piece.count <= width {
                    line += (lineHasWord ? " " : "") + piece
                    lineHasWord = true
                    piece = ""
                } else if lineHasWord {
                    lines.append(line)
                    line = rest
                    lineHasWord = false
                } else {
                    let room = max(1, width - line.count)
                    line += piece.prefix(room)
                    piece = piece.dropFirst(room)
                    lines.append(line)
                    line = rest
                }
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
