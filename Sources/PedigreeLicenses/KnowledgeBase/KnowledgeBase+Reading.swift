import PedigreeDiagnostics
import PedigreeModel

extension KnowledgeBase {
    /// Reads a component's license statement: each part strictly as SPDX, else leniently with warnings.
    ///
    /// How parts combine:
    /// - A part that states nothing (empty, `NOASSERTION`, `NONE`, Hugging Face `other`/`unknown`) is
    ///   dropped when another part says something: HF `license: other` is replaced by what
    ///   `license_name` and `license_link` resolve to. A link that names no known license (a repository's
    ///   own LICENSE file) is dropped the same way, with its warning kept.
    /// - The remaining parts are read as AND, equal expressions once. A format list of undefined meaning
    ///   (`isAmbiguousList`, a CycloneDX license list) is ambiguous and warned about once; parts of one
    ///   statement (an id, name and link) that name different licenses are warned about too.
    /// - Any part that cannot be read, or names a family, makes the whole reading unknown (no expression):
    ///   unknown is never read as permissive.
    /// - Deprecated SPDX ids become their replacement (`GPL-2.0` -> `GPL-2.0-only`), with a warning.
    /// `unknownIDs` lists the ids the knowledge base has no terms for.
    public func read(_ statement: LicenseStatement) -> LicenseReading {
        read(statement, limits: .default)
    }

    public func read(_ statement: LicenseStatement, limits: InputLimits) -> LicenseReading {
        var diagnostics: [Diagnostic] = []
        if statement.parts.count > Self.maxLicenseListParts {
            diagnostics.append(.warning(
                "license.list-too-long",
                "the license list has \(statement.parts.count) entries, more than the limit of \(Self.maxLicenseListParts); its licenses are unknown",
                at: statement.location))
            return LicenseReading(expression: nil, diagnostics: diagnostics)
        }
        var results: [(part: LicenseText, result: LenientLicenseReader.Result)] = []
        for part in statement.parts {
            let reader = LenientLicenseReader(knowledge: self, limits: limits, location: part.location)
            results.append((part, reader.read(part.raw, form: part.form)))
        }
        var isAmbiguous = results.contains { $0.result.isAmbiguous }
        let stated = results.filter { !$0.result.isPlaceholder }
        let usable = stated.filter { !$0.result.isUnresolvedURL }
        diagnostics += Self.summarisingUnknownIDs(results.flatMap(\.result.diagnostics))

        if stated.isEmpty {
            if let other = results.first(where: { LicenseNameKey.trimmed($0.part.raw).lowercased() == "other" }) {
                diagnostics.append(.warning(
                    "license.unrecognised",
                    "license 'other' comes without a license name or link that Pedigree can read",
                    at: other.part.location))
            }
            return LicenseReading(expression: nil, diagnostics: diagnostics, isAmbiguous: isAmbiguous)
        }
        let parts = usable.isEmpty ? stated : usable
        guard parts.allSatisfy({ $0.result.expression != nil }) else {
            return LicenseReading(expression: nil, diagnostics: diagnostics, isAmbiguous: isAmbiguous)
        }
        var expressions: [LicenseExpression] = []
        var seen: Set<LicenseExpression> = []
        for entry in parts {
            guard let expression = entry.result.expression else { continue }
            let replaced = replacingDeprecatedIDs(expression, location: entry.part.location, diagnostics: &diagnostics)
            if seen.insert(replaced).inserted { expressions.append(replaced) }
        }
        var listMeaning: LicenseReading.ListMeaning?
        if expressions.count > 1 {
            if statement.isAmbiguousList {
                // Reported once, by the engine's ambiguous-license finding, when the list is read as AND.
                listMeaning = Self.listMeansChoice(statement.list) ? .choice : .undefined
                if listMeaning == .undefined { isAmbiguous = true }
            } else {
                diagnostics.append(.warning(
                    "license.ambiguous",
                    "the parts of one license statement name different licenses: \(expressions.map { "'\($0)'" }.joined(separator: ", ")); read as AND",
                    at: statement.location))
                isAmbiguous = true
            }
        }
        let expression: LicenseExpression =
            if expressions.count == 1 { expressions[0] }
            else if listMeaning == .choice { .or(Self.flattened(expressions, or: true)) }
            else { .and(Self.flattened(expressions, or: false)) }
        var reading = LicenseReading(
            expression: expression, diagnostics: diagnostics, isAmbiguous: isAmbiguous,
            unknownIDs: unknownIDs(in: expression))
        reading.listMeaning = listMeaning
        return reading
    }

