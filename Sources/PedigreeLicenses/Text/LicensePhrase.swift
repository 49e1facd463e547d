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

    /// Whether the first word must be whole, so the phrase can only start where that word stands.
    var firstWordIsWhole: Bool { words.count > 1 || !lastIsPrefix }

    /// Whether the phrase starts at word `start` of `sentence`.
    func occurs(in sentence: LicenseSentenceWords, at start: Int) -> Bool {
        guard start >= 0, start + words.count <= sentence.words.count else { return false }
        for offset in words.indices {
            let candidate = sentence.words[start + offset]
            let isLast = offset == words.count - 1
            if isLast && lastIsPrefix ? !candidate.hasPrefix(words[offset]) : candidate != words[offset] { return false }
        }
        return true
    }
}

/// A sentence's plain words, with where each word stands, so that a phrase is tried only where its
/// first word is (a sentence is compared with a few hundred phrases).
struct LicenseSentenceWords: Sendable {
    let words: [Substring]
    /// The positions of each word, ascending.
    let positions: [Substring: [Int]]

    init(plain: String) {
        words = plain.split(separator: " ")
        var positions: [Substring: [Int]] = [:]
        for (position, word) in words.enumerated() { positions[word, default: []].append(position) }
        self.positions = positions
    }

    func contains(_ phrase: LicensePhrase) -> Bool { firstOccurrence(of: phrase, from: 0, through: words.count) != nil }

    /// The first start position in `from...through` at which the phrase occurs.
    func firstOccurrence(of phrase: LicensePhrase, from: Int, through: Int) -> Int? {
        guard let first = phrase.words.first else { return nil }
        let lowest = max(0, from)
        let highest = min(through, words.count - phrase.words.count)
        guard lowest <= highest else { return nil }
        guard phrase.firstWordIsWhole else {
            var start = lowest
            while start <= highest {
                if phrase.occurs(in: self, at: start) { return start }
                start += 1
            }
            return nil
        }
        guard let starts = positions[first] else { return nil }
        var index = Self.firstIndex(in: starts, atLeast: lowest)
        while index < starts.count, starts[index] <= highest {
            if phrase.occurs(in: self, at: starts[index]) { return starts[index] }
            index += 1
        }
        return nil
    }

    /// The index of the first element of an ascending array that is at least `value`.
    private static func firstIndex(in ascending: [Int], atLeast value: Int) -> Int {
        var (low, high) = (0, ascending.count)
        while low < high {
            let middle = (low + high) / 2
            if ascending[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
