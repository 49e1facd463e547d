/// Which license a text is, how it was found and how sure the match is; or, for a text that matches
/// nothing known, the clauses read from it.
public struct LicenseTextIdentification: Sendable, Hashable {
    /// How the text was matched (DOMAIN §7 `matchedBy`).
    public enum Method: String, Sendable, Hashable, Codable {
        /// The text equals a known text up to whitespace.
        case exact
        /// The normalised words equal those of a known text (case, punctuation, bullets, copyright lines…).
        case normalized
        /// Enough of the word n-grams agree (`confidence` at or above the identifier's threshold).
        case approximate
    }

    /// A known license that was the closest, with its score, also when it was refused.
    public struct Candidate: Sendable, Hashable {
        public var license: String
        public var score: Double
    }

    /// The SPDX id or `LicenseRef-scancode-…` of the license, nil when the text matches nothing known.
    public var license: String?
    /// Whether `license` is a license exception (`Classpath-exception-2.0`), not a license.
    public var isException: Bool
    /// 0–1: 1 for exact and normalised matches, the n-gram score for approximate ones, 0 for no match.
    public var confidence: Double
    public var matchedBy: Method?
    /// The best-scoring known license, named also when its score was below the threshold.
    public var closest: Candidate?
    /// What the text says, for a text that matches nothing known.
    public var clauses: [LicenseClause]

    public init(
        license: String? = nil, isException: Bool = false, confidence: Double = 0, matchedBy: Method? = nil,
        closest: Candidate? = nil, clauses: [LicenseClause] = []
    ) {
        self.license = license
        self.isException = isException
        self.confidence = confidence
        self.matchedBy = matchedBy
        self.closest = closest
        self.clauses = clauses
    }
}
