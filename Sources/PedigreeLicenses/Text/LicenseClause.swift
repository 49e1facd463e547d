/// A clause read from a license text that matches no known license, with the sentence and line it
/// came from, so that a finding resting on it can quote it.
public struct LicenseClause: Sendable, Hashable, Codable {
    /// The clauses that decide audits (issue 10, "Read custom terms").
    public enum Term: String, Sendable, Hashable, Codable, CaseIterable {
        /// Non-commercial, research-only, personal or academic use only.
        case nonCommercial = "non-commercial"
        /// No modification, adaptation or derivative works.
        case noDerivatives = "no-derivatives"
        /// No redistribution, sale, sublicensing or publication.
        case noRedistribution = "no-redistribution"
        /// The grant ends above a number of users or an amount of revenue.
        case usageThreshold = "usage-threshold"
        /// A derivative's name must carry a given prefix.
        case naming
        /// Credit, a notice or a copy of the license must accompany the work.
        case attribution
        /// Field-of-use bans, or restrictions that derivatives must pass on.
        case useRestriction = "use-restriction"
        /// Adaptations must be shared under the same terms.
        case shareAlike = "share-alike"
    }

    public var term: Term
    /// The sentence as the text states it (whitespace collapsed).
    public var sentence: String
    /// 1-based line of the sentence's first word in the text.
    public var line: Int
    /// For `usage-threshold`: the metric and the limit read from the sentence.
    public var threshold: LicenseTerms.Threshold?
    /// For `naming`: the prefix a derivative's name must begin with, when the sentence quotes one.
    public var namePrefix: String?
    /// For `use-restriction`: whether the sentence requires derivatives to carry the restrictions.
    public var flowsDown: Bool

    public init(
        term: Term, sentence: String, line: Int, threshold: LicenseTerms.Threshold? = nil, namePrefix: String? = nil,
        flowsDown: Bool = false
    ) {
        self.term = term
        self.sentence = sentence
        self.line = line
        self.threshold = threshold
        self.namePrefix = namePrefix
        self.flowsDown = flowsDown
    }
}
