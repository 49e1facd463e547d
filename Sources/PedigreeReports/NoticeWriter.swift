import PedigreeEngine
import PedigreeLicenses
import PedigreeModel

/// Writes the NOTICE file of a release (`pedigree notice`): the attributions and notices the shipped
/// components' licenses require, the components and datasets with their licenses, the license texts
/// owed, the NOTICE files to pass on, the use restrictions recipients must follow, and the source
/// offer copyleft code needs — plain text, ready to ship next to the product.
///
/// A license that requires its text to accompany the work (MIT, BSD, Apache-2.0 ...) gets its full text,
/// from the texts the package ships (`LicenseFullTexts`, from ScanCode LicenseDB, credited at the end
/// whenever one is written); a component's copyright lines, as its inputs state them (SPDX
/// `copyrightText`, CycloneDX `copyright`), are listed with it, since those licenses require them too.
///
/// Decisions: only components that ship (not development, build or test ones) and not the product
/// itself are listed; the duties come from the engine's obligations (DOMAIN §8.4), so the file and
/// the audit agree. Everything is sorted, no date is written, and the same audit gives the same bytes.
/// Input text is kept as written, except that control and bidi characters are shown escaped, since a
/// NOTICE file is read in terminals and editors.
public struct NoticeWriter: ReportWriter {
    public var catalog: any LicenseCatalog
    public var texts: LicenseFullTexts

    public init(catalog: any LicenseCatalog, texts: LicenseFullTexts = .shared) {
        self.catalog = catalog
        self.texts = texts
    }

