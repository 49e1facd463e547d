import Foundation
import Testing

/// Two fine-tunes of Meta Llama 3 8B named without "Llama 3" (Tests/Fixtures/blame/llama3-finetunes):
/// every format names the fine-tune that must be renamed, located in its own card, and says that
/// Meta's license is why; waivers on the base or on the fine-tune cover the findings; a report written
/// before findings had a `source` still serves as a baseline.
@Suite struct DerivativeBlameReportTests {
    static let folder = "Tests/Fixtures/blame/llama3-finetunes"
    static let base = "meta-llama/Meta-Llama-3-8B"
    static let because = "because of the license 'LicenseRef-scancode-llama-3-license-2024' of '\(base)'"

    static func audit(_ format: String, _ extra: [String] = []) throws -> String {
        let result = try PedigreeProcess.run(["audit", folder, "--format", format] + extra)
        #expect(result.status == 1, "\(result.stderr)")
        return result.stdout
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonNamesTheFineTuneAsComponentAndTheBaseAsSource() throws {
        let findings = try #require(try Self.object(Self.audit("json"))["findings"] as? [[String: Any]])
        let naming = findings.filter { $0["rule"] as? String == "naming" }
        #expect(naming.compactMap { $0["component"] as? String }.sorted() == ["acme/helpdesk-8b", "acme/triage-8b"])
        #expect(naming.allSatisfy { $0["source"] as? String == Self.base })
        for finding in naming {
            let location = try #require(finding["location"] as? [String: Any])
            let card = "\(Self.folder)/\(finding["component"] as? String ?? "")/README.md"
            #expect(location["file"] as? String == card)
            let sourceLocation = try #require(finding["sourceLocation"] as? [String: Any])
            #expect(sourceLocation["file"] as? String == "\(Self.folder)/\(Self.base)/README.md")
        }
        let own = findings.filter { $0["rule"] as? String == "attribution" }
        #expect(!own.isEmpty && own.allSatisfy { $0["source"] as? String == $0["component"] as? String })
        #expect(own.allSatisfy { $0["sourceLocation"] is NSNull })
    }

    @Test func sarifLocatesTheResultAtTheFineTunesCardAndRelatesTheBase() throws {
        let log = try Self.object(Self.audit("sarif"))
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]]).filter { $0["ruleId"] as? String == "naming" }
        #expect(results.count == 2)
        for result in results {
            let properties = try #require(result["properties"] as? [String: Any])
            let component = try #require(properties["component"] as? String)
            #expect(properties["source"] as? String == Self.base)
            #expect(Self.uri(try #require((result["locations"] as? [[String: Any]])?.first)) == "\(Self.folder)/\(component)/README.md")
            let related = try #require(result["relatedLocations"] as? [[String: Any]])
            let source = try #require(related.last)
            #expect(Self.uri(source) == "\(Self.folder)/\(Self.base)/README.md")
            #expect((source["message"] as? [String: Any])?["text"] as? String == Self.because)
            let ids = related.compactMap { $0["id"] as? Int }
            #expect(Set(ids).count == ids.count)
        }
    }

    static func uri(_ location: [String: Any]) -> String? {
        let physical = location["physicalLocation"] as? [String: Any]
        return (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String
    }

    @Test func junitMarkdownAndTextNameTheFineTuneAndWhy() throws {
        let junit = try Self.audit("junit")
        let naming = try #require(junit.split(separator: "<testsuite ").first { $0.hasPrefix(#"name="naming""#) })
        let cases = naming.split(separator: "\n").filter { $0.contains("<testcase ") }
        #expect(cases.count == 2)
        #expect(cases.allSatisfy { $0.contains(#"name="acme/"#) })
        #expect(naming.contains("because of: the license &apos;LicenseRef-scancode-llama-3-license-2024&apos; of &apos;\(Self.base)&apos; at \(Self.folder)/\(Self.base)/README.md:4:10"))
        let markdown = try Self.audit("markdown")
        #expect(markdown.contains(". naming: acme/helpdesk-8b\n"))
        #expect(markdown.contains(". naming: acme/triage-8b\n"))
        #expect(!markdown.contains(". naming: meta-llama"))
        #expect(markdown.contains("- **Because of:** the license 'LicenseRef-scancode-llama-3-license-2024' of 'meta-llama/Meta-Llama-3-8B'"))
        // The diagram outlines the fine-tune (n1) that must act, and dashes Meta's model (n2) holding the term.
        #expect(markdown.contains("  class n1 act\n  class n2 term\n```"))
        let text = try Self.audit("text")
        #expect(text.contains("at: \(Self.folder)/acme/helpdesk-8b/README.md:2:10"))
        #expect(text.contains("because of the license"))
    }

    @Test func htmlAndDOTOutlineTheFineTunesNotTheBase() throws {
        let html = try Self.audit("html")
        #expect(html.contains("<g class=\"node model flagged\"><title>acme/helpdesk-8b"))
        #expect(!html.contains("flagged\"><title>\(Self.base)"))
        #expect(html.contains("<dt>Because of</dt>"))
        let dot = try PedigreeProcess.run(["graph", Self.folder, "--format", "dot"])
        let lines = dot.stdout.split(separator: "\n")
        let red = lines.filter { $0.contains("#b3261e") }.compactMap { $0.split(separator: "\"").dropFirst().first }
        #expect(red.map(String.init).sorted() == ["acme/helpdesk-8b", "acme/triage-8b"])
    }

    @Test func aWaiverOnTheBaseCoversTheFineTunesFindings() throws {
        let waived = try PedigreeProcess.run([
            "audit", Self.folder, "--policy", "Tests/Fixtures/blame/waive-base.policy.yaml", "--format", "json",
        ])
        #expect(waived.status == 0, "\(waived.stderr)")
        let findings = try #require(try Self.object(waived.stdout)["findings"] as? [[String: Any]])
        let errors = findings.filter { $0["severity"] as? String == "error" }
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { $0["waived"] as? Bool == true && $0["source"] as? String == Self.base })
    }

    @Test func aWaiverOnOneFineTuneCoversOnlyItsFinding() throws {
        let result = try PedigreeProcess.run([
            "audit", Self.folder, "--policy", "Tests/Fixtures/blame/waive-derivative.policy.yaml", "--format", "json",
        ])
        #expect(result.status == 1)
        let findings = try #require(try Self.object(result.stdout)["findings"] as? [[String: Any]])
        let waived = findings.filter { $0["waived"] as? Bool == true }.map { "\($0["rule"] ?? "") \($0["component"] ?? "")" }
        #expect(waived == ["naming acme/helpdesk-8b"])
    }

    /// Tests/Fixtures/blame/flagship-report-before-source.json is the JSON report of the flagship sample
    /// as Pedigree wrote it while naming findings still named Meta's model as their component.
    @Test func aReportWrittenBeforeSourcesStillMatchesAsBaseline() throws {
        let result = try PedigreeProcess.run([
            "audit", "Samples/hf-finetune-stack", "--baseline", "Tests/Fixtures/blame/flagship-report-before-source.json",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.object(result.stdout)
        let baseline = try #require(report["baseline"] as? [String: Any])
        #expect((baseline["new"] as? [Any])?.count == 0)
        #expect((baseline["resolved"] as? [Any])?.count == 0)
        let findings = try #require(report["findings"] as? [[String: Any]])
        let moved = findings.filter { $0["rule"] as? String == "naming" && $0["component"] as? String != $0["source"] as? String }
        #expect(moved.count == 3)
        #expect(findings.allSatisfy { $0["inBaseline"] as? Bool == true })
    }
}
