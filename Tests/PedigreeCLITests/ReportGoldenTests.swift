#if canImport(Glibc)
import Glibc
#endif
import PedigreeCore
import Testing

/// Every report format of the flagship sample (the one `make demo` audits), compared byte for byte with
/// a reviewed golden file under Tests/Fixtures/reports/<format>/. `UPDATE_GOLDENS=1` rewrites the
/// goldens and fails, so that a rewrite is never mistaken for a pass.
@Suite struct ReportGoldenTests {
    static let flagship = "Samples/hf-finetune-stack"

    @Test(arguments: [
        (["audit", flagship, "--format", "text"], "text/expected.txt"),
        (["audit", flagship, "--format", "json"], "json/expected.json"),
        (["audit", flagship, "--format", "sarif"], "sarif/expected.sarif"),
        (["audit", flagship, "--format", "junit"], "junit/expected.xml"),
        (["audit", flagship, "--format", "markdown"], "markdown/expected.md"),
        (["audit", flagship, "--format", "html"], "html/expected.html"),
        (["notice", flagship], "notice/expected.txt"),
    ])
    func flagshipReportMatchesItsGolden(arguments: [String], golden: String) throws {
        let result = try PedigreeProcess.run(arguments)
        #expect(result.status == (arguments[0] == "audit" ? 1 : 0), "\(result.stderr)")
        let path = PedigreeProcess.repository + "/Tests/Fixtures/reports/" + golden
        if let update = getenv("UPDATE_GOLDENS"), String(cString: update) == "1" {
            try ReportFile.write(result.stdout, to: path)
            Issue.record("rewrote \(golden); review it and run the tests again without UPDATE_GOLDENS")
            return
        }
        let expected = String(decoding: try SafeFile.read(path), as: UTF8.self)
        #expect(result.stdout == expected, "\(golden) differs; run with UPDATE_GOLDENS=1 to rewrite it, then review the diff")
    }
}
