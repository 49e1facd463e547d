/// Makes input text safe inside GitHub-flavoured Markdown (HARDENING.md §Output).
///
/// Every ASCII punctuation character Markdown can give meaning to (`| [ ] < > ! #`, backticks,
/// emphasis, links, tables, headings, HTML) is backslash-escaped, so a component name cannot open a
/// link, an image, an HTML tag or a new table cell; line breaks become spaces so one value stays in
/// one table row. `@` gets a zero-width space after it so that a scoped package name (`@angular/core`)
/// does not mention a user or team in a pull-request comment.
public enum MarkdownText {
    /// Characters that have a meaning anywhere in a line (GitHub also renders `$…$` as math).
    static let escaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "!", "|", "~", "&", "$"]

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        // A list marker (`-`, `+`, `1.`) only means something at the start of a line.
        let digits = scalars.prefix { ("0"..."9").contains($0) }.count
        let markerAt: Int? =
            scalars.first.map { $0 == "-" || $0 == "+" } == true ? 0
            : digits > 0 && digits < scalars.count && (scalars[digits] == "." || scalars[digits] == ")") ? digits : nil
        for (position, scalar) in scalars.enumerated() {
            if escaped.contains(scalar) || position == markerAt {
                out += "\\"
                out.unicodeScalars.append(scalar)
            } else if scalar == "@" {
                out += "@&#8203;"
            } else if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out += " "
            } else if HTMLText.isControl(scalar) {
                out += "\\\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
