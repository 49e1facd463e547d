import PedigreeEngine
import PedigreeLicenses

extension Pipeline {
    /// Audits with a baseline: marks the findings the baseline holds and records the comparison
    /// (new, unchanged, resolved) on the result for the reports.
    ///
    /// - Parameters:
    ///   - request: the audit; its `options.baseline` is replaced by the entries' fingerprints.
    ///   - baseline: the baseline's findings (`BaselineLoader.load`) and the file they came from.
    public static func audit(
        _ request: AuditRequest, baseline: (source: String, entries: [BaselineComparison.Entry])?,
        catalog: any LicenseCatalog = KnowledgeBase.shared
    ) -> AuditRun {
        guard let baseline else { return audit(request, catalog: catalog) }
        var request = request
        request.options.baseline = Set(baseline.entries.map(\.fingerprint))
        var run = audit(request, catalog: catalog)
        run.result.baseline = BaselineComparison(source: baseline.source, findings: run.result.findings, baseline: baseline.entries)
        return run
    }
}
