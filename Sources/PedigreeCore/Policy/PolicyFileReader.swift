import PedigreeDiagnostics
import PedigreeEngine
import PedigreeLicenses
import PedigreeModel
import SafeJSON
import SafeYAML

/// Reads a policy file (`--policy`, `Schemas/policy.schema.json`) in YAML or JSON into an `AuditPolicy`.
///
/// Shape (every key optional):
/// ```
/// pedigree: 1
/// product: {name, commercial, distribution, license, monthly-active-users, daily-active-users,
///           annual-revenue-usd, regions}
/// deny:  [license id | expression | name | category …]
/// allow: [license id | expression | name | category …]
/// severity: {rule-id: error | warning | info | off …}
/// interpretation: {training-data: use | derivative | none,
///                  default-dependency: dynamic-link | static-link | contains}
/// waivers: [{component, rule?, reason, expires?} …]
/// ```
/// Decisions: the file is strict — an unknown key, a value of the wrong type, an unknown rule id, an
/// invalid license expression or an impossible date is an error at its position, and every error in
/// the file is reported at once (a typo in a policy must not silently weaken the gate). `deny` and
/// `allow` entries are categories (`non-commercial`, `network-copyleft`…), SPDX ids or expressions
/// (each license an expression names is listed), or names the knowledge base resolves (`Apache 2.0`,
/// `llama3.1`); a family name (`GPL`) lists every license of the family. A license the knowledge base
/// has no terms for is kept, with a warning, since it can only match a license written the same way.
public enum PolicyFileReader {
    public static let topLevelKeys = [
        "$schema", "pedigree", "product", "deny", "allow", "severity", "interpretation", "waivers",
    ]
    public static let productKeys = [
        "name", "commercial", "distribution", "license", "monthly-active-users", "daily-active-users",
        "annual-revenue-usd", "regions",
    ]
    public static let waiverKeys = ["component", "rule", "reason", "expires"]
    public static let interpretationKeys = ["training-data", "default-dependency"]

    /// Reads and checks a policy file.
    ///
    /// - Throws: `InputError` when the file cannot be read or is not well-formed YAML or JSON.
    public static func read(
        path: String, catalog: KnowledgeBase = .shared, limits: InputLimits = .default
    ) throws(InputError) -> PolicyFile {
        let bytes = try SafeFile.read(path, limits: limits)
        return try parse(bytes, path: path, catalog: catalog, limits: limits)
    }

    /// Checks a policy given as bytes (JSON when the first non-blank byte is `{`, YAML otherwise).
    ///
    /// - Throws: `InputError` when the bytes are not well-formed YAML or JSON.
    public static func parse(
        _ bytes: [UInt8], path: String, catalog: KnowledgeBase = .shared, limits: InputLimits = .default
    ) throws(InputError) -> PolicyFile {
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        let root: PolicyNode?
        if first == UInt8(ascii: "{") || path.lowercased().hasSuffix(".json") {
            root = PolicyNode(json: try JSONParser.parse(bytes, file: path, limits: limits), file: path)
        } else {
            root = try YAMLParser.parse(bytes, file: path, limits: limits).map(PolicyNode.init(yaml:))
        }
        var reader = Reader(path: path, catalog: catalog, limits: limits)
        if let root { reader.read(root) }
        return PolicyFile(
            path: path, policy: reader.policy, diagnostics: reader.diagnostics.diagnostics,
            statesInterpretation: reader.statesInterpretation)
    }
}

/// The work of checking one policy document.
private struct Reader {
    let path: String
    let catalog: KnowledgeBase
    let limits: InputLimits
    var policy = AuditPolicy()
    var diagnostics = DiagnosticCollector()
    var statesInterpretation = false

    init(path: String, catalog: KnowledgeBase, limits: InputLimits) {
        self.path = path
        self.catalog = catalog
        self.limits = limits
    }