    public func write(_ report: AuditReport) -> String {
        let result = report.result
        let digest = ReportDigest(result)
        let product = clean(digest.productName)
        let productRefs = Set(result.components.filter(\.isProduct).map(\.ref))
        let shipped = result.components.filter { $0.ships && !$0.isProduct }
        func owers(_ obligation: Obligation, includingProduct: Bool = false) -> [String] {
            digest.labels(obligation.components.filter { includingProduct || !productRefs.contains($0) }).map(clean)
        }
        func obligations(_ kind: Obligation.Kind) -> [Obligation] { result.obligations.filter { $0.kind == kind } }

        var out = heading("Third-party notices for \(product)", "=") + "\n"
        out += wrap("This file lists the third-party components shipped with \(product), the notices and attributions their licenses require, the use restrictions passed on to you with them, and how to obtain source code their licenses require to be offered.") + "\n"

        // Attribution: display strings and notice texts.
        let displays = obligations(.display)
        let notices = obligations(.notice)
        if !displays.isEmpty || !notices.isEmpty {
            out += "\n" + heading("Attribution", "-")
            var blocks: [String] = []
            for obligation in displays {
                guard let text = obligation.text else { continue }
                blocks.append("\(clean(text))\n" + wrap("Displayed as the \(licenseName(obligation.license)) requires, for: \(owers(obligation, includingProduct: true).joined(separator: ", ")).", indent: "  ") + "\n")
            }
            for obligation in notices {
                guard let text = obligation.text else { continue }
                blocks.append("\(clean(text))\n" + wrap("Notice required by the \(licenseName(obligation.license)) for: \(owers(obligation, includingProduct: true).joined(separator: ", ")).", indent: "  ") + "\n")
            }
            out += blocks.joined(separator: "\n")
        }

        // Components, then datasets.
        let datasets = shipped.filter { $0.kind == .dataset }
        let others = shipped.filter { $0.kind != .dataset }
        if !others.isEmpty {
            out += "\n" + heading("Components", "-")
            out += others.sorted(by: componentOrder).map { entry($0, digest) }.joined(separator: "\n")
        }
        if !datasets.isEmpty {
            out += "\n" + heading("Dataset credits", "-")
            out += wrap("Models in this product were trained on, or ship with, the following datasets:") + "\n\n"
            out += datasets.sorted(by: componentOrder).map { entry($0, digest) }.joined(separator: "\n")
        }

        // License texts owed.
        let copies = obligations(.licenseCopy).filter { !owers($0).isEmpty }
        if !copies.isEmpty {
            out += "\n" + heading("License texts", "-")
            out += wrap("The following licenses require a copy of their text to accompany this product. Their full texts follow at the end of this file; a license whose text Pedigree does not ship links to it, and that text must be included with this file.") + "\n\n"
            out += copies.sorted(by: { $0.license < $1.license }).map { obligation in
                var text = "\(clean(obligation.license)) (\(licenseName(obligation.license)))\n"
                if fullTexts(obligation.license).isEmpty, let source = licenseSource(obligation.license) { text += "  Text: \(source)\n" }
                return text + wrap("Applies to: " + owers(obligation).joined(separator: ", "), indent: "  ") + "\n"
            }.joined(separator: "\n")
        }

        // NOTICE files to pass on.
        let noticeFiles = obligations(.noticeFile).filter { !owers($0).isEmpty }
        if !noticeFiles.isEmpty {
            out += "\n" + heading("NOTICE files", "-")
            out += wrap("The following components come with a NOTICE file that their license requires to be passed on (Apache-2.0 section 4(d) and licenses like it). Reproduce the contents of each component's NOTICE file with this product:") + "\n\n"
            for obligation in noticeFiles.sorted(by: { $0.license < $1.license }) {
                for name in owers(obligation) { out += "- \(name) (\(clean(obligation.license)))\n" }
            }
        }

        // Use restrictions.
        let restrictions = obligations(.useRestrictions)
        if !restrictions.isEmpty {
            out += "\n" + heading("Use restrictions", "-")
            out += wrap("The following components are provided under licenses with use restrictions. You must comply with them, and anyone you distribute these components or their derivatives to must receive them as enforceable terms:") + "\n\n"
            out += restrictions.sorted(by: { $0.license < $1.license }).map { obligation in
                var text = "\(licenseName(obligation.license)) (\(clean(obligation.license)))\n"
                for source in licenseSources(obligation.license) { text += "  Terms: \(source)\n" }
                return text + wrap("Applies to: " + owers(obligation, includingProduct: true).joined(separator: ", "), indent: "  ") + "\n"
            }.joined(separator: "\n")
        }

        // Source offer.
        let offers = obligations(.sourceOffer).filter { !owers($0).isEmpty }
        if !offers.isEmpty {
            out += "\n" + heading("Source code offer", "-")
            let network = offers.contains { catalogTerms($0.license)?.copyleft == .network }
            out += wrap("The following components are licensed under copyleft licenses. Their complete corresponding source code, including any modifications made for \(product), is available on request from the distributor of \(product), for at least three years after you received it and for as long as spare parts or support for the product are offered, at no more than the cost of providing it.\(network ? " For components under a network copyleft license, this offer extends to everyone who interacts with them over a network." : "")") + "\n\n"
            for obligation in offers.sorted(by: { $0.license < $1.license }) {
                for name in owers(obligation) { out += "- \(name) (\(clean(obligation.license)))\n" }
            }
        }
        return out + fullTextsSection(copies)
    }

    /// The full text of every license owed as a copy that the package ships, then the data's credit.
    func fullTextsSection(_ copies: [Obligation]) -> String {
        var written = Set<String>()
        var blocks: [String] = []
        for obligation in copies.sorted(by: { $0.license < $1.license }) {
            for (id, text) in fullTexts(obligation.license) where written.insert(id).inserted {
                let title = "\(clean(id)): \(licenseName(id))"
                blocks.append(title + "\n" + String(repeating: "~", count: title.count) + "\n\n" + reflowed(text))
            }
        }
        guard !blocks.isEmpty else { return "" }
        return "\n" + heading("Full license texts", "-") + "\n" + blocks.joined(separator: "\n")
            + "\n" + String(repeating: "-", count: 20) + "\n" + wrap(texts.credit) + "\n"
    }

