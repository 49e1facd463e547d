/// How much of an audit one SARIF file may carry, so that GitHub code scanning accepts and shows all of it.
///
/// Decisions (GitHub's documented limits for SARIF uploads, checked December 2026):
/// - Results: a run may hold 25,000, but only the top 5,000 by severity are kept and shown; Pedigree
///   writes at most 5,000 and chooses them itself (blocking first), so what is shown is what matters.
/// - Locations: 1,000 per result are accepted and 100 shown; a lineage path keeps its first 100 steps.
/// - Size: an upload may be at most 10 MB gzipped. Pedigree does not compress; it keeps the text itself
///   under 10,000,000 bytes, so the file is accepted however the uploader compresses it.
/// - Runs: 20 per file; Pedigree writes one.
public struct SARIFLimits: Sendable, Hashable {
    public var resultsPerRun: Int
    public var relatedLocationsPerResult: Int
    public var bytes: Int

    public init(resultsPerRun: Int, relatedLocationsPerResult: Int, bytes: Int) {
        self.resultsPerRun = resultsPerRun
        self.relatedLocationsPerResult = relatedLocationsPerResult
        self.bytes = bytes
    }

    /// GitHub code scanning's display limits (see above).
    public static let gitHub = SARIFLimits(resultsPerRun: 5_000, relatedLocationsPerResult: 100, bytes: 10_000_000)
}
