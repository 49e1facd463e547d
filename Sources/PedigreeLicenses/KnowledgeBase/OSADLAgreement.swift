/// How Pedigree's compatibility verdicts compare with the OSADL license compatibility matrix.
///
/// The matrix maps a leading license to the verdict for each other license (`Yes`, `No`, `Same`,
/// `Unknown`, `Check dependency`). A pair is compared when OSADL has a verdict (`Yes`, `No`, `Same`) and
/// the knowledge base has terms for both licenses. A disagreement is either documented in the data
/// file's `compatibility` section (with a reason) or a defect to fix.
public struct OSADLAgreement: Sendable {
    public struct Pair: Sendable, Hashable {
        public var leading: String
        public var other: String
        public var osadl: OSADLVerdict
        public var pedigree: CompatibilityVerdict
    }

    /// Pairs compared.
    public private(set) var compared = 0
    /// Pairs where the verdicts agree.
    public private(set) var agreeing = 0
    /// Disagreements the data file explains.
    public private(set) var documented: [(pair: Pair, note: CompatibilityNote)] = []
    /// Disagreements nobody explained.
    public private(set) var undocumented: [Pair] = []
    /// Notes whose recorded verdicts no longer match what the matrix or the data say.
    public private(set) var staleNotes: [CompatibilityNote] = []
    /// OSADL pairs without a verdict (`Unknown`, `Check dependency`) among licenses Pedigree knows.
    public private(set) var withoutVerdict = 0

    /// Compares every pair of the matrix with the knowledge base.
    ///
    /// - Parameter matrix: leading license -> other license -> OSADL verdict text; entries that are not
    ///   licenses (the matrix's `timestamp`) are ignored by the caller or skipped here when unknown.
    public init(matrix: [String: [String: String]], knowledge: KnowledgeBase) {
        var notesUsed = Set<String>()
        for leading in matrix.keys.sorted() {
            guard knowledge.compatibilityTerms(leading) != nil, let row = matrix[leading] else { continue }
            for other in row.keys.sorted() {
                guard knowledge.compatibilityTerms(other) != nil, let text = row[other], let osadl = OSADLVerdict(rawValue: text)
                else { continue }
                guard let expected = osadl.verdict else {
                    withoutVerdict += 1
                    continue
                }
                compared += 1
                let pedigree = knowledge.compatibility(leading: leading, other: other)
                let note = knowledge.compatibilityNote(leading: leading, other: other)
                if let note { notesUsed.insert(note.leading.lowercased() + "\u{0}" + note.other.lowercased()) }
                if pedigree == expected {
                    agreeing += 1
                    if let note { staleNotes.append(note) }
                    continue
                }
                let pair = Pair(leading: leading, other: other, osadl: osadl, pedigree: pedigree)
                if let note, note.osadl == osadl, note.pedigree == pedigree {
                    documented.append((pair, note))
                } else {
                    if let note { staleNotes.append(note) }
                    undocumented.append(pair)
                }
            }
        }
        for note in knowledge.compatibilityNotes
        where !notesUsed.contains(note.leading.lowercased() + "\u{0}" + note.other.lowercased()) {
            staleNotes.append(note)
        }
    }

    /// True when every disagreement is documented and every note still applies.
    public var isConsistent: Bool { undocumented.isEmpty && staleNotes.isEmpty }
}
