import Foundation
import PedigreeDiagnostics
import PedigreeEngine
import PedigreeLicenses
import PedigreeModel
import Testing
@testable import PedigreeReports

/// The text and JSON audit reports, on a small product audited against the knowledge base.
@Suite struct AuditReportTests {
    static func sample(hostileName: Bool = false) -> AuditReport {
        let at = { (line: Int) in SourceLocation(file: "bom.json", line: line, column: 3) }
        let components = [
            Component(ref: "app", name: "chat-app", kind: .application, location: at(1)),
            Component(
                ref: "tune", name: hostileName ? "evil\u{1B}[2Jname" : "acme/DeepSeek-R1-Distill-Llama-8B", kind: .model,
                declaredLicense: LicenseStatement(LicenseText("llama3.1", location: at(10))), location: at(10)),
            Component(
                ref: "base", name: "meta-llama/Llama-3.1-8B", kind: .model,
                declaredLicense: LicenseStatement(LicenseText("llama3.1", location: at(20))), location: at(20)),
            Component(
                ref: "data", name: "nc-data", kind: .dataset,
                declaredLicense: LicenseStatement(LicenseText("CC-BY-NC-4.0", location: at(30))), location: at(30)),
            Component(
                ref: "lib", name: "dual", kind: .library,
                declaredLicense: LicenseStatement(LicenseText("GPL-3.0-only OR MIT", location: at(40))), location: at(40)),
        ]
        let edges = [
            Edge(from: "app", to: "tune", kind: .dependsOn), Edge(from: "tune", to: "base", kind: .fineTunedFrom),
            Edge(from: "tune", to: "data", kind: .trainedOn), Edge(from: "app", to: "lib", kind: .staticLink),
        ]
        let graph = LineageGraph(components: components, edges: edges, roots: ["app"])
        let result = Engine.audit(
            graph: graph, context: ProductContext(name: "Chat", commercial: true, distribution: [.saas, .binary]),
            catalog: KnowledgeBase.shared)
        return AuditReport(
            result: result, inputs: [.init(path: "bom.json", format: .cycloneDXJSON, specVersion: "1.6")], toolVersion: "0.1.0")
    }

    @Test func textGroupsByRuleAndDrawsPaths() throws {
        let text = TextReportWriter().write(Self.sample())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(text.contains("\nnon-commercial (1 error)\n"))
        #expect(text.contains("path: app (depends-on) → tune (trained-on) → data"))
        #expect(text.contains("\nnaming (1 error)\n"))
        #expect(text.contains("license choices"))
        #expect(text.contains("'GPL-3.0-only OR MIT' → 'MIT'"))
        #expect(text.contains("obligations for the release"))
        let nonCommercial = try #require(text.range(of: "\nnon-commercial ("))
        let naming = try #require(text.range(of: "\nnaming ("))
        #expect(nonCommercial.lowerBound < naming.lowerBound)
        #expect(lines.last(where: { !$0.isEmpty })?.hasSuffix("blocking") == true)
    }