    /// Package types whose license lists offer a choice (DOMAIN §5): Maven's POM reference says a user
    /// "can select any of them, not that they must accept all"; npm's legacy `licenses` array and PyPI's
    /// `License ::` classifiers are read the same way.
    static let choiceListPackageTypes: Set<String> = ["maven", "npm", "pypi"]

    /// Whether a list means OR: a POM, npm or PyPI list, or a list on a Maven, npm or PyPI package.
    ///
    /// Decision: a CycloneDX `licenses[]` on a `pkg:npm` or `pkg:pypi` component is taken to come from the
    /// legacy array or the classifiers (the only places those ecosystems list licenses), so it is OR too.
    static func listMeansChoice(_ evidence: LicenseListEvidence?) -> Bool {
        guard let evidence else { return false }
        switch evidence.origin {
        case .mavenPOM, .npmLicenses, .pypiClassifiers: return true
        case .cycloneDXLicenses, .huggingFaceCard, .ggufMetadata:
            return evidence.packageType.map(choiceListPackageTypes.contains) ?? false
        }
    }

    private static func flattened(_ expressions: [LicenseExpression], or: Bool) -> [LicenseExpression] {
        expressions.flatMap { expression -> [LicenseExpression] in
            switch expression {
            case .or(let operands) where or: operands
            case .and(let operands) where !or: operands
            default: [expression]
            }
        }
    }

    /// Licenses one statement may list (a card's `license:` list, CycloneDX `licenses[]`), like the
    /// expression size bound of HARDENING.md: real lists have a handful of entries.
    public static let maxLicenseListParts = 256

    /// Unknown-id warnings beyond the first few become one warning that counts them, so that a long list
    /// of unknown ids adds a line to a report, not a line per id. The ids stay in the expression.
    static func summarisingUnknownIDs(_ diagnostics: [Diagnostic], shown: Int = 8) -> [Diagnostic] {
        let total = diagnostics.count { $0.code == "license.unknown-id" }
        guard total > shown else { return diagnostics }
        var result: [Diagnostic] = []
        var seen = 0
        for diagnostic in diagnostics {
            guard diagnostic.code == "license.unknown-id" else {
                result.append(diagnostic)
                continue
            }
            seen += 1
            if seen <= shown { result.append(diagnostic) }
            if seen == shown + 1 {
                result.append(.warning(
                    "license.unknown-id",
                    "\(total - shown) more ids of this statement are neither SPDX license ids nor licenses Pedigree knows",
                    at: diagnostic.location))
            }
        }
        return result
    }

    /// Reads one license text (an expression by default).
    public func read(_ text: String, form: LicenseText.Form = .expression, location: SourceLocation? = nil)
        -> LicenseReading
    {
        read(LicenseStatement(LicenseText(text, form: form, location: location)))
    }

    /// The ids of an expression that have no terms here, each once, in order.
    public func unknownIDs(in expression: LicenseExpression) -> [String] {
        var seen = Set<String>()
        return expression.licenseIDs.filter { terms(for: $0) == nil && seen.insert($0).inserted }
    }

    /// Replaces deprecated SPDX ids by the entry that lists them as an alias (`GPL-2.0+` -> `GPL-2.0-or-later`).
    public func replacingDeprecatedIDs(
        _ expression: LicenseExpression, location: SourceLocation?, diagnostics: inout [Diagnostic]
    ) -> LicenseExpression {
        switch expression {
        case .license(let id, let orLater, let exception):
            guard spdxLicense(id)?.isDeprecated == true, entry(for: id) == nil,
                case .license(var replacement) = aliases.resolve(name: orLater && !id.hasSuffix("-or-later") ? id + "+" : id)
            else { return expression }
            if orLater { replacement = orLaterID(for: replacement) }
            let result = LicenseExpression.license(
                id: replacement, orLater: orLater || replacement.hasSuffix("-or-later"), exception: exception)
            diagnostics.append(.warning(
                "license.rewritten", "read deprecated SPDX id '\(LicenseExpression.license(id: id, orLater: orLater, exception: exception))' as '\(result)'",
                at: location))
            return result
        case .and(let operands):
            return .and(operands.map { replacingDeprecatedIDs($0, location: location, diagnostics: &diagnostics) })
        case .or(let operands):
            return .or(operands.map { replacingDeprecatedIDs($0, location: location, diagnostics: &diagnostics) })
        }
    }
}
