/// One conformance run over the public corpus (`make conformance`), printing its own summary lines.
protocol ConformanceCheck {
    /// A short title printed before the check's lines.
    var title: String { get }

    /// Runs the check over the corpus folder; returns false when the corpus disagrees with Pedigree.
    func run(corpus: String) -> Bool
}
