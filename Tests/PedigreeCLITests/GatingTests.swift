import PedigreeCore
import Testing

/// Merge gating: a baseline (SBOM, JSON or SARIF report), waivers that live, expire or go stale, and
/// the exit codes `--fail-on` gives. The pipeline runs in-process.
@Suite struct GatingTests {
    static let folder = PedigreeProcess.repository + "/Tests/Fixtures/reports/gating/"
    static let today = CalendarDate(year: 2025, month: 6, day: 1)

    static func request(_ input: String = "head.cdx.json", policy: AuditPolicy = AuditPolicy()) -> AuditRequest {
        AuditRequest(
            inputs: [folder + input], context: ProductContext(commercial: true, distribution: [.saas]), policy: policy,
            options: AuditOptions(today: today))
    }

    @Test func anSBOMBaselineBlocksOnlyTheNewFinding() throws {
        let request = Self.request()
        let without = Pipeline.audit(request).result
        #expect(without.blocking.count == 2)
        let entries = try BaselineLoader.load(Self.folder + "base.cdx.json", request: request)
        let run = Pipeline.audit(request, baseline: (source: "base.cdx.json", entries: entries))
        let result = run.result
        #expect(result.blocking.map(\.component) == ["faq"])
        #expect(result.summary.blocking == 1)
        let comparison = try #require(result.baseline)
        let newFindings = result.findings.filter { comparison.new.contains($0.fingerprint) }
        #expect(Set(newFindings.map(\.component)) == ["faq"])
        let unchanged = result.findings.filter { comparison.unchanged.contains($0.fingerprint) }
        // The dataset moved from 2024-01 to 2024-06: its finding is the same one (fingerprints have no versions).
        #expect(unchanged.contains { $0.component == "dialogs" && $0.rule == .nonCommercial })
        #expect(comparison.resolved.contains { $0.component == "legacy" && $0.rule == "non-commercial" })
        #expect(comparison.resolved.contains { $0.component == "legacy" && $0.rule == "no-derivatives" } == false)
        #expect(FailOn.error.exitCode(result, inputErrors: false) == 1)
        #expect(FailOn.never.exitCode(result, inputErrors: false) == 0)
        #expect(FailOn.error.exitCode(result, inputErrors: true) == 2)
    }

    @Test func reportBaselinesGiveTheSameFingerprints() throws {
        let request = Self.request()
        let base = Pipeline.audit(Self.request("base.cdx.json")).result
        let report = AuditReport(result: base, toolVersion: "0")
        let expected = Set(base.findings.map(\.fingerprint))
        // SARIF leaves info findings out by default: they never block, so the gate is the same.
        let problems = Set(base.findings.filter { $0.severity != .info }.map(\.fingerprint))
        #expect(problems != expected)
        let cases = [
            ("base.json", JSONReportWriter().write(report), expected), ("base.sarif", SARIFReportWriter().write(report), problems),
            ("full.sarif", SARIFReportWriter(includeInfo: true).write(report), expected),
        ]
        for (name, text, fingerprints) in cases {
            let path = "/tmp/pedigree-gating-\(name)"
            try ReportFile.write(text, to: path)
            let entries = try BaselineLoader.load(path, request: request)
            #expect(Set(entries.map(\.fingerprint)) == fingerprints, "\(name)")
            #expect(entries.allSatisfy { $0.rule != nil && $0.message != nil }, "\(name)")
            let gated = Pipeline.audit(request, baseline: (source: name, entries: entries)).result
            #expect(gated.blocking.map(\.component) == ["faq"], "\(name)")
        }
    }

    @Test func aForeignOrFingerprintlessBaselineIsRefused() throws {
        let request = Self.request()
        let cases = [
            ("/tmp/pedigree-gating-foreign.sarif", #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "OtherTool"}}, "results": []}]}"#, "baseline.foreign-sarif"),
            ("/tmp/pedigree-gating-old.json", #"{"schemaVersion": 1, "findings": [{"rule": "naming"}]}"#, "baseline.missing-fingerprint"),
        ]
        for (path, text, code) in cases {
            try ReportFile.write(text, to: path)
            let error = #expect(throws: InputError.self) { try BaselineLoader.load(path, request: request) }
            #expect(error?.diagnostic.code == code)
        }
    }

    @Test func liveExpiredAndStaleWaivers() throws {
        let policy = try PolicyFileReader.read(path: Self.folder + "waivers.policy.yaml")
        #expect(!policy.hasErrors)
        let result = Pipeline.audit(Self.request(policy: policy.policy)).result
        let faq = try #require(result.findings.first { $0.component == "faq" && $0.rule == .nonCommercial })
        #expect(faq.waived)
        #expect(faq.waiverReason == "commercial license bought from the dataset's authors")
        #expect(!faq.isBlocking)
        // Expired on 2020-01-31: it no longer applies, and the report says so.
        let dialogs = try #require(result.findings.first { $0.component == "dialogs" && $0.rule == .nonCommercial })
        #expect(!dialogs.waived)
        #expect(dialogs.isBlocking)
        let expired = try #require(result.diagnostics.first { $0.code == "policy.waiver-expired" })
        #expect(expired.message.contains("expired on 2020-01-31"))
        #expect(expired.location?.line == 11)
        let stale = try #require(result.diagnostics.first { $0.code == "policy.waiver-stale" })
        #expect(stale.message.contains("'acme/retired-model'"))
        #expect(stale.location?.line == 15)
        let markdown = MarkdownReportWriter().write(AuditReport(result: result, toolVersion: "0"))
        #expect(markdown.contains("[policy.waiver-expired]"))
        #expect(markdown.contains("[policy.waiver-stale]"))
        #expect(markdown.contains("waived: commercial license bought from the dataset's authors"))
        // The same waiver on its expiry day still applies.
        var lastDay = Self.request(policy: policy.policy)
        lastDay.options.today = CalendarDate(year: 2020, month: 1, day: 31)
        #expect(Pipeline.audit(lastDay).result.findings.first { $0.component == "dialogs" && $0.rule == .nonCommercial }?.waived == true)
    }

    @Test func failOnWarningCountsUnwaivedWarnings() throws {
        var policy = AuditPolicy()
        policy.severity[.nonCommercial] = .warning
        let result = Pipeline.audit(Self.request(policy: policy)).result
        #expect(result.blocking.isEmpty)
        #expect(FailOn.error.exitCode(result, inputErrors: false) == 0)
        #expect(FailOn.warning.exitCode(result, inputErrors: false) == 1)
        #expect(FailOn.warning.failing(result).map(\.component).sorted() == ["dialogs", "faq"])
    }
}
