/// Reduces a license text to the words that decide which license it is, as the SPDX License List
/// Matching Guidelines say, and hashes them for the index.
///
/// Decisions:
/// - Equal under the guidelines: line endings and runs of whitespace; upper and lower case (ASCII,
///   which is what license texts vary in); punctuation, quotes and dashes of every kind, comment markers
///   and Markdown emphasis and headings (they are not word characters); bullets and list numbering
///   (pure numbers, and a single letter or roman numeral beside `(`, `)` or `.`); copyright lines (a line
///   that begins with `Copyright`, `(c)` or `©` and carries a year, a symbol or a placeholder); Markdown
///   link targets (`[text](url)` keeps the text); `http`/`https`; and varietal spellings (`licence`).
/// - Version numbers fall with list numbering: whole license texts differ in their words, not only
///   in a version, so nothing measurable is lost (see the conformance report).
/// - The same rules are in `Scripts/generate-license-text-index.py`, which writes the index; a test
///   checks that both give the same hashes.
public enum LicenseTextNormalizer {
    /// Words per n-gram for approximate matching.
    public static let gramLength = 5

    /// The normalised words of a text.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        for line in lines(text) where !isCopyrightLine(line) {
            appendWords(of: withoutLinkTargets(line), to: &result)
        }
        return result
    }

    /// The text with every run of whitespace made one space, trimmed: what `exact` matching compares.
    public static func collapsedWhitespace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }

    /// FNV-1a, 64 bits, over UTF-8: the hash both the index script and the matcher use.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return hash
    }

    /// The distinct hashes of the word n-grams (one hash of all words when there are fewer than
    /// `gramLength`).
    public static func gramHashes(_ words: [String]) -> Set<UInt32> {
        let tokens = words.map(fnv1a)
        var grams = Set<UInt32>()
        grams.reserveCapacity(tokens.count)
        if tokens.count >= gramLength {
            for start in 0...(tokens.count - gramLength) {
                grams.insert(gramHash(tokens[start..<(start + gramLength)]))
            }
        } else if !tokens.isEmpty {
            grams.insert(gramHash(tokens[...]))
        }
        return grams
    }

    private static func gramHash(_ tokens: ArraySlice<UInt64>) -> UInt32 {
        var hash: UInt64 = 0
        for token in tokens { hash = hash &* 0x9E37_79B9_7F4A_7C15 &+ token }
        return UInt32(truncatingIfNeeded: (hash >> 32) ^ hash)
    }

    // MARK: Lines

    /// Lines split at `\r\n`, `\r` or `\n`.
    static func lines(_ text: String) -> [Substring.UnicodeScalarView] {
        var result: [Substring.UnicodeScalarView] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                result.append(scalars[start..<index])
                index = scalars.index(after: index)
                if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                start = index
            } else {
                index = scalars.index(after: index)
            }
        }
        result.append(scalars[start..<scalars.endIndex])
        return result
    }

    /// A copyright notice line, which the guidelines let differ: it begins (after comment and list
    /// markers) with `copyright`, `portions copyright`, `(c)` or `©` and names a year, a symbol or a
    /// placeholder.
    static func isCopyrightLine(_ line: Substring.UnicodeScalarView) -> Bool {
        let markers: Set<Unicode.Scalar> = [" ", "\t", "#", "*", "/", "-", ";", "!", ">", "|", "=", "+", "."]
        let trimmed = String(String.UnicodeScalarView(line.drop(while: { markers.contains($0) }))).lowercased()
        guard trimmed.hasPrefix("copyright") || trimmed.hasPrefix("(c)") || trimmed.hasPrefix("\u{A9}")
            || trimmed.hasPrefix("portions copyright")
        else { return false }
        return trimmed.unicodeScalars.contains { $0.value >= 0x30 && $0.value <= 0x39 } || trimmed.contains("(c)")
            || trimmed.contains("\u{A9}") || trimmed.contains("year")
    }

    /// `[text](target)` becomes `[text]`: the target is not part of the license's words.
    ///
    /// - Complexity: O(n): a target that never closes ends at the first space or the line's end, and so
    ///   does every target opened before that point, so the scan is not repeated for them.
    static func withoutLinkTargets(_ line: Substring.UnicodeScalarView) -> [Unicode.Scalar] {
        let scalars = Array(line)
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var unclosedThrough = -1
        var index = 0
        while index < scalars.count {
            if scalars[index] == "]", index + 2 > unclosedThrough, index + 1 < scalars.count, scalars[index + 1] == "(" {
                switch linkTargetEnd(scalars, from: index + 2) {
                case .closed(let close):
                    result.append("]")
                    index = close + 1
                    continue
                case .unclosed(let stop):
                    unclosedThrough = stop
                }
            }
            result.append(scalars[index])
            index += 1
        }
        return result
    }

    private enum LinkTargetEnd {
        /// The `)` that closes the target.
        case closed(at: Int)
        /// The space or line end that comes before any `)`.
        case unclosed(stoppedAt: Int)
    }

    private static func linkTargetEnd(_ scalars: [Unicode.Scalar], from start: Int) -> LinkTargetEnd {
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ")" { return .closed(at: index) }
            if isSpace(scalar) { return .unclosed(stoppedAt: index) }
            index += 1
        }
        return .unclosed(stoppedAt: index)
    }

    // MARK: Words

    private static func appendWords(of line: [Unicode.Scalar], to result: inout [String]) {
        var index = 0
        while index < line.count {
            guard isWordScalar(line[index]) else {
                index += 1
                continue
            }
            let start = index
            var word = String.UnicodeScalarView()
            while index < line.count, isWordScalar(line[index]) {
                word.append(lowered(line[index]))
                index += 1
            }
            let before: Unicode.Scalar? = start > 0 ? line[start - 1] : nil
            let after: Unicode.Scalar? = index < line.count ? line[index] : nil
            if isListMarker(word, before: before, after: after) { continue }
            let text = String(word)
            if let folded = varietal[text] {
                result += folded.split(separator: " ").map(String.init)
            } else {
                result.append(text)
            }
        }
    }

    private static func isListMarker(_ word: String.UnicodeScalarView, before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        let ascii = word.allSatisfy(\.isASCII)
        guard ascii else { return false }
        if word.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) { return true }
        guard word.count == 1 || romanNumerals.contains(String(word)) else { return false }
        return before == "(" || after == ")" || after == "."
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return !separatorScalars.contains(value)
    }

    private static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x41, scalar.value <= 0x5A, let lower = Unicode.Scalar(scalar.value + 32) else { return scalar }
        return lower
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (scalar.value >= 0x1C && scalar.value <= 0x1F)
    }

    static let romanNumerals: Set<String> = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    ]

    /// Code points at or above U+0080 that separate words: quotes, dashes, bullets, symbols, spaces,
    /// box drawing, CJK and full-width punctuation.
    static let separatorScalars: Set<UInt32> = {
        var set: Set<UInt32> = [0xA0, 0xA7, 0xA9, 0xAB, 0xAE, 0xB6, 0xB7, 0xBB, 0x2122, 0x2026, 0x2030, 0x3000, 0xFEFF]
        for range in [
            0x2000..<0x2070, 0x2190..<0x2200, 0x2500..<0x2600, 0x3001..<0x3040, 0xFF01..<0xFF10, 0xFF1A..<0xFF21,
            0xFF3B..<0xFF41, 0xFF5B..<0xFF66, 0x25A0..<0x2600,
        ] as [Range<UInt32>] {
            set.formUnion(range)
        }
        return set
    }()

    /// Varietal spellings folded to one (the guidelines' equivalent words), and `https` to `http`.
    static let varietal: [String: String] = [
        "licence": "license", "licences": "licenses", "licenced": "licensed", "licencing": "licensing",
        "licencor": "licensor", "licencee": "licensee", "sublicence": "sublicense",
        "acknowledgement": "acknowledgment", "acknowledgements": "acknowledgments", "analogue": "analog",
        "authorise": "authorize", "authorised": "authorized", "authorisation": "authorization",
        "behaviour": "behavior", "centre": "center", "characterise": "characterize", "favour": "favor",
        "favourable": "favorable", "fulfil": "fulfill", "fulfilment": "fulfillment", "judgement": "judgment",
        "labelled": "labeled", "labelling": "labeling", "modelling": "modeling", "offence": "offense",
        "organisation": "organization", "organisations": "organizations", "organise": "organize",
        "recognise": "recognize", "recognised": "recognized", "utilise": "utilize", "utilisation": "utilization",
        "percent": "per cent", "practise": "practice", "programme": "program", "programmes": "programs",
        "summarise": "summarize", "whilst": "while", "defence": "defense", "colour": "color", "honour": "honor",
        "https": "http", "cancelled": "canceled", "catalogue": "catalog", "customise": "customize",
        "licenseable": "licensable", "licencable": "licensable", "nonexclusive": "non exclusive",
        "noncommercial": "non commercial", "sublicensable": "sub licensable",
    ]
}
