import Foundation
import PedigreeDiagnostics
import PedigreeLicenses
import PedigreeModel

/// A small license catalog for tests: a handful of terms, aliases, and a strict expression reader.
///
/// Grammar of the reader: `or = and ("OR" and)*`, `and = with ("AND" with)*`,
/// `with = primary ["WITH" id]`, `primary = id ["+"] | "(" or ")"`.
struct TestCatalog: LicenseCatalog {
    var licenses: [String: LicenseTerms]
    var aliases: [String: String]
    var families: Set<String>
    var known: [String: KnownLicenseFact]

    init(
        _ terms: [LicenseTerms] = TestCatalog.standard, aliases: [String: String] = TestCatalog.standardAliases,
        known: [String: KnownLicenseFact] = [:]
    ) {
        var licenses: [String: LicenseTerms] = [:]
        for term in terms { licenses[term.id.uppercased()] = term }
        self.licenses = licenses
        var upper: [String: String] = [:]
        for (alias, id) in aliases { upper[alias.uppercased()] = id }
        self.aliases = upper
        families = ["BSD", "OPENRAIL", "GPL"]
        self.known = known
    }

    func terms(for id: String) -> LicenseTerms? { licenses[id.uppercased()] }

    func read(_ statement: LicenseStatement) -> LicenseReading {
        var operands: [LicenseExpression] = []
        var unknown: [String] = []
        var ambiguous = statement.isAmbiguousList
        for part in statement.parts {
            let raw = part.raw.trimmingCharacters(in: .whitespaces)
            if raw.isEmpty || raw.uppercased() == "NOASSERTION" || raw.uppercased() == "NONE" { continue }
            if families.contains(raw.uppercased()) {
                ambiguous = true
                operands.append(.id(raw))
                unknown.append(raw)
                continue
            }
            var parser = Parser(tokens: Self.tokens(raw), aliases: aliases)
            guard let expression = parser.parseOr(), parser.position == parser.tokens.count else { continue }
            operands.append(expression)
        }
        guard !operands.isEmpty else { return LicenseReading(expression: nil, isAmbiguous: ambiguous) }
        let expression = operands.count == 1 ? operands[0] : .and(operands)
        for id in expression.licenseIDs where terms(for: id) == nil && !unknown.contains(id) { unknown.append(id) }
        var reading = LicenseReading(expression: expression, isAmbiguous: ambiguous, unknownIDs: unknown)
        if statement.isAmbiguousList, operands.count > 1 { reading.listMeaning = .undefined }
        return reading
    }

