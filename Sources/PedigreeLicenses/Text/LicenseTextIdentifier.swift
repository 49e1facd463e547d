/// Names the license a text is: exactly, after normalisation, or approximately over word n-grams; a
/// text that matches nothing known is read for its clauses instead.
///
/// Decisions:
/// - The score of a candidate is the Dice coefficient of the two n-gram sets, 2·|Q∩L| / (|Q|+|L|), over
///   the n-grams the candidate keeps (all, or the sampled ones): a text must both contain the license
///   and be little else, so a README or model card that quotes a license among much else, or a survey
///   that names many, scores low.
/// - `threshold` (0.8) was measured with `Scripts/generate-license-text-index.py --evaluate` and the
///   conformance run: every ScanCode text reflowed scored at least 0.847, as Markdown at least 0.966,
///   with a copyright line added 1.0; the best score of any of 195 real Hub model and dataset cards and
///   project documents was 0.497 (a card embedding most of the Llama license among its own text).
///   Below 0.8 a text is read for its clauses, which is the safe side: a modified license is not the
///   license it was modified from.
public struct LicenseTextIdentifier: Sendable {
    public static let threshold = 0.8
    public let index: LicenseTextIndex

    public init(index: LicenseTextIndex) { self.index = index }

    /// The identifier over the bundled index (read once, on first use).
    public static let shared: Result<LicenseTextIdentifier, LicenseTextIndexError> =
        LicenseTextIndex.shared.map(LicenseTextIdentifier.init)

    /// Identifies a text, or reads its clauses when it matches no known license.
    ///
    /// - Complexity: O(n log P) for n words and P postings in the index.
    public func identify(_ text: String) -> LicenseTextIdentification {
        let collapsed = LicenseTextNormalizer.collapsedWhitespace(text)
        guard !collapsed.isEmpty else { return LicenseTextIdentification() }
        if let number = index.exactMatch(LicenseTextNormalizer.fnv1a(collapsed)) {
            return identified(number, confidence: 1, by: .exact)
        }
        let words = LicenseTextNormalizer.words(text)
        if !words.isEmpty, let number = index.normalizedMatch(LicenseTextNormalizer.fnv1a(words.joined(separator: " "))) {
            return identified(number, confidence: 1, by: .normalized)
        }
        let best = bestCandidate(LicenseTextNormalizer.gramHashes(words))
        if let best, best.score >= Self.threshold {
            return identified(best.number, confidence: best.score, by: .approximate)
        }
        return LicenseTextIdentification(
            closest: best.map { .init(license: index.entries[$0.number].id, score: $0.score) },
            clauses: LicenseClauseReader.read(text))
    }

    private func identified(_ number: Int, confidence: Double, by method: LicenseTextIdentification.Method)
        -> LicenseTextIdentification
    {
        let entry = index.entries[number]
        return LicenseTextIdentification(
            license: entry.id, isException: entry.isException, confidence: confidence, matchedBy: method)
    }

    /// The license with the highest Dice score; on equal scores the one stored first (preferred).
    func bestCandidate(_ query: Set<UInt32>) -> (number: Int, score: Double)? {
        guard !query.isEmpty else { return nil }
        var shared = [Int32](repeating: 0, count: index.entries.count)
        var sampledCount = 0
        for gram in query {
            if gram % index.sampleRate == 0 { sampledCount += 1 }
            index.licenses(holding: gram) { shared[$0] += 1 }
        }
        var best: (number: Int, score: Double)?
        for (number, count) in shared.enumerated() where count > 0 {
            let entry = index.entries[number]
            let queryCount = entry.isSampled ? sampledCount : query.count
            let score = 2 * Double(count) / Double(queryCount + entry.gramCount)
            if score > (best?.score ?? 0) { best = (number, score) }
        }
        return best
    }
}
