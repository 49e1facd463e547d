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

    @Test func theSummaryCountsWhatTheGateBlocksOn() throws {
        let sample = "Samples/spdx2-rdf-translation-desktop"
        let errors = try PedigreeProcess.run(["audit", sample])
        #expect(errors.status == 0)
        #expect(errors.stdout.hasSuffix("0 errors, 2 warnings, 6 info; 0 waived; 0 blocking\n"))
        let warnings = try PedigreeProcess.run(["audit", sample, "--fail-on", "warning"])
        #expect(warnings.status == 1)
        #expect(warnings.stdout.hasSuffix("0 errors, 2 warnings, 6 info; 0 waived; 2 blocking\n"))
        let never = try PedigreeProcess.run(["audit", Self.head, "--fail-on", "never"])
        #expect(never.status == 0)
        #expect(never.stdout.hasSuffix("; 0 blocking\n"))
    }

    @Test func formatAndLevelNamesAreCaseInsensitive() throws {
        let sarif = try PedigreeProcess.run(["audit", Self.head, "--format", "SARIF", "--fail-on", "Never"])
        #expect(sarif.status == 0, "\(sarif.stderr)")
        #expect(sarif.stdout.contains("\"version\": \"2.1.0\""))
        let graph = try PedigreeProcess.run(["graph", Self.head, "--format", "Mermaid"])
        #expect(graph.status == 0)
        #expect(graph.stdout.hasPrefix("flowchart"))
        let wrong = try PedigreeProcess.run(["audit", Self.head, "--format", "pdf"])
        #expect(wrong.status == 64)
    }

    @Test func anOutputInAMissingFolderIsAUsageErrorNamingTheFolder() throws {
        let folder = "/tmp/pedigree-missing-\(getpid())/reports"
        for command in [["audit", Self.head], ["notice", Self.head]] {
            let result = try PedigreeProcess.run(command + ["--output", folder + "/out.txt"])
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr.contains("the folder '\(folder)' of --output does not exist"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func withOutputAFailingGateStillSaysSoInOneLine() throws {
        let path = "/tmp/pedigree-verdict-\(getpid()).md"
        defer { _ = unlink(path) }
        let result = try PedigreeProcess.run(["audit", Self.head, "--format", "markdown", "--output", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "pedigree audit: failed, 2 blocking findings (errors neither waived nor in the baseline); see '\(path)'\n")
        let passing = try PedigreeProcess.run(["audit", Self.head, "--fail-on", "never", "--output", path])
        #expect(passing.status == 0)
        #expect(passing.stderr.isEmpty)
    }

    @Test func graphAndNoticeOnInputsThatYieldNothingExitTwoLikeAudit() throws {
        for command in ["audit", "graph", "notice"] {
            let result = try PedigreeProcess.run([command, "Samples/ci"])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("[input.nothing-read]"), "\(command)")
            #expect(result.stdout.isEmpty, "\(command)")
        }
    }

    @Test func noticeWarnsWhenTheReleaseHasBlockingFindings() throws {
        let blocked = try PedigreeProcess.run(["notice", Self.head])
        #expect(blocked.status == 0)
        #expect(blocked.stderr.contains("warning: [notice.blocking-findings] 2 blocking findings"))
        let clean = try PedigreeProcess.run(["notice", "Samples/spdx2-rdf-translation-desktop"])
        #expect(clean.status == 0)
        #expect(!clean.stderr.contains("notice.blocking-findings"))
    }

    /// The pre-commit sample audits cards and SBOMs, and leaves a project's other READMEs alone.
    @Test func thePreCommitHookAuditsCardsButNotEveryReadme() throws {
        let hook = "Samples/ci/pre-commit/pedigree-pre-commit"
        let plain = try PedigreeProcess.runScript(hook, ["README.md", "Samples/README.md"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.isEmpty)
        let card = "Samples/hf-finetune-stack/datasets/acme/support-dialogs/README.md"
        let audited = try PedigreeProcess.runScript(hook, ["README.md", card])
        #expect(audited.status == 1)
        #expect(audited.stdout.contains("non-commercial"))
        #expect(audited.stderr.contains("pedigree-pre-commit: blocking license findings"))
        let config = try String(contentsOfFile: PedigreeProcess.repository + "/Samples/ci/pre-commit/.pre-commit-config.yaml", encoding: .utf8)
        #expect(config.contains("entry: tools/pedigree-pre-commit"))
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