    func knownLicense(purl: String?, name: String, version: String?) -> KnownLicenseFact? { known[name] }

    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == "(" || character == ")" {
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(character))
            } else if character.isWhitespace {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    struct Parser {
        var tokens: [String]
        var aliases: [String: String]
        var position = 0

        mutating func parseOr() -> LicenseExpression? {
            guard var operands = parseAnd().map({ [$0] }) else { return nil }
            while position < tokens.count, tokens[position] == "OR" {
                position += 1
                guard let next = parseAnd() else { return nil }
                operands.append(next)
            }
            return operands.count == 1 ? operands[0] : .or(operands)
        }

        mutating func parseAnd() -> LicenseExpression? {
            guard var operands = parseWith().map({ [$0] }) else { return nil }
            while position < tokens.count, tokens[position] == "AND" {
                position += 1
                guard let next = parseWith() else { return nil }
                operands.append(next)
            }
            return operands.count == 1 ? operands[0] : .and(operands)
        }

        mutating func parseWith() -> LicenseExpression? {
            guard position < tokens.count else { return nil }
            if tokens[position] == "(" {
                position += 1
                let inner = parseOr()
                guard position < tokens.count, tokens[position] == ")" else { return nil }
                position += 1
                return inner
            }
            var id = tokens[position]
            guard id != ")", id != "AND", id != "OR", id != "WITH" else { return nil }
            position += 1
            var orLater = false
            if id.hasSuffix("+") {
                id.removeLast()
                orLater = true
            }
            id = aliases[id.uppercased()] ?? id
            var exception: String?
            if position < tokens.count, tokens[position] == "WITH" {
                guard position + 1 < tokens.count else { return nil }
                exception = tokens[position + 1]
                position += 2
            }
            return .license(id: id, orLater: orLater, exception: exception)
        }
    }

    static let permissiveGPL = ["GPL-2.0", "GPL-3.0", "LGPL-2.1", "LGPL-3.0", "AGPL-3.0"]

    static let standard: [LicenseTerms] = [
        LicenseTerms(id: "MIT", name: "MIT License", attribution: .init(licenseCopy: true), gplCompatibility: permissiveGPL),
        LicenseTerms(
            id: "Apache-2.0", name: "Apache License 2.0", attribution: .init(licenseCopy: true, noticeFile: true),
            gplCompatibility: ["GPL-3.0", "LGPL-3.0", "AGPL-3.0"]),
        LicenseTerms(id: "GPL-2.0-only", name: "GPL 2.0 only", copyleft: .strong, attribution: .init(licenseCopy: true)),
        LicenseTerms(id: "GPL-2.0-or-later", name: "GPL 2.0 or later", copyleft: .strong, attribution: .init(licenseCopy: true)),
        LicenseTerms(id: "GPL-3.0-only", name: "GPL 3.0 only", copyleft: .strong, attribution: .init(licenseCopy: true)),
        LicenseTerms(id: "GPL-3.0-or-later", name: "GPL 3.0 or later", copyleft: .strong, attribution: .init(licenseCopy: true)),
        LicenseTerms(
            id: "LGPL-2.1-only", name: "LGPL 2.1", copyleft: .weakLibrary, attribution: .init(licenseCopy: true),
            gplCompatibility: ["GPL-2.0", "GPL-3.0"]),
        LicenseTerms(id: "AGPL-3.0-only", name: "AGPL 3.0", copyleft: .network, attribution: .init(licenseCopy: true)),
        LicenseTerms(
            id: "CC-BY-NC-4.0", name: "CC BY-NC 4.0", commercial: .forbidden,
            attribution: .init(notice: "CC BY-NC 4.0 attribution", licenseCopy: true)),
        LicenseTerms(
            id: "CC-BY-SA-4.0", name: "CC BY-SA 4.0", copyleft: .shareAlike, attribution: .init(licenseCopy: true),
            gplCompatibility: ["GPL-3.0"]),
        LicenseTerms(id: "CC-BY-ND-4.0", name: "CC BY-ND 4.0", derivativesAllowed: false, attribution: .init(licenseCopy: true)),
        LicenseTerms(id: "CC-BY-4.0", name: "CC BY 4.0", attribution: .init(licenseCopy: true)),
        LicenseTerms(
            id: "LicenseRef-llama-2", name: "Llama 2 Community License", commercial: .threshold,
            thresholds: [.init(metric: .monthlyActiveUsers, limit: 700_000_000, measuredAt: "2023-07-18")],
            outputUse: [.noImprovingOtherModels], useRestrictionsFlowDown: true,
            attribution: .init(notice: "Llama 2 is licensed under the LLAMA 2 Community License", licenseCopy: true)),
        LicenseTerms(
            id: "LicenseRef-llama-3.1", name: "Llama 3.1 Community License", commercial: .threshold,
            thresholds: [.init(metric: .monthlyActiveUsers, limit: 700_000_000, measuredAt: "2024-07-23")],
            derivativeIncludesOutputs: true, outputUse: [.namingRequired], useRestrictionsFlowDown: true,
            attribution: .init(
                notice: "Llama 3.1 is licensed under the Llama 3.1 Community License", display: "Built with Llama",
                namePrefix: "Llama", licenseCopy: true)),
        LicenseTerms(
            id: "LicenseRef-llama-3.2", name: "Llama 3.2 Community License", commercial: .threshold,
            thresholds: [.init(metric: .monthlyActiveUsers, limit: 700_000_000, measuredAt: "2024-09-25")],
            derivativeIncludesOutputs: true, outputUse: [.namingRequired], useRestrictionsFlowDown: true,
            attribution: .init(display: "Built with Llama", namePrefix: "Llama", licenseCopy: true),
            territory: [.init(regions: ["EU"], scope: "multimodal models", appliesTo: .multimodalModels)]),
        LicenseTerms(
            id: "LicenseRef-openrail-m", name: "BigScience OpenRAIL-M", derivativeIncludesOutputs: true,
            useRestrictionsFlowDown: true, hostingIsDistribution: true, attribution: .init(licenseCopy: true)),
        LicenseTerms(id: "LicenseRef-openai-tou", name: "OpenAI Terms of Use", outputUse: [.noCompetingModels]),
        LicenseTerms(
            id: "LicenseRef-qwen-research", name: "Qwen Research License", commercial: .forbidden,
            derivativeIncludesOutputs: true, outputUse: [.attributionRequired],
            attribution: .init(display: "Built with Qwen", licenseCopy: true)),
        LicenseTerms(
            id: "LicenseRef-qwen", name: "Qwen License", commercial: .threshold,
            thresholds: [.init(metric: .monthlyActiveUsers, limit: 100_000_000)], derivativeIncludesOutputs: true,
            outputUse: [.attributionRequired],
            attribution: .init(display: "Built with Qwen", licenseCopy: true, displayOwedBy: .derivativeModels)),
        LicenseTerms(
            id: "LicenseRef-mnpl", name: "Mistral AI Non-Production License", commercial: .forbidden,
            hostedServiceForbidden: true),
        LicenseTerms(id: "LicenseRef-registration", name: "Registration license", commercial: .registration),
    ]

    static let standardAliases: [String: String] = [
        "llama2": "LicenseRef-llama-2", "llama3.1": "LicenseRef-llama-3.1", "llama3.2": "LicenseRef-llama-3.2",
        "openrail": "LicenseRef-openrail-m",
    ]
}
