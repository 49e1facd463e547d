import PedigreeDiagnostics
import PedigreeModel
import SafeJSON

/// Writes SPDX 3 license elements as SPDX license expression text.
///
/// A license is the `to` of a `hasDeclaredLicense`/`hasConcludedLicense` relationship (SPDX 3.0.1
/// `SimpleLicensing` and `ExpandedLicensing` profiles): an IRI of the SPDX License List
/// (`https://spdx.org/licenses/MIT`), an individual (`…/ExpandedLicensing/NoAssertionLicense`,
/// `…/NoneLicense`), or an element:
///
///     license  = simplelicensing_LicenseExpression        → its simplelicensing_licenseExpression
///              | expandedlicensing_ListedLicense           → the id in its IRI
///              | expandedlicensing_CustomLicense           → LicenseRef-… (name and text recorded)
///              | simplelicensing_SimpleLicensingText       → LicenseRef-… (text recorded; real AI-BOMs
///                                                            name a license by its text this way)
///              | expandedlicensing_OrLaterOperator         → subjectLicense "+"
///              | expandedlicensing_WithAdditionOperator    → subjectExtendableLicense "WITH" subjectAddition
///              | expandedlicensing_ConjunctiveLicenseSet   → member { "AND" member }
///              | expandedlicensing_DisjunctiveLicenseSet   → member { "OR" member }
///
/// Compound members are parenthesised. Nesting is bounded, and an element that refers back to itself
/// stops the walk instead of looping.
struct SPDX3LicenseExpression {
    static let maxDepth = 64

    let file: String
    let elements: [String: JSONValue]
    /// Custom licenses met on the way, by the `LicenseRef-` id the text uses.
    private(set) var extractedLicenses: [String: ExtractedLicense] = [:]
    private(set) var diagnostics = DiagnosticCollector()

    init(file: String, elements: [String: JSONValue]) {
        self.file = file
        self.elements = elements
    }

    /// The expression text of a relationship's `to` entry (an IRI or an inline element), with the
    /// location of the text it came from.
    mutating func text(of value: JSONValue) -> (text: String, location: SourceLocation)? {
        var visiting: Set<String> = []
        return text(of: value, depth: 0, visiting: &visiting)
    }

    private mutating func text(
        of value: JSONValue, depth: Int, visiting: inout Set<String>
    ) -> (text: String, location: SourceLocation)? {
        guard depth <= Self.maxDepth else {
            diagnostics.warning(
                "spdx.license-too-deep", "license nesting deeper than \(Self.maxDepth) levels is not read",
                at: value.location(in: file))
            return nil
        }
        if let iri = value.string {
            if let element = elements[iri], visiting.insert(iri).inserted {
                defer { visiting.remove(iri) }
                // The reference's own position, not the shared element's: each component's
                // diagnostic then points at its own relationship.
                if let text = elementText(element, id: iri, depth: depth + 1, visiting: &visiting) {
                    return (text.text, value.location(in: file))
                }
            }
            return (Self.licenseID(iri: iri), value.location(in: file))
        }
        if value.object != nil {
            let id = value["spdxId"]?.string ?? value["@id"]?.string ?? ""
            // An embedded element is read as indexed: canonical, and merged over its copies.
            let element = elements[id] ?? SPDX3Terms.canonical(value)
            if let text = elementText(element, id: id, depth: depth + 1, visiting: &visiting) {
                return (text.text, text.location ?? value.location(in: file))
            }
        }
        return nil
    }

