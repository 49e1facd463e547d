import PedigreeEngine
import PedigreeModel

/// Writes an audit as JUnit XML for CI dashboards: one test suite per rule, one test case per
/// component in each, so a dashboard shows which component passes which check.
///
/// Decisions: a case fails when a finding of its rule and component reaches the failing severity
/// (`--fail-on`) and is neither waived nor accepted in the baseline — the same test as the exit code;
/// waived and baseline-accepted findings at that severity are `skipped` with the reason; findings
/// below it pass and are listed in `system-out`. Attribute values and text are escaped for XML 1.0,
/// and times are 0 so that the file is reproducible.
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
        struct Key: Hashable {
            var rule: RuleID
            var component: ComponentRef
        }
        var byCase: [Key: [Finding]] = [:]
        for finding in result.findings {
            byCase[Key(rule: finding.rule, component: finding.component), default: []].append(finding)
        }
        var suites = ""
        var totals = (tests: 0, failures: 0, skipped: 0)
        for rule in rules {
            var cases = ""
            var counts = (tests: 0, failures: 0, skipped: 0)
            for component in result.components {
                counts.tests += 1
                let findings = byCase[Key(rule: rule, component: component.ref)] ?? []
                let name = Self.caseName(component)
                cases += "    <testcase classname=\"pedigree.\(rule.rawValue)\" name=\"\(XMLText.escape(name, attribute: true))\" time=\"0\""
                let failing = findings.filter { fails($0) }
                let excused = findings.filter { reachesThreshold($0) && ($0.waived || $0.inBaseline) }
                if findings.isEmpty {
                    cases += "/>\n"
                    continue
                }
                cases += ">\n"
                if let first = failing.first {
                    counts.failures += 1
                    cases += "      <failure type=\"\(rule.rawValue)\" message=\"\(XMLText.escape(first.message, attribute: true))\">"
                    cases += XMLText.escape(failing.map(Self.details).joined(separator: "\n\n"))
                    cases += "</failure>\n"
                } else if let first = excused.first {
                    counts.skipped += 1
                    let why = first.waived ? "waived: " + (first.waiverReason ?? "no reason given") : "accepted in the baseline"
                    cases += "      <skipped message=\"\(XMLText.escape(why, attribute: true))\"/>\n"
                }
                let others = findings.filter { !failing.contains($0) }
                if !others.isEmpty {
                    cases += "      <system-out>" + XMLText.escape(others.map(Self.details).joined(separator: "\n\n")) + "</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            totals.tests += counts.tests
            totals.failures += counts.failures
            totals.skipped += counts.skipped
            suites += "  <testsuite name=\"\(rule.rawValue)\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"0\" skipped=\"\(counts.skipped)\" time=\"0\">\n"
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

    func reachesThreshold(_ finding: Finding) -> Bool {
        guard let failOn else { return false }
        return finding.severity >= failOn
    }

    func fails(_ finding: Finding) -> Bool { reachesThreshold(finding) && !finding.waived && !finding.inBaseline }

    /// `name version (ref)`: unique because refs are, readable because names come first.
    static func caseName(_ component: AuditedComponent) -> String {
        var name = component.name.isEmpty ? component.ref.rawValue : component.name
        if let version = component.version, !version.isEmpty { name += " " + version }
        if component.ref.rawValue != component.name { name += " (" + component.ref.rawValue + ")" }
        return name
    }

    /// A finding as plain text lines: severity and message, location, path, licenses, fix, fingerprint.
    static func details(_ finding: Finding) -> String {
        var lines = ["[\(finding.severity.rawValue)] \(finding.message)"]
        if let location = finding.location { lines.append("at: \(location)") }
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
