import PedigreeEngine
import PedigreeModel

/// Writes an audit as JUnit XML for CI dashboards: one test suite per rule, one test case per finding,
/// so the dashboard's counts are the report's (tests = findings, failures = blocking findings).
///
/// Decisions: a case fails when its finding reaches the failing severity (`--fail-on`) and is neither
/// waived nor accepted in the baseline — the same test as the exit code; a waived or baseline-accepted
/// finding is `skipped` with the reason; a finding below the failing severity passes, its details in
/// `system-out`. A case is named after its component and carries the finding's fingerprint, so a
/// dashboard follows the same finding across runs. A rule without findings is an empty suite, so the
/// dashboard lists every check that ran. Attribute values and text are escaped for XML 1.0, and times
/// are 0 so that the file is reproducible.
public struct JUnitReportWriter: ReportWriter {
    /// The severity from which findings fail their case; nil: no case fails (`--fail-on never`).
    public var failOn: FindingSeverity?
    /// The rules to report; rules the policy turns off are left out by the caller.
    public var rules: [RuleID]

    public init(failOn: FindingSeverity? = .error, rules: [RuleID] = RuleID.allCases) {
        self.failOn = failOn
        self.rules = rules
    }

    public func write(_ report: AuditReport) -> String {
        let result = report.result
        let components = Dictionary(result.components.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        var byRule: [RuleID: [Finding]] = [:]
        for finding in result.findings { byRule[finding.rule, default: []].append(finding) }
        var suites = ""
        var totals = (tests: 0, failures: 0, skipped: 0)
        for rule in rules {
            let findings = byRule[rule] ?? []
            var cases = ""
            var counts = (failures: 0, skipped: 0)
            for finding in findings {
                let outcome = self.outcome(finding)
                if case .failure = outcome { counts.failures += 1 }
                if case .skipped = outcome { counts.skipped += 1 }
                cases += Self.testCase(finding, name: Self.caseName(finding, components[finding.component]), outcome: outcome)
            }
            totals.tests += findings.count
            totals.failures += counts.failures
            totals.skipped += counts.skipped
            suites += "  <testsuite name=\"\(rule.rawValue)\" tests=\"\(findings.count)\" failures=\"\(counts.failures)\" errors=\"0\" skipped=\"\(counts.skipped)\" time=\"0\">\n"
            suites += cases
            suites += "  </testsuite>\n"
        }
        let product = result.context.name ?? result.context.roots.first?.rawValue ?? "product"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(XMLText.escape("pedigree audit of " + product, attribute: true))\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"0\" skipped=\"\(totals.skipped)\" time=\"0\">\n"
        out += Self.contextSuite(result.context)
        out += suites
        out += "</testsuites>\n"
        return out
    }

    /// What a finding's case reports.
    enum Outcome {
        case failure
        case skipped(String)
        case passed
    }

    func outcome(_ finding: Finding) -> Outcome {
        if finding.waived { return .skipped("waived: " + (finding.waiverReason ?? "no reason given")) }
        if finding.inBaseline { return .skipped("accepted in the baseline") }
        guard let failOn, finding.severity >= failOn else { return .passed }
        return .failure
    }

    /// One `<testcase>`: a failure with the finding's message and details, a skip with its reason, or a
    /// pass with the details in `system-out`.
    static func testCase(_ finding: Finding, name: String, outcome: Outcome) -> String {
        let rule = finding.rule.rawValue
        var out = "    <testcase classname=\"pedigree.\(rule)\" name=\"\(XMLText.escape(name, attribute: true))\" time=\"0\">\n"
        switch outcome {
        case .failure:
            out += "      <failure type=\"\(rule)\" message=\"\(XMLText.escape(finding.message, attribute: true))\">"
            out += XMLText.escape(details(finding)) + "</failure>\n"
        case .skipped(let why):
            out += "      <skipped message=\"\(XMLText.escape(why, attribute: true))\"/>\n"
            out += "      <system-out>" + XMLText.escape(details(finding)) + "</system-out>\n"
        case .passed:
            out += "      <system-out>" + XMLText.escape(details(finding)) + "</system-out>\n"
        }
        return out + "    </testcase>\n"
    }

    /// A suite without cases whose properties state, once, the roots (and whether they were inferred),
    /// the components attached to the product and every assumption of the audit.
    static func contextSuite(_ context: ResolvedContext) -> String {
        var properties: [(String, String)] = [
            ("roots", context.roots.map(\.rawValue).joined(separator: ", ")),
            ("rootsAreInferred", context.rootsAreInferred ? "true" : "false"),
            ("attached", context.attached.map(\.rawValue).joined(separator: ", ")),
        ]
        properties += context.assumptions.map { ("assumption", $0) }
        var out = "  <testsuite name=\"product\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
        out += "    <properties>\n"
        for (name, value) in properties {
            out += "      <property name=\"\(name)\" value=\"\(XMLText.escape(value, attribute: true))\"/>\n"
        }
        out += "    </properties>\n  </testsuite>\n"
        return out
    }

    /// `name version (ref) [fingerprint]`: readable because names come first, unique and stable across
    /// runs because fingerprints are.
    static func caseName(_ finding: Finding, _ component: AuditedComponent?) -> String {
        guard let component else { return finding.component.rawValue + " [" + finding.fingerprint + "]" }
        var name = component.name.isEmpty ? component.ref.rawValue : component.name
        if let version = component.version, !version.isEmpty { name += " " + version }
        if component.ref.rawValue != component.name { name += " (" + component.ref.rawValue + ")" }
        return name + " [" + finding.fingerprint + "]"
    }

    /// A finding as plain text lines: severity and message, location, path, licenses, fix, fingerprint.
    static func details(_ finding: Finding) -> String {
        var lines = ["[\(finding.severity.rawValue)] \(finding.message)"]
        if let location = finding.location { lines.append("at: \(location)") }
        if let cause = SourceText.phrase(finding, name: \.rawValue) {
            lines.append("because of: " + cause + (finding.sourceLocation.map { " at \($0)" } ?? ""))
        }
        if finding.path.count > 1 { lines.append("path: " + PathText.plain(finding.path)) }
        if !finding.licenses.isEmpty { lines.append("licenses: " + finding.licenses.joined(separator: ", ")) }
        for note in finding.notes { lines.append("note: " + note) }
        lines.append("fix: " + finding.remediation)
        if finding.waived { lines.append("waived: " + (finding.waiverReason ?? "")) }
        if finding.inBaseline { lines.append("accepted in the baseline") }
        lines.append("fingerprint: " + finding.fingerprint)
        return lines.joined(separator: "\n")
    }
}