    @Test func textEscapesInputText() {
        let text = TextReportWriter().write(Self.sample(hostileName: true))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("evil\\u{1b}[2Jname"))
    }

    @Test func textWrapNeverBreaksAWord() {
        let long = "pkg:huggingface/" + String(repeating: "x", count: 45)
        let lines = TextWrapper(width: 20).wrap("see " + long + " end and more words", first: "  ", rest: "    ")
        #expect(lines == ["  see " + long, "    end and more", "    words"])
        // A word that fits a fresh line moves there whole.
        #expect(TextWrapper(width: 18).wrap("a b pkg:npm/left-pad", first: "", rest: "  ") == ["a b", "  pkg:npm/left-pad"])
    }

    @Test func textStartsWithTheTotalsPerRule() throws {
        let text = TextReportWriter().write(Self.sample())
        let lines = text.split(separator: "\n").map(String.init)
        let total = try #require(lines.firstIndex { $0.hasPrefix("Total: ") })
        let firstSection = try #require(lines.firstIndex { $0.hasSuffix(")") && !$0.hasPrefix(" ") && $0 != lines[total] })
        #expect(total < firstSection)
        let result = Self.sample().result
        let summary = result.summary
        #expect(lines[total] == "Total: \(result.findings.count) findings (\(summary.errors) errors, \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), \(summary.infos) info); \(summary.blocking) blocking, \(summary.waived) waived")
        // One line per rule that fired, in the order of the sections, with the same counts.
        for rule in RuleID.allCases {
            let fired = result.findings.filter { $0.rule == rule }
            let line = lines[(total + 1)...].prefix { $0.hasPrefix("  ") }.first { $0.split(separator: " ").first.map(String.init) == rule.rawValue }
            #expect((line != nil) == !fired.isEmpty, "\(rule)")
            if let line { #expect(line.hasSuffix(TextReportWriter.counts(fired)) && text.contains("\n\(rule.rawValue) (\(TextReportWriter.counts(fired)))\n")) }
        }
    }

    @Test func colourMarksSeveritiesOnlyWhenAsked() {
        let plain = TextReportWriter().write(Self.sample())
        let coloured = TextReportWriter(style: .colour).write(Self.sample())
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("  \u{1B}[1;31merror\u{1B}[0m    "))
        // Without its escape sequences the coloured report says exactly the same.
        #expect(Self.strippingSGR(coloured) == plain)
    }

    @Test func narrowWidthKeepsPathStepsAndIdsWhole() {
        let report = Self.sample()
        let lines = TextReportWriter(width: 40).write(report).split(separator: "\n")
        for finding in report.result.findings {
            for step in TextReportWriter.steps(finding.path) where step != "→" {
                #expect(lines.contains { $0.contains(step) }, "\(step) is broken")
            }
            if let location = finding.location { #expect(lines.contains { $0.contains(location.description) }) }
        }
        #expect(lines.contains { $0.contains("'acme/DeepSeek-R1-Distill-Llama-8B'") })
    }

    @Test func notesAreShownOnlyWhenAskedAndCountedAsPrinted() throws {
        var report = Self.sample()
        report.result.diagnostics = [
            .warning("license.unknown-id", "'Foo-1.0' is not a known license id", at: SourceLocation(file: "bom.json", line: 3, column: 7)),
            .note("license.hub-id", "read Hugging Face license id 'mit' as 'MIT'"),
            .note("license.hub-id", "read Hugging Face license id 'apache-2.0' as 'Apache-2.0'"),
        ]
        let quiet = TextReportWriter().write(report)
        #expect(quiet.contains("\ndiagnostics (1 warning)\n  bom.json:3:7: warning: [license.unknown-id]"))
        #expect(!quiet.contains("license.hub-id"))
        // The closing paragraph, unwrapped.
        let last = try #require(quiet.components(separatedBy: "\n\n").last).replacingOccurrences(of: "\n  ", with: " ")
        #expect(last.contains("; diagnostics: 1 warning, 2 notes not shown (--verbose shows them); findings: "))
        let verbose = TextReportWriter(showNotes: true).write(report)
        #expect(verbose.contains("\ndiagnostics (1 warning, 2 notes)\n"))
        #expect(verbose.components(separatedBy: "note: [license.hub-id]").count == 3)
        #expect(verbose.components(separatedBy: "\n\n").last?.replacingOccurrences(of: "\n  ", with: " ").contains("; diagnostics: 1 warning, 2 notes; findings: ") == true)
    }

    static func strippingSGR(_ text: String) -> String {
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                while let next = scalars.next(), next != "m" {}
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func jsonHasTheSchemaFieldsInOrder() throws {
        let report = Self.sample()
        let json = JSONReportWriter().write(report)
        #expect(json == JSONReportWriter().write(Self.sample()))
        let data = Data(json.utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Schemas/report.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let required = try #require(schema["required"] as? [String])
        #expect(Set(object.keys) == Set(required))
        let topKeys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys.map(String.init) == required)
        let findingSchema = try #require(((schema["$defs"] as? [String: Any])?["finding"] as? [String: Any])?["required"] as? [String])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for finding in findings { #expect(Set(finding.keys) == Set(findingSchema)) }
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["blocking"] as? Int == report.result.summary.blocking)
        let first = try #require(findings.first { $0["rule"] as? String == "non-commercial" })
        let path = try #require(first["path"] as? [[String: Any]])
        #expect(path.map { $0["ref"] as? String } == ["app", "tune", "data"])
        #expect(path.map { $0["edge"] as? String } == ["depends-on", "trained-on", nil])
        #expect((first["fingerprint"] as? String)?.count == 16)
        #expect(!json.contains("Date") && !json.contains("timestamp"))
    }

    @Test func jsonEscapesControlsAndSeparators() {
        #expect(JSONNode.quoted("a\"b\\c\n\u{1B}\u{2028}") == "\"a\\\"b\\\\c\\n\\u001b\\u2028\"")
        #expect(JSONNode.object([.init("x", .double(1e9)), .init("y", .array([]))]).rendered() == "{\n  \"x\": 1000000000,\n  \"y\": []\n}\n")
    }

    @Test func explanationListsTermsAndHow() throws {
        let result = Self.sample().result
        let explanation = try #require(result.explain(component: "tune"))
        let text = TextReportWriter().write(explanation)
        #expect(text.hasPrefix("tune: "))
        #expect(text.contains("CC-BY-NC-4.0 [commercial-limits] — from 'data': tune (trained-on) → data"))
        #expect(text.contains("its own license"))
    }
}

extension AuditReportTests {
    @Test func printSample() {
        if ProcessInfo.processInfo.environment["PRINT_REPORT"] != nil {
            print(TextReportWriter().write(Self.sample()))
            print(JSONReportWriter().write(Self.sample()))
        }
        #expect(Bool(true))
    }
}