    private mutating func elementText(
        _ element: JSONValue, id: String, depth: Int, visiting: inout Set<String>
    ) -> (text: String, location: SourceLocation?)? {
        let type = SPDX3GraphBuilder.typeName(element)
        switch type {
        case "simplelicensing_LicenseExpression":
            guard let expression = element["simplelicensing_licenseExpression"] else { return nil }
            guard let text = expression.string else { return nil }
            return (text, expression.location(in: file))
        case "expandedlicensing_ListedLicense", "expandedlicensing_License":
            return (Self.licenseID(iri: id), nil)
        case "expandedlicensing_CustomLicense", "expandedlicensing_CustomLicenseAddition",
            "simplelicensing_SimpleLicensingText":
            let licenseID = Self.customID(id)
            if extractedLicenses[licenseID] == nil {
                extractedLicenses[licenseID] = ExtractedLicense(
                    id: licenseID, name: element["name"]?.string, text: element["simplelicensing_licenseText"]?.string,
                    seeAlso: element["expandedlicensing_seeAlso"]?.array?.compactMap(\.string) ?? [],
                    location: element.location(in: file))
            }
            return (licenseID, nil)
        case "expandedlicensing_OrLaterOperator":
            guard let subject = element["expandedlicensing_subjectLicense"],
                let text = text(of: subject, depth: depth, visiting: &visiting)
            else { return nil }
            return (text.text.hasSuffix("+") ? text.text : text.text + "+", nil)
        case "expandedlicensing_WithAdditionOperator":
            guard let subject = element["expandedlicensing_subjectExtendableLicense"],
                let base = text(of: subject, depth: depth, visiting: &visiting)
            else { return nil }
            guard let addition = element["expandedlicensing_subjectAddition"],
                let exception = text(of: addition, depth: depth, visiting: &visiting)
            else { return (base.text, nil) }
            return ("\(Self.parenthesized(base.text)) WITH \(exception.text)", nil)
        case "expandedlicensing_ConjunctiveLicenseSet", "expandedlicensing_DisjunctiveLicenseSet":
            let separator = type == "expandedlicensing_ConjunctiveLicenseSet" ? " AND " : " OR "
            let members = (element["expandedlicensing_member"]?.array ?? []).compactMap {
                text(of: $0, depth: depth, visiting: &visiting)
            }
            guard !members.isEmpty else { return nil }
            return (members.map { Self.parenthesized($0.text) }.joined(separator: separator), nil)
        case "expandedlicensing_ListedLicenseException":
            return (Self.licenseID(iri: id), nil)
        default:
            if let expression = element["simplelicensing_licenseExpression"]?.string {
                return (expression, element["simplelicensing_licenseExpression"]?.location(in: file))
            }
            return nil
        }
    }

    /// `https://spdx.org/licenses/MIT` → `MIT`; the NoAssertion and None individuals →
    /// `NOASSERTION`, `NONE`; `…#LicenseRef-x` → `LicenseRef-x`; anything else is kept as written.
    static func licenseID(iri: String) -> String {
        for prefix in ["https://spdx.org/licenses/", "http://spdx.org/licenses/"] where iri.hasPrefix(prefix) {
            var id = Substring(iri.dropFirst(prefix.count))
            for suffix in [".html", ".json"] where id.hasSuffix(suffix) { id = id.dropLast(suffix.count) }
            return String(id)
        }
        let term = SPDX3RelationshipType.term(iri)
        if iri.contains("spdx.org/rdf/3") {
            if term == "NoAssertionLicense" { return "NOASSERTION" }
            if term == "NoneLicense" { return "NONE" }
        }
        if let hash = iri.lastIndex(of: "#") {
            let fragment = iri[iri.index(after: hash)...]
            if fragment.hasPrefix("LicenseRef-") || fragment.hasPrefix("AdditionRef-") { return String(fragment) }
        }
        return iri
    }

    /// A custom license's id as expressions write it: its IRI's `LicenseRef-…` fragment, else
    /// `LicenseRef-` and the IRI's last segment with characters an id may not hold replaced.
    static func customID(_ iri: String) -> String {
        let listed = licenseID(iri: iri)
        if listed.hasPrefix("LicenseRef-") || listed.hasPrefix("AdditionRef-") { return listed }
        var segment = Substring(iri)
        if let hash = segment.lastIndex(of: "#") { segment = segment[segment.index(after: hash)...] }
        if let slash = segment.lastIndex(of: "/") { segment = segment[segment.index(after: slash)...] }
        let cleaned = String(segment.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "-" })
        return "LicenseRef-" + (cleaned.isEmpty ? "custom" : cleaned)
    }

    static func parenthesized(_ text: String) -> String { SPDXExpressionText.parenthesized(text) }
}