    mutating func read(_ root: PolicyNode) {
        guard let members = mapping(root, what: "the policy") else { return }
        check(members, allowed: PolicyFileReader.topLevelKeys, in: "the policy", at: root.location)
        for member in members {
            let value = member.value
            switch member.key {
            case "$schema": _ = text(value, key: "$schema")
            case "pedigree":
                if value.text != "1" {
                    error("policy.unsupported-version", "expected 'pedigree: 1', found \(value.typeDescription)", at: value)
                }
            case "product": readProduct(value)
            case "deny": policy.deny = licenseList(value, key: "deny")
            case "allow": policy.allow = licenseList(value, key: "allow")
            case "severity": readSeverity(value)
            case "interpretation":
                statesInterpretation = true
                readInterpretation(value)
            case "waivers": readWaivers(value)
            default: break
            }
        }
    }

    // MARK: Sections

    mutating func readProduct(_ node: PolicyNode) {
        guard let members = mapping(node, what: "'product'") else { return }
        check(members, allowed: PolicyFileReader.productKeys, in: "'product'", at: node.location)
        var product = ProductContext()
        for member in members {
            let key = "product.\(member.key)"
            let value = member.value
            switch member.key {
            case "name": product.name = text(value, key: key)
            case "commercial": product.commercial = bool(value, key: key)
            case "distribution": product.distribution = distribution(value)
            case "license":
                if let written = text(value, key: key), expression(written, at: value) != nil { product.license = written }
            case "monthly-active-users": product.monthlyActiveUsers = count(value, key: key)
            case "daily-active-users": product.dailyActiveUsers = count(value, key: key)
            case "annual-revenue-usd": product.annualRevenueUSD = amount(value, key: key)
            case "regions": product.regions = texts(value, key: key).map { $0.map(\.text) }
            default: break
            }
        }
        policy.product = product
    }

    mutating func distribution(_ node: PolicyNode) -> Set<ProductContext.Distribution>? {
        let items: [(text: String, node: PolicyNode)]
        if let single = node.text, case .string = node.value {
            items = [(single, node)]
        } else if let list = texts(node, key: "product.distribution") {
            items = list
        } else {
            return nil
        }
        var kinds = Set<ProductContext.Distribution>()
        for (written, item) in items {
            guard let kind = ProductContext.Distribution(rawValue: written) else {
                let allowed = ProductContext.Distribution.allCases.map(\.rawValue)
                error(
                    "policy.invalid-value",
                    "unknown distribution '\(written)'; expected one of \(allowed.joined(separator: ", "))\(suggestion(written, allowed))",
                    at: item)
                continue
            }
            kinds.insert(kind)
        }
        return kinds
    }

    mutating func licenseList(_ node: PolicyNode, key: String) -> [String] {
        guard let items = texts(node, key: key) else { return [] }
        var entries: [String] = []
        func add(_ entry: String) { if !entries.contains(entry) { entries.append(entry) } }
        for (written, item) in items {
            let trimmed = written.trimmingWhitespace
            if let category = PolicyLicenseCategory(rawValue: trimmed.lowercased()) {
                add(category.rawValue)
                continue
            }
            switch catalog.resolve(name: trimmed) {
            case .license(let id):
                add(id)
                continue
            case .ambiguous(let ids):
                ids.forEach(add)
                continue
            case .unknown:
                break
            }
            let categories = PolicyLicenseCategory.allCases.map(\.rawValue)
            guard let parsed = expression(trimmed, at: item, hint: suggestion(trimmed, categories)) else { continue }
            for atom in atoms(parsed) {
                if case .license(let id, _, _) = atom, catalog.terms(for: id) == nil {
                    warning(
                        "policy.unknown-license",
                        "'\(id)' in '\(key)' is a license the knowledge base has no terms for; it matches only a license written the same way",
                        at: item)
                }
                add(atom.description)
            }
        }
        return entries
    }

