/// Makes input text safe inside HTML text and double-quoted attribute values (HARDENING.md §Output).
///
/// `< > & " '` become character references, so input can neither open a tag nor leave an attribute;
/// C0/C1 controls and bidi controls are shown as `\u{…}` so they cannot reorder what a reviewer reads.
/// Links are written only for `http:` and `https:` URLs: any other scheme (`javascript:`, `data:`,
/// `file:`) stays plain text.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out += " "
            default:
                if isControl(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Escaped text in which a long id, purl or path may wrap only after its separators (`/`, `:`,
    /// `@`, `#`, `?`, `&`, `=`, `-`, `_`), marked with `<wbr>`, never inside a word (nor after a dot:
    /// `3.1` and `README.md` stay whole).
    public static func breakable(_ text: String) -> String {
        guard text.count > 24 else { return escape(text) }
        var out = ""
        var run = 0
        for character in text {
            out += escape(String(character))
            run += 1
            if run >= 8, "/:@#?&=-_".contains(character) {
                out += "<wbr>"
                run = 0
            }
        }
        return out
    }

    /// `<a href="…">text</a>` for an http(s) URL without spaces or quotes, else the escaped text.
    public static func link(_ url: String, text: String? = nil) -> String {
        guard isWebURL(url) else { return escape(text ?? url) }
        return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer\">\(escape(text ?? url))</a>"
    }

    /// Whether a link to the text may be written: `http://` or `https://` (any case), a host, and no
    /// characters that would need quoting.
    public static func isWebURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = lowered.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            rest = lowered.dropFirst(7)
        } else {
            return false
        }
        guard let first = rest.first, first != "/" else { return false }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || $0 == "\"" || $0 == "'" || $0 == "<" || $0 == ">" || $0 == "`" || $0 == "\\" || $0.value >= 0x7F && isControl($0) }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}
