/// Normal forms under which license names, aliases and URLs are compared.
///
/// A name key ignores case, whitespace and punctuation, the words `the`, `version` and `ver`, the
/// British `licence`, and a `v` before a version number, so `Apache License, Version 2.0`,
/// `apache license 2.0` and `Apache-License-2.0` meet, as do `GPLv3`, `GPL v3` and `gpl-3`. `.` and `+`
/// are kept because they carry meaning (`2.0`, `GPL-2.0+`). Two licenses whose keys collide are not
/// merged: the index reports the key as ambiguous.
///
/// A URL key drops the scheme, `www.`, a query, a fragment, a trailing `/`, `.html`/`.txt` and CC's
/// `/legalcode`, and reads Hugging Face `/resolve/` and `/raw/` links and `raw.githubusercontent.com`
/// files as their `/blob/` pages.
enum LicenseNameKey {
    private static let stopWords: Set<String> = ["the", "version", "ver"]

    /// The key of a name or alias; empty when the text has no letters or digits.
    static func name(_ text: String) -> String {
        var key = ""
        for word in words(text) where !stopWords.contains(word) {
            key += droppingVersionPrefix(word == "licence" ? "license" : word)
        }
        return key
    }

    /// The lowercased words of a text: runs of letters, digits, `.` and `+`, without outer dots.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        func flush() {
            var word = Substring(current)
            while word.first == "." { word.removeFirst() }
            while word.last == "." { word.removeLast() }
            if !word.isEmpty { result.append(String(word)) }
            current = ""
        }
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "." || scalar == "+" {
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// `v3` -> `3`, `gplv3` -> `gpl3`: a `v` before a digit at the start of a word or after a letter.
    private static func droppingVersionPrefix(_ word: String) -> String {
        let characters = Array(word)
        guard characters.contains("v") else { return word }
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == "v", index + 1 < characters.count, characters[index + 1].isNumber,
                index == 0 || characters[index - 1].isLetter
            {
                continue
            }
            result.append(character)
        }
        return result
    }

    /// Whether a text is an absolute http(s) URL.
    static func isURL(_ text: String) -> Bool {
        let lower = trimmed(text).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The key of a URL; nil when the text is not an http(s) URL.
    static func url(_ text: String) -> String? {
        var rest = Substring(trimmed(text).lowercased())
        if rest.hasPrefix("https://") {
            rest = rest.dropFirst(8)
        } else if rest.hasPrefix("http://") {
            rest = rest.dropFirst(7)
        } else {
            return nil
        }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        var path = String(rest)
        while path.hasSuffix("/") { path.removeLast() }
        for suffix in [".html", ".htm", ".txt"] where path.hasSuffix(suffix) {
            path.removeLast(suffix.count)
        }
        if path.hasSuffix("/legalcode") { path.removeLast("/legalcode".count) }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "raw.githubusercontent.com", parts.count >= 5 {
            // raw.githubusercontent.com/ORG/REPO/REF/PATH -> github.com/ORG/REPO/blob/REF/PATH
            parts = ["github.com", parts[1], parts[2], "blob"] + parts[3...]
        } else if parts.first == "huggingface.co" || parts.first == "github.com" {
            if let index = parts.firstIndex(where: { $0 == "resolve" || $0 == "raw" }), index >= 3 {
                parts[index] = "blob"
            }
        }
        let key = parts.joined(separator: "/")
        return key.isEmpty ? nil : key
    }

    /// The text without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        // Text that starts and ends with a visible ASCII character (nearly every name and purl) has
        // nothing to trim; checking two bytes spares the per-character Unicode look-ups below, which
        // dominate when the engine matches every component of a large graph against the knowledge base.
        if let first = text.utf8.first, let last = text.utf8.last, isVisibleASCII(first), isVisibleASCII(last) {
            return text
        }
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// `!`…`~`: ASCII that is neither whitespace nor a control character.
    static func isVisibleASCII(_ byte: UInt8) -> Bool { (0x21...0x7E).contains(byte) }

    /// `%XX` escapes of ASCII characters decoded; anything else kept as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
                let value = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16),
                value < 0x80
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