    mutating func readSeverity(_ node: PolicyNode) {
        guard let members = mapping(node, what: "'severity'") else { return }
        let rules = RuleID.allCases.map(\.rawValue)
        for member in members {
            guard let rule = RuleID(rawValue: member.key) else {
                error(
                    "policy.unknown-rule",
                    "unknown rule '\(member.key)' in 'severity'\(suggestion(member.key, rules)); expected one of \(rules.joined(separator: ", "))",
                    at: member.value)
                continue
            }
            guard let written = text(member.value, key: "severity.\(member.key)") else { continue }
            guard let level = SeverityOverride(rawValue: written) else {
                error(
                    "policy.invalid-value",
                    "unknown severity '\(written)' for rule '\(member.key)'; expected error, warning, info or off",
                    at: member.value)
                continue
            }
            policy.severity[rule] = level
        }
    }

    mutating func readInterpretation(_ node: PolicyNode) {
        guard let members = mapping(node, what: "'interpretation'") else { return }
        check(members, allowed: PolicyFileReader.interpretationKeys, in: "'interpretation'", at: node.location)
        for member in members {
            let key = "interpretation.\(member.key)"
            switch member.key {
            case "training-data":
                guard let written = text(member.value, key: key) else { continue }
                if let value = Interpretation.TrainingData(rawValue: written) {
                    policy.interpretation.trainingData = value
                } else {
                    error("policy.invalid-value", "unknown value '\(written)' for '\(key)'; expected use, derivative or none", at: member.value)
                }
            case "default-dependency":
                guard let written = text(member.value, key: key) else { continue }
                if let value = Interpretation.DefaultDependency(rawValue: written) {
                    policy.interpretation.defaultDependency = value
                } else {
                    error(
                        "policy.invalid-value",
                        "unknown value '\(written)' for '\(key)'; expected dynamic-link, static-link or contains",
                        at: member.value)
                }
            default: break
            }
        }
    }

    mutating func readWaivers(_ node: PolicyNode) {
        guard case .list(let items) = node.value else {
            error("policy.invalid-type", "expected a list for 'waivers', found \(node.typeDescription)", at: node)
            return
        }
        for item in items {
            guard let members = mapping(item, what: "a waiver") else { continue }
            check(members, allowed: PolicyFileReader.waiverKeys, in: "a waiver", at: item.location)
            func value(_ key: String) -> PolicyNode? { members.first { $0.key == key }?.value }
            var complete = true
            var component: String?
            if let node = value("component") {
                component = text(node, key: "waivers.component")
                if component?.trimmingWhitespace.isEmpty == true {
                    error("policy.invalid-value", "a waiver's 'component' is empty; expected a ref, name or purl", at: node)
                    component = nil
                }
            } else {
                error("policy.missing-key", "a waiver needs 'component' (a ref, name or purl)", at: item)
            }
            var rule: RuleID?
            if let node = value("rule"), let written = text(node, key: "waivers.rule") {
                let rules = RuleID.allCases.map(\.rawValue)
                rule = RuleID(rawValue: written)
                if rule == nil {
                    complete = false
                    error(
                        "policy.unknown-rule",
                        "unknown rule '\(written)' in a waiver\(suggestion(written, rules)); expected one of \(rules.joined(separator: ", "))",
                        at: node)
                }
            }
            var reason: String?
            if let node = value("reason") {
                reason = text(node, key: "waivers.reason")
                if reason?.trimmingWhitespace.isEmpty == true {
                    error("policy.invalid-value", "a waiver's 'reason' is empty; say why the finding is accepted", at: node)
                    reason = nil
                }
            } else {
                error("policy.missing-key", "a waiver needs 'reason' (why the finding is accepted)", at: item)
            }
            var expires: CalendarDate?
            if let node = value("expires"), let written = text(node, key: "waivers.expires") {
                expires = Self.date(written)
                if expires == nil {
                    complete = false
                    error("policy.invalid-date", "'\(written)' is not a calendar date; expected YYYY-MM-DD, e.g. 2026-06-30", at: node)
                }
            }
            guard complete, let component, let reason else { continue }
            policy.waivers.append(Waiver(component: component, rule: rule, reason: reason, expires: expires, location: item.location))
        }
    }

    // MARK: Values

