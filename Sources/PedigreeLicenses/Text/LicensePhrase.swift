/// A phrase of the clause patterns, matched against a sentence's words rather than searched as text.
///
/// Written as in the patterns: `" may not "` is two whole words; a phrase without a trailing space
/// (`" discriminat"`) ends in a word prefix, so it also matches "discrimination".
struct LicensePhrase: Sendable, Hashable {
    let words: [Substring]
    let lastIsPrefix: Bool

    init(_ text: String) {
        words = text.split(separator: " ")
        lastIsPrefix = !text.hasSuffix(" ")
    }

    /// Whether the phrase starts at word `start` of `sentence`.
    func occurs(in sentence: LicenseSentenceWords, at start: Int) -> Bool {
        guard start >= 0, start + words.count <= sentence.words.count else { return false }
        for (offset, word) in words.enumerated() {
            let candidate = sentence.words[start + offset]
            let isLast = offset == words.count - 1
            if isLast && lastIsPrefix ? !candidate.hasPrefix(word) : candidate != word { return false }
        }
        return true
    }
}

/// A sentence's plain words, with the set of them for a quick first-word test.
struct LicenseSentenceWords: Sendable {
    let words: [Substring]
    let present: Set<Substring>

    init(plain: String) {
        words = plain.split(separator: " ")
        present = Set(words)
    }

    func contains(_ phrase: LicensePhrase) -> Bool { firstOccurrence(of: phrase, from: 0, through: words.count) != nil }

    /// The first start position in `from...through` at which the phrase occurs.
    func firstOccurrence(of phrase: LicensePhrase, from: Int, through: Int) -> Int? {
        guard let first = phrase.words.first else { return nil }
        if phrase.words.count > 1 || !phrase.lastIsPrefix, !present.contains(first) { return nil }
        var start = max(0, from)
        while start <= min(through, words.count - phrase.words.count) {
            if phrase.occurs(in: self, at: start) { return start }
            start += 1
        }
        return nil
    }
}