    /// A license text with lines longer than 100 columns wrapped at spaces (the matching guidelines treat
    /// whitespace as insignificant, so the text stays the license's); shorter lines are kept as they are.
    func reflowed(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.count <= 100 ? String(line) : wrap(String(line))
        }.joined(separator: "\n")
    }

    /// The bundled texts of each license in an obligation's key (`MIT`, `Apache-2.0 AND MIT`, `GPL-2.0-only WITH …`).
    func fullTexts(_ key: String) -> [(id: String, text: String)] {
        Self.split(key, " AND ").compactMap { part in
            var id = Self.split(part, " WITH ").first ?? part
            if id.hasSuffix("+") { id.removeLast() }
            return texts.text(for: id).map { (id, $0) }
        }
    }

    // MARK: Parts

    func entry(_ component: AuditedComponent, _ digest: ReportDigest) -> String {
        var out = clean(digest.label(component.ref)) + "\n"
        out += "  License: " + clean(component.license.map { "\($0) (\(licenseName($0)))" } ?? "unknown")
        if let choice = digest.choices[component.ref] { out += ", chosen from " + clean(choice.expression) }
        out += "\n"
        if component.license == nil, let declared = component.declaredLicense { out += "  Stated as: \(clean(declared))\n" }
        if let purl = component.purl { out += "  Package: \(clean(purl))\n" }
        for line in (component.copyright ?? "").split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
            let stated = clean(line.drop { $0 == " " }.description)
            out += "  " + (Self.isCopyrightLine(stated) ? stated : "Copyright: " + stated) + "\n"
        }
        return out
    }

    /// Whether a stated line already says it is a copyright notice (`Copyright 2024 …`, `(c) …`, `© …`).
    static func isCopyrightLine(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("copyright") || lower.hasPrefix("(c)") || lower.hasPrefix("©")
    }

    func catalogTerms(_ key: String) -> LicenseTerms? {
        var id = Self.split(key, " WITH ").first ?? ""
        if id.hasSuffix("+") { id.removeLast() }
        return catalog.terms(for: id)
    }

    /// The license's full name, or its id when the catalog does not know it.
    func licenseName(_ key: String) -> String {
        Self.split(key, " AND ").map { part in catalogTerms(part).map { clean($0.name) } ?? clean(part) }.joined(separator: " and ")
    }

    /// Where the license's text can be read: its SPDX page, else its own first source.
    func licenseSource(_ key: String) -> String? {
        LicenseTextLink(catalog: catalog).url(for: Self.split(key, " WITH ").first ?? key)
    }

    /// The license's own sources (its text, its use policy), leaving out catalogues that only describe it.
    func licenseSources(_ key: String) -> [String] {
        LicenseTextLink(catalog: catalog).sources(Self.split(key, " WITH ").first ?? key)
    }

    /// The text split at each occurrence of a separator (no Foundation in this module).
    static func split(_ text: String, _ separator: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let pattern = Array(separator.unicodeScalars)
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var position = 0
        while position < scalars.count {
            if position + pattern.count <= scalars.count, Array(scalars[position..<position + pattern.count]) == pattern {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                position += pattern.count
            } else {
                current.append(scalars[position])
                position += 1
            }
        }
        parts.append(String(current))
        return parts
    }

    func componentOrder(_ l: AuditedComponent, _ r: AuditedComponent) -> Bool {
        let left = (l.name.lowercased(), l.version ?? "", l.ref.rawValue)
        let right = (r.name.lowercased(), r.version ?? "", r.ref.rawValue)
        return left < right
    }

    func heading(_ text: String, _ rule: Character) -> String {
        text + "\n" + String(repeating: rule, count: text.count) + "\n"
    }

    /// Controls and bidi characters shown escaped; line breaks become spaces.
    func clean(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out += " "
            } else if HTMLText.isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Wraps prose at 100 columns (words longer than a line stay whole).
    func wrap(_ text: String, indent: String = "", width: Int = 100) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.count > indent.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        if line.count > indent.count { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