    /// `YYYY-MM-DD` naming a day that exists (ISO 8601 calendar date, proleptic Gregorian).
    static func date(_ text: String) -> CalendarDate? {
        guard text.utf8.count == 10, let date = CalendarDate(text) else { return nil }
        let leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return date.day <= days[date.month - 1] ? date : nil
    }

    mutating func expression(_ text: String, at node: PolicyNode, hint: String = "") -> LicenseExpression? {
        do {
            return try LicenseExpressionParser(ids: catalog, limits: limits).parse(text)
        } catch {
            diagnostics.append(.error(
                "policy.invalid-license",
                "'\(text)' is not a license id, expression, known license name or category: \(error)\(hint)",
                at: node.location))
            return nil
        }
    }

    func atoms(_ expression: LicenseExpression) -> [LicenseExpression] {
        switch expression {
        case .license: [expression]
        case .and(let operands), .or(let operands): operands.flatMap(atoms)
        }
    }

    mutating func mapping(_ node: PolicyNode, what: String) -> [PolicyNode.Member]? {
        if case .map(let members) = node.value { return members }
        if case .null = node.value { return [] }
        error("policy.invalid-type", "expected a mapping for \(what), found \(node.typeDescription)", at: node)
        return nil
    }

    mutating func check(_ members: [PolicyNode.Member], allowed: [String], in what: String, at location: SourceLocation) {
        for member in members where !allowed.contains(member.key) {
            error(
                "policy.unknown-key",
                "unknown key '\(member.key)' in \(what)\(suggestion(member.key, allowed)); expected one of \(allowed.filter { $0 != "$schema" }.joined(separator: ", "))",
                at: member.value)
        }
    }

    mutating func text(_ node: PolicyNode, key: String) -> String? {
        if let text = node.text { return text }
        error("policy.invalid-type", "expected a string for '\(key)', found \(node.typeDescription)", at: node)
        return nil
    }

    mutating func texts(_ node: PolicyNode, key: String) -> [(text: String, node: PolicyNode)]? {
        guard case .list(let items) = node.value else {
            error("policy.invalid-type", "expected a list of strings for '\(key)', found \(node.typeDescription)", at: node)
            return nil
        }
        var result: [(text: String, node: PolicyNode)] = []
        for item in items {
            if let text = item.text {
                result.append((text, item))
            } else {
                error("policy.invalid-type", "expected a string in '\(key)', found \(item.typeDescription)", at: item)
            }
        }
        return result
    }

    mutating func bool(_ node: PolicyNode, key: String) -> Bool? {
        if case .bool(let flag) = node.value { return flag }
        error("policy.invalid-type", "expected true or false for '\(key)', found \(node.typeDescription)", at: node)
        return nil
    }

    mutating func count(_ node: PolicyNode, key: String) -> Int? {
        if case .number(let written) = node.value, let value = Int(written), value >= 0 { return value }
        error("policy.invalid-type", "expected a whole number of zero or more for '\(key)', found \(node.typeDescription)", at: node)
        return nil
    }

    mutating func amount(_ node: PolicyNode, key: String) -> Double? {
        if case .number(let written) = node.value, let value = Double(written), value >= 0,
            value.isFinite
        {
            return value
        }
        error("policy.invalid-type", "expected a number of zero or more for '\(key)', found \(node.typeDescription)", at: node)
        return nil
    }

    mutating func error(_ code: String, _ message: String, at node: PolicyNode) {
        diagnostics.error(code, message, at: node.location)
    }

    mutating func warning(_ code: String, _ message: String, at node: PolicyNode) {
        diagnostics.warning(code, message, at: node.location)
    }

    /// `; did you mean 'x'` when one allowed word is within two edits of what was written.
    func suggestion(_ written: String, _ allowed: [String]) -> String {
        let lowered = written.lowercased()
        let best = allowed.map { ($0, Self.editDistance(lowered, $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= 2, best.1 < max(lowered.count, 1) else { return "" }
        return " (did you mean '\(best.0)'?)"
    }

    /// Levenshtein distance, bounded by the short words it is used on.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.prefix(64))
        let b = Array(b.unicodeScalars.prefix(64))
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
