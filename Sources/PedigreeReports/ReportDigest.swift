import PedigreeDiagnostics
import PedigreeEngine
import PedigreeModel

/// What the human-readable reports (Markdown, HTML) say about a result, computed once so that both
/// say the same: the product's name and context in words, the findings grouped by what a reviewer
/// must do with them, and names for refs.
struct ReportDigest {
    let result: AuditResult
    let components: [ComponentRef: AuditedComponent]
    let choices: [ComponentRef: LicenseChoice]

    init(_ result: AuditResult) {
        self.result = result
        components = Dictionary(result.components.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        choices = Dictionary(result.choices.map { ($0.component, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The product's name: stated, else the first root's name, else "the product".
    var productName: String {
        if let name = result.context.name, !name.isEmpty { return name }
        if let root = result.context.roots.first { return name(root) }
        return "the product"
    }

    /// Errors that block: not waived, not in the baseline.
    var blocking: [Finding] { result.findings.filter(\.isBlocking) }

    /// Everything else, most severe first, then in report order.
    var others: [Finding] {
        let rest = result.findings.filter { !$0.isBlocking }
        return rest.enumerated().sorted { l, r in
            if l.element.severity != r.element.severity { return l.element.severity > r.element.severity }
            return l.offset < r.offset
        }.map(\.element)
    }

    func name(_ ref: ComponentRef) -> String {
        guard let component = components[ref], !component.name.isEmpty else { return ref.rawValue }
        return component.name
    }

    /// `name version`, for labels.
    func label(_ ref: ComponentRef) -> String {
        guard let component = components[ref] else { return ref.rawValue }
        var text = component.name.isEmpty ? ref.rawValue : component.name
        if let version = component.version, !version.isEmpty { text += " " + version }
        return text
    }

    /// Labels of several components, sorted as a reader looks for them (case-insensitively).
    func labels(_ refs: [ComponentRef]) -> [String] {
        refs.map(label).sorted { l, r in l.lowercased() != r.lowercased() ? l.lowercased() < r.lowercased() : l < r }
    }

    /// What a finding's status is in words: blocking, waived (why), accepted in the baseline, or its severity.
    func status(_ finding: Finding) -> String {
        if finding.waived { return "waived: " + (finding.waiverReason ?? "no reason given") }
        if finding.inBaseline { return finding.severity == .error ? "accepted in the baseline" : "unchanged" }
        if finding.isBlocking { return result.baseline == nil ? "blocking" : "new, blocking" }
        return result.baseline == nil ? finding.severity.rawValue : "new " + finding.severity.rawValue
    }

    /// The product context as short phrases: commercial or not, distribution, outbound license, figures.
    var contextPhrases: [(label: String, value: String)] {
        let context = result.context
        var phrases: [(String, String)] = []
        phrases.append(("Use", context.commercial ? "commercial" : "non-commercial"))
        phrases.append(("Distribution", context.distribution.isEmpty ? "not distributed" : context.distribution.map(\.rawValue).joined(separator: ", ")))
        phrases.append(("Outbound license", context.license ?? "not stated"))
        if let users = context.monthlyActiveUsers { phrases.append(("Monthly active users", Self.grouped(users))) }
        if let users = context.dailyActiveUsers { phrases.append(("Daily active users", Self.grouped(users))) }
        if let revenue = context.annualRevenueUSD { phrases.append(("Annual revenue (USD)", Self.grouped(Int(revenue.rounded())))) }
        if let regions = context.regions, !regions.isEmpty { phrases.append(("Regions", regions.joined(separator: ", "))) }
        phrases.append((
            "Interpretation",
            "training data: \(context.interpretation.trainingData.rawValue); unspecified dependency: \(context.interpretation.defaultDependency.rawValue)"
        ))
        return phrases
    }

    /// The license in force, with the `OR` choice that decided it.
    func licenseText(_ component: AuditedComponent) -> String {
        guard let license = component.license else { return "unknown" }
        if let choice = choices[component.ref] { return license + " (chosen from " + choice.expression + ")" }
        return license
    }

    /// Waiver and baseline diagnostics first (what a reviewer of the policy must act on), then the rest.
    var policyDiagnostics: [Diagnostic] { result.diagnostics.filter { $0.code.hasPrefix("policy.") } }
    var otherDiagnostics: [Diagnostic] { result.diagnostics.filter { !$0.code.hasPrefix("policy.") } }

    /// 1234567 as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
