import Foundation
import PedigreeCore
import SafeJSON

/// Identifies every ScanCode LicenseDB text as a user's file would differ from it — reflowed to 60
/// columns, as Markdown (a heading and bold first paragraph), and with a copyright line added — and
/// counts how many license statements of the real AI supply chains in `realworld-ai/` resolve to terms.
///
/// A variant counts as identified when it names the text's own id or a license whose normalised text
/// is the same (ScanCode keeps some texts under two keys). Informational: prints rates, never fails.
struct LicenseTextCheck: ConformanceCheck {
    let title = "license texts: ScanCode LicenseDB variants identified, realworld-ai statements resolved"

    func run(corpus: String) -> Bool {
        identifyScanCodeTexts(corpus: corpus)
        resolveRealWorldStatements(corpus: corpus)
        return true
    }

    private func identifyScanCodeTexts(corpus: String) {
        let folder = corpus + "/license-data/aboutcode-org__scancode-licensedb/"
        guard let identifier = try? LicenseTextIdentifier.shared.get(),
            let bytes = try? SafeFile.read(folder + "index.json"),
            let entries = (try? JSONParser.parse(bytes, file: "index.json"))?.array
        else { return print("  skipped: ScanCode LicenseDB or the bundled index not found") }
        var sameText: [String: UInt64] = [:]
        for entry in identifier.index.entries { sameText[entry.id] = entry.normalizedHash }
        let variants: [(name: String, make: (String) -> String)] = [
            ("reflowed", Self.reflowed), ("as Markdown", Self.markdown), ("with a copyright line", Self.withCopyright),
        ]
        var identified = [Int](repeating: 0, count: variants.count)
        var misses = [[String]](repeating: [], count: variants.count)
        var total = 0
        for entry in entries {
            guard let key = entry["license_key"]?.string, let file = entry["license"]?.string,
                let raw = try? LicenseTextFile.read(folder + "licenses/" + file)
            else { continue }
            let text = Self.withoutFrontMatter(raw)
            guard text.contains(where: \.isLetter), text != "There is no text available for this license." else { continue }
            let expected = entry["spdx_license_key"]?.string ?? "LicenseRef-scancode-" + key
            total += 1
            for (number, variant) in variants.enumerated() {
                let found = identifier.identify(variant.make(text)).license
                if let found, found == expected || (sameText[found] != nil && sameText[found] == sameText[expected]) {
                    identified[number] += 1
                } else {
                    misses[number].append(key)
                }
            }
        }
        for (number, variant) in variants.enumerated() {
            let rate = total == 0 ? 0 : Double(identified[number]) * 100 / Double(total)
            print("  \(variant.name): \(identified[number]) of \(total) identified (\(Self.percent(rate)))"
                + (misses[number].isEmpty ? "" : "; missed e.g. \(misses[number].prefix(5).joined(separator: ", "))"))
        }
    }

    private func resolveRealWorldStatements(corpus: String) {
        let root = corpus + "/realworld-ai"
        var diagnostics = DiagnosticCollector()
        let folders = Set(SafeFile.regularFiles(under: root, diagnostics: &diagnostics).compactMap { path -> String? in
            let relative = path.dropFirst(root.count + 1)
            guard let slash = relative.firstIndex(of: "/") else { return nil }
            return root + "/" + relative[..<slash]
        }).sorted()
        var statements = 0
        var resolved = 0
        var unresolved: [String] = []
        for folder in folders {
            var context = ProductContext()
            context.commercial = true
            context.distribution = [.saas]
            let run = Pipeline.audit(AuditRequest(inputs: [folder], context: context))
            let unknown = Set(run.result.findings.filter { $0.rule == .unknownLicense }.map(\.component))
            for component in run.result.components where !component.isProduct
                && (component.declaredLicense != nil || component.concludedLicense != nil)
            {
                statements += 1
                if unknown.contains(component.ref) {
                    unresolved.append("\(component.ref) '\(component.concludedLicense ?? component.declaredLicense ?? "")'")
                } else {
                    resolved += 1
                }
            }
        }
        let rate = statements == 0 ? 0 : Double(resolved) * 100 / Double(statements)
        print("  realworld-ai: \(resolved) of \(statements) license statements resolve to terms (\(Self.percent(rate)))")
        for line in unresolved.prefix(20) { print("    unresolved: \(line)") }
    }

    static func withoutFrontMatter(_ raw: String) -> String {
        guard raw.hasPrefix("---\n"), let end = raw.range(of: "\n---\n", range: raw.index(raw.startIndex, offsetBy: 4)..<raw.endIndex)
        else { return raw }
        return String(raw[end.upperBound...])
    }

    static func reflowed(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty && line.count + word.count > 60 {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    static func markdown(_ text: String) -> String {
        var paragraphs = text.components(separatedBy: "\n\n")
        if let first = paragraphs.first { paragraphs[0] = "**" + first + "**" }
        return "# License\n\n" + paragraphs.joined(separator: "\n\n")
    }

    static func withCopyright(_ text: String) -> String { "Copyright (c) 2024 Example Corp.\n\n" + text }

    static func percent(_ value: Double) -> String { "\((value * 10).rounded() / 10)%" }
}
