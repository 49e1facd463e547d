/// Reads a license text that matches no known license for the clauses that decide audits.
///
/// Decisions:
/// - The text is split into sentences (at `.`, `!`, `?` or `;` before a space, a blank line or a new
///   list item), each with the line of its first word. A sentence is compared lower-cased, with dashes,
///   quotes and runs of space made plain, so "non-commercial", "non commercial" and "noncommercial" agree.
/// - A clause fires when every phrase of one of its patterns is in the sentence and none of its vetoes
///   is: "for commercial and non-commercial purposes" grants, it does not forbid; "with or without
///   modification" permits modification; "may not remove the copyright notice" forbids nothing that
///   decides an audit.
/// - Each term is reported once per sentence; all sentences that state it are kept, in text order.
public enum LicenseClauseReader {
    /// The clauses of a text, in the order the text states them.
    ///
    /// - Complexity: O(n) for a text of n characters: a sentence repeated on its line is read once,
    ///   since it states the clauses already kept for it (a clause is its term, sentence and line).
    public static func read(_ text: String) -> [LicenseClause] {
        var clauses: [LicenseClause] = []
        var readSentences = Set<LicenseSentenceSplitter.Sentence>()
        for sentence in LicenseSentenceSplitter.sentences(text) where readSentences.insert(sentence).inserted {
            clauses += self.clauses(of: sentence)
        }
        return clauses
    }

    /// The clauses one sentence states, each term once.
    private static func clauses(of sentence: LicenseSentenceSplitter.Sentence) -> [LicenseClause] {
        let plain = plainText(sentence.text)
        let words = LicenseSentenceWords(plain: plain)
        var clauses: [LicenseClause] = []
        for pattern in LicenseClausePatterns.all where pattern.matches(words) {
            var clause = LicenseClause(term: pattern.term, sentence: sentence.text, line: sentence.line)
            switch pattern.term {
            case .usageThreshold:
                guard let threshold = LicenseThresholdReader.threshold(in: plain) else { continue }
                clause.threshold = threshold
            case .naming:
                clause.namePrefix = quoted(in: sentence.text)
            case .useRestriction:
                clause.flowsDown = LicenseClausePatterns.flowDown.contains { words.contains($0) }
            default:
                break
            }
            if !clauses.contains(where: { $0.term == clause.term }) { clauses.append(clause) }
        }
        return clauses
    }

    /// Lower-cased, dashes and quotes made plain, every run of non-word characters one space, padded
    /// with a space on both ends so that phrases match whole words.
    static func plainText(_ sentence: String) -> String {
        let scalars = Array(sentence.lowercased().unicodeScalars)
        func isDigit(_ index: Int) -> Bool { scalars.indices.contains(index) && ("0"..."9").contains(scalars[index]) }
        var result = " "
        var lastWasSpace = true
        for (index, scalar) in scalars.enumerated() {
            let separatesDigits = (scalar == "." || scalar == ",") && isDigit(index - 1) && isDigit(index + 1)
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || separatesDigits {
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
            } else if !lastWasSpace {
                result += " "
                lastWasSpace = true
            }
        }
        if !lastWasSpace { result += " " }
        return result
    }

    /// The first text in straight or curly quotes, for a name prefix (`"Llama"`).
    static func quoted(in sentence: String) -> String? {
        let opening: Set<Character> = ["\"", "\u{201C}", "\u{2018}", "'"]
        let closing: Set<Character> = ["\"", "\u{201D}", "\u{2019}", "'"]
        guard let start = sentence.firstIndex(where: { opening.contains($0) }) else { return nil }
        let rest = sentence[sentence.index(after: start)...]
        guard let end = rest.firstIndex(where: { closing.contains($0) }) else { return nil }
        let value = rest[..<end].trimmingCharacters(in: " ")
        return value.isEmpty || value.count > 40 ? nil : value
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
