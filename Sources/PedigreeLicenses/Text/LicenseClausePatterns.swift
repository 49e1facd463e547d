/// The phrases that state each clause, matched against a sentence's plain words (see
/// `LicenseClauseReader.plainText`: lower case, single spaces) with `LicensePhrase`.
struct LicenseClausePatterns: Sendable {
    /// One way a sentence states the clause.
    enum Pattern: Sendable {
        /// Every phrase is in the sentence.
        case all([LicensePhrase])
        /// A forbidding phrase (`may not`, `shall not`…) followed, within `nearby` words, by the verb or
        /// object: "may not use the data for commercial purposes", not "shall not … under which you
        /// distribute".
        case forbidding(LicensePhrase)
    }

    let term: LicenseClause.Term
    let patterns: [Pattern]
    /// A sentence holding any of these is not this clause.
    let vetoes: [LicensePhrase]

    static let nearby = 8

    init(term: LicenseClause.Term, patterns: [[String]], forbidding: [String] = [], vetoes: [String]) {
        self.term = term
        self.patterns = patterns.map { .all($0.map(LicensePhrase.init)) } + forbidding.map { .forbidding(LicensePhrase($0)) }
        self.vetoes = vetoes.map(LicensePhrase.init)
    }

    func matches(_ sentence: LicenseSentenceWords) -> Bool {
        guard patterns.contains(where: { Self.holds($0, in: sentence) }) else { return false }
        return !vetoes.contains { sentence.contains($0) }
    }

    private static func holds(_ pattern: Pattern, in sentence: LicenseSentenceWords) -> Bool {
        switch pattern {
        case .all(let phrases):
            return phrases.allSatisfy { sentence.contains($0) }
        case .forbidding(let phrase):
            guard !phrase.firstWordIsWhole || phrase.words.first.map({ sentence.positions[$0] != nil }) == true else {
                return false
            }
            for modal in forbids {
                var from = 0
                while let found = sentence.firstOccurrence(of: modal, from: from, through: sentence.words.count) {
                    let end = found + modal.words.count
                    if sentence.firstOccurrence(of: phrase, from: end, through: end + nearby) != nil { return true }
                    from = found + 1
                }
            }
            return false
        }
    }

    /// Phrases that forbid.
    private static let forbids = [" may not ", " shall not ", " must not ", " cannot ", " can not ", " will not ",
        " not permitted ", " prohibited ", " not allowed ", " forbidden ", " agree not to ", " not to "].map(LicensePhrase.init)

    static let all: [LicenseClausePatterns] = [
        LicenseClausePatterns(
            term: .nonCommercial,
            patterns: [
                [" non commercial "], [" noncommercial "], [" research purpose only "], [" research purposes only "],
                [" research use only "], [" for research only "], [" academic research only "], [" academic purposes only "],
                [" academic use only "],
                [" personal use only "], [" not for commercial "], [" no commercial use "],
                [" educational purposes only "], [" research and educational purposes only "],
            ],
            forbidding: [" commercial "],
            vetoes: [" commercial and non commercial ", " commercial or non commercial ", " non commercial and commercial ",
                " non commercial or commercial ", " including commercial ", " commercial use is permitted ",
                " commercial purposes are permitted ", " commercially and non commercially ", " whether commercial or ",
                " no commercial license is required "]),
        LicenseClausePatterns(
            term: .noDerivatives,
            patterns: [[" no derivative "], [" noderivatives "], [" no derivatives "]],
            forbidding: [" modify ", " adapt ", " create derivative ", " make derivative ", " prepare derivative ",
                " create any derivative ", " make any derivative ", " fine tune ", " finetune ", " modifications "],
            vetoes: [" with or without modification", " notice", " attribution ", " trademark", " logo"]),
        LicenseClausePatterns(
            term: .noRedistribution,
            patterns: [[" no redistribution "], [" not be redistributed "], [" not be distributed "],
                [" not be shared "], [" not be sold "]],
            forbidding: [" redistribute ", " distribute ", " re distribute ", " sell ", " sublicense ", " share ",
                " publish ", " rent ", " lease ", " lend ", " redistribution "],
            vetoes: [" unless ", " except as ", " provided that ", " notice", " with or without "]),
        LicenseClausePatterns(
            term: .usageThreshold,
            patterns: [[" active users "], [" users ", " exceed"], [" users ", " more than "], [" revenue "],
                [" turnover "]],
            vetoes: []),
        LicenseClausePatterns(
            term: .naming,
            patterns: [[" name", " begin with "], [" name", " start with "], [" name", " beginning of "],
                [" name", " prefix"]],
            vetoes: [" file name", " filename", " domain name"]),
        LicenseClausePatterns(
            term: .attribution,
            patterns: [[" must ", " attribution "], [" shall ", " attribution "], [" give appropriate credit "],
                [" must ", " credit "], [" must ", " acknowledge "], [" shall ", " acknowledge "], [" must cite "],
                [" please cite "], [" built with "], [" must ", " retain ", " notice"], [" shall ", " retain ", " notice"],
                [" must ", " include ", " notice"], [" shall ", " include ", " notice"],
                [" must ", " copy of this license "], [" shall ", " copy of this license "]],
            vetoes: []),
        LicenseClausePatterns(
            term: .useRestriction,
            patterns: [[" use restrictions "], [" acceptable use policy "], [" use policy "]],
            forbidding: [" military", " weapon", " surveillance", " harm", " illegal", " unlawful", " discriminat",
                " medical advice", " law enforcement", " biometric", " disinformation", " exploit", " minors ",
                " violence", " defam", " harass"],
            vetoes: []),
        LicenseClausePatterns(
            term: .shareAlike,
            patterns: [[" share alike "], [" sharealike "]] + sharingUnderSameTerms,
            vetoes: [" not required to ", " need not "]),
    ]

    /// "Adaptations must be distributed under the same terms": a duty, about derivatives, to keep terms.
    private static let sharingUnderSameTerms: [[String]] = {
        var groups: [[String]] = []
        for duty in [" must ", " shall ", " required to "] {
            for work in [" adapt", " derivative", " modifi", " modified ", " remix"] {
                for terms in [" same license", " same terms ", " this license ", " compatible license "] {
                    groups.append([duty, work, terms])
                }
            }
        }
        return groups
    }()

    /// Phrases that make a use restriction one derivatives must carry.
    static let flowDown: [LicensePhrase] = [" flow down ", " pass on ", " same restrictions ", " at least as restrictive ",
        " enforceable provision", " include these restrictions ", " include the use restrictions ",
        " any agreement ", " subsequent users ", " downstream ", " derivatives of the model ", " derivative works "].map(LicensePhrase.init)
}
