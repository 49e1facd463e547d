#if canImport(Glibc)
import Glibc
#endif
import PedigreeCore
import Testing

/// `pedigree audit` with `--policy`, `--baseline`, `--fail-on`, `--format` and `--output`, run as the built binary.
@Suite("pedigree audit gating")
struct GatingCommandTests {
    static let head = "Tests/Fixtures/reports/gating/head.cdx.json"
    static let base = "Tests/Fixtures/reports/gating/base.cdx.json"

    @Test func theBaselineDecidesWhatBlocks() throws {
        let alone = try PedigreeProcess.run(["audit", Self.head, "--distribution", "saas"])
        #expect(alone.status == 1)
        #expect(alone.stdout.hasSuffix("2 blocking\n"))
        let gated = try PedigreeProcess.run(["audit", Self.head, "--distribution", "saas", "--baseline", Self.base])
        #expect(gated.status == 1)
        #expect(gated.stdout.hasSuffix("1 blocking\n"))
        // Against itself nothing is new, so nothing blocks.
        let same = try PedigreeProcess.run(["audit", Self.head, "--baseline", Self.head, "--format", "markdown"])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("✅ **No blocking findings.**"))
        #expect(same.stdout.contains("**0 new**"))
        let never = try PedigreeProcess.run(["audit", Self.head, "--fail-on", "never"])
        #expect(never.status == 0)
    }

    @Test func explainTakesThePolicyAndTheContextFlagsLikeAudit() throws {
        let path = "/tmp/pedigree-explain-policy-\(getpid()).yaml"
        defer { _ = unlink(path) }
        try ReportFile.write("pedigree: 1\nseverity:\n  non-commercial: \"off\"\n", to: path)
        let sample = "Samples/hf-finetune-stack"
        let component = ["--component", "datasets/acme/support-dialogs"]
        let plain = try PedigreeProcess.run(["explain", sample] + component)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("[non-commercial]"))
        let off = try PedigreeProcess.run(["explain", sample, "--policy", path] + component)
        #expect(off.status == 0, "\(off.stderr)")
        #expect(!off.stdout.contains("[non-commercial]"))
        let nonCommercial = try PedigreeProcess.run(["explain", sample, "--non-commercial"] + component)
        #expect(!nonCommercial.stdout.contains("[non-commercial]"))
        let bad = try PedigreeProcess.run(["explain", sample, "--policy", "/nonexistent/policy.yaml"] + component)
        #expect(bad.status == 2)
    }

    @Test func aPolicyGivenAsAnInputIsRefusedWithAHint() throws {
        let result = try PedigreeProcess.run(["audit", Self.head, "Samples/ci/pedigree-policy.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Samples/ci/pedigree-policy.yaml"))
        #expect(result.stderr.contains("[input.policy-as-input]"))
        #expect(result.stderr.contains("did you mean --policy?"))
        // The same file as --policy is used.
        let used = try PedigreeProcess.run(["audit", Self.head, "--policy", "Samples/ci/pedigree-policy.yaml"])
        #expect(used.status != 2, "\(used.stderr)")
        #expect(used.stdout.contains("Acme Support Assistant"))
    }

    @Test func aBadPolicyStopsTheAuditWithItsPosition() throws {
        let path = "/tmp/pedigree-bad-policy-\(getpid()).yaml"
        defer { _ = unlink(path) }
        try ReportFile.write("pedigree: 1\nseverity:\n  naming: fatal\nwaivers:\n  - component: x\n    reason: y\n    expires: 2025-13-01\n", to: path)
        let result = try PedigreeProcess.run(["audit", Self.head, "--policy", path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(path):3:11: error: [policy.invalid-value] unknown severity 'fatal' for rule 'naming'"))
        #expect(result.stderr.contains("\(path):7:14: error: [policy.invalid-date] '2025-13-01' is not a calendar date"))
        let missing = try PedigreeProcess.run(["audit", Self.head, "--policy", "/nonexistent/policy.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("[input.not-found]"))
    }

    @Test(arguments: [("sarif", "\"version\": \"2.1.0\""), ("junit", "<testsuites "), ("html", "<!DOCTYPE html>"), ("markdown", "## Pedigree license audit")])
    func everyFormatIsWrittenToTheOutputFile(format: String, marker: String) throws {
        let path = "/tmp/pedigree-report-\(getpid()).\(format)"
        defer { _ = unlink(path) }
        let result = try PedigreeProcess.run(["audit", Self.head, "--format", format, "--output", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let text = String(decoding: try SafeFile.read(path), as: UTF8.self)
        #expect(text.contains(marker))
    }

    @Test func sarifPathsAreRelativeToTheWorkingDirectory() throws {
        let result = try PedigreeProcess.run(["audit", Self.head, "--format", "sarif"])
        #expect(result.stdout.contains("\"uri\": \"Tests/Fixtures/reports/gating/head.cdx.json\""))
        #expect(result.stdout.contains("\"uriBaseId\": \"%SRCROOT%\""))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try PedigreeProcess.run(["audit", Self.head, "--format", "pdf"]).status == 64)
        #expect(try PedigreeProcess.run(["audit", Self.head, "--fail-on", "sometimes"]).status == 64)
    }
}
