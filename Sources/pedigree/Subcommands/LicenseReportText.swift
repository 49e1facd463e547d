import PedigreeCore

/// The text `pedigree licenses` prints, as lines of at most `width` columns; input text is escaped for
/// the terminal.
enum LicenseReportText {
    static let width = 100
    private static let labelWidth = 28

    // MARK: --check

    struct CheckResult {
        var isValid: Bool
        var output: [String]
        var errors: [String]
    }

    static func check(_ expression: String, knowledge: KnowledgeBase) -> CheckResult {
        do {
            let parsed = try LicenseExpressionParser(ids: knowledge).parse(expression)
            var notes: [String] = []
            for id in Set(parsed.licenseIDs).sorted() where knowledge.spdxLicense(id)?.isDeprecated == true {
                var replacement = ""
                if case .license(let newID) = knowledge.resolve(name: id) { replacement = "; use '\(newID)'" }
                notes.append("note: '\(id)' is deprecated on the SPDX License List\(replacement)")
            }
            return CheckResult(isValid: true, output: [parsed.description], errors: notes)
        } catch {
            return CheckResult(
                isValid: false, output: [],
                errors: ["pedigree licenses: error: [\(error.code)] \(TerminalText.escape(error.description))"]
                    + caret(under: expression, offset: error.offset, length: error.length))
        }
    }

    /// The expression (escaped, cut to fit) and a line with `^` under the bad token.
    static func caret(under text: String, offset: Int, length: Int) -> [String] {
        let bytes = Array(text.utf8)
        let start = min(offset, bytes.count)
        let end = min(bytes.count, start + length)
        var before = TerminalText.escape(String(decoding: bytes[..<start], as: UTF8.self))
        let token = TerminalText.escape(String(decoding: bytes[start..<end], as: UTF8.self))
        var after = TerminalText.escape(String(decoding: bytes[end...], as: UTF8.self))
        let room = width - 4
        if before.count > room / 2 {
            before = "…" + before.suffix(room / 2 - 1)
        }
        let markLength = max(1, min(token.count, room - before.count))
        if before.count + token.count + after.count > room {
            after = String(after.prefix(max(0, room - before.count - token.count - 1))) + "…"
        }
        return ["  " + before + token + after, "  " + String(repeating: " ", count: before.count) + String(repeating: "^", count: markLength)]
    }

    // MARK: listing

    static func list(knowledge: KnowledgeBase) -> [String] {
        var lines = [
            "\(knowledge.entries.count) licenses with terms; SPDX License List \(knowledge.spdxLicenseListVersion): "
                + "\(knowledge.spdxLicenses.count) licenses, \(knowledge.spdxExceptions.count) exceptions",
            "",
        ]
        let idWidth = min(40, (knowledge.entries.map(\.id.count).max() ?? 10) + 2)
        let curated = knowledge.entries.filter { !knowledge.generatedLicenseIDs.contains($0.id) }
        let groups: [(String, [LicenseEntry])] = [
            ("Software, data and content licenses", curated.filter { !knowledge.modelLicenseIDs.contains($0.id) }),
            ("AI model licenses and terms", curated.filter { knowledge.modelLicenseIDs.contains($0.id) }),
        ]
        for (title, entries) in groups where !entries.isEmpty {
            lines.append("\(title) (\(entries.count)):")
            for entry in entries {
                let id = entry.id.count >= idWidth ? entry.id + " " : entry.id.padding(to: idWidth)
                let line = "  " + id + entry.category.rawValue.padding(to: 18) + entry.name
                lines.append(fit(line))
            }
            lines.append("")
        }
        lines += generatedSummary(knowledge: knowledge)
        lines.append("Run 'pedigree licenses ID' for the facts of one license and their sources.")
        return lines
    }

    /// The licenses decided by rule (SPDX list, ScanCode LicenseDB), counted per category: too many to list.
    static func generatedSummary(knowledge: KnowledgeBase) -> [String] {
        let generated = knowledge.entries.filter { knowledge.generatedLicenseIDs.contains($0.id) }
        guard !generated.isEmpty else { return [] }
        var counts: [LicenseCategory: Int] = [:]
        for entry in generated { counts[entry.category, default: 0] += 1 }
        var lines = ["Other licenses of the SPDX list and ScanCode LicenseDB, decided by rule (\(generated.count)):"]
        for category in LicenseCategory.allCases where counts[category] != nil {
            lines.append("  " + category.rawValue.padding(to: 18) + String(counts[category] ?? 0))
        }
        lines.append("")
        return lines
    }

    // MARK: one query

    struct Description {
        var found: Bool
        var lines: [String]
    }

    static func describe(query: String, knowledge: KnowledgeBase) -> Description {
        let purl = query.lowercased().hasPrefix("pkg:") ? query : nil
        let components = knowledge.knownComponents(purl: purl, name: query, version: nil)
        if !components.isEmpty { return describe(component: query, known: components, knowledge: knowledge) }
        let reading = knowledge.read(query)
        var lines: [String] = []
        let shown = TerminalText.escape(query)
        for diagnostic in reading.diagnostics {
            lines += wrap("\(diagnostic.severity.rawValue): [\(diagnostic.code)] \(TerminalText.escape(diagnostic.message))", indent: "")
            for note in diagnostic.notes { lines += wrap("  \(TerminalText.escape(note))", indent: "    ") }
        }
        guard let expression = reading.expression else {
            if reading.isAmbiguous {
                let candidates = reading.diagnostics.first { $0.code == "license.ambiguous" }.map { _ in
                    ambiguousCandidates(query, knowledge: knowledge)
                } ?? []
                if !candidates.isEmpty {
                    lines.append("")
                    lines.append("Candidates:")
                    for id in candidates { lines.append(fit("  " + summary(id, knowledge: knowledge))) }
                }
                return Description(found: true, lines: lines)
            }
            if reading.diagnostics.isEmpty {
                lines.append("'\(shown)' states no license (NOASSERTION, NONE or empty): Pedigree treats it as unknown")
            }
            return Description(found: false, lines: lines)
        }
        if expression.description != query {
            if !lines.isEmpty { lines.append("") }
            lines += wrap("Read as: \(TerminalText.escape(expression.description))", indent: "  ")
        }
        var seen = Set<String>()
        for id in expression.licenseIDs where seen.insert(id).inserted {
            lines.append("")
            lines += details(id, knowledge: knowledge)
        }
        if case .license(_, _, let exception?) = expression, let spdx = knowledge.spdxException(exception) {
            lines.append("")
            lines += wrap("\(spdx.id) — \(spdx.name): an SPDX license exception\(spdx.isDeprecated ? " (deprecated)" : "")", indent: "  ")
            lines.append(fit("  " + "source".padding(to: labelWidth) + spdx.referenceURL))
        }
        let known = seen.contains { knowledge.entry(for: $0) != nil || knowledge.spdxLicense($0) != nil }
        return Description(found: known, lines: lines)
    }

    /// A model or package the knowledge base knows: each matching entry's license, validity, the bases
    /// it was made from, its note and sources, then the facts of the licenses it names.
    static func describe(component query: String, known: [KnownComponent], knowledge: KnowledgeBase) -> Description {
        var lines = wrap("\(TerminalText.escape(query)): a component the knowledge base knows", indent: "  ")
        var licenseIDs: [String] = []
        for entry in known {
            lines.append("")
            lines += labelled("license", entry.license)
            if let range = entry.versionRange { lines += labelled("versions", "\(range)") }
            if let from = entry.validFrom { lines += labelled("since", from) }
            if let until = entry.validUntil { lines += labelled("until", until) }
            for base in entry.derivedFrom {
                let license = knowledge.knownLicense(purl: nil, name: base.identifier, version: nil)?.license ?? "a license Pedigree does not know"
                lines += labelled(base.relationship.rawValue, "\(base.identifier), under \(license) (audits add it to the lineage)")
            }
            lines += labelled("identifiers", entry.identifiers.joined(separator: ", "))
            if !entry.note.isEmpty { lines += labelled("note", entry.note) }
            for (index, source) in entry.sources.enumerated() { lines += labelled(index == 0 ? "sources" : "", source) }
            if let expression = knowledge.read(entry.license).expression { licenseIDs += expression.licenseIDs }
        }
        var seen = Set<String>()
        for id in licenseIDs where seen.insert(id).inserted {
            lines.append("")
            lines += details(id, knowledge: knowledge)
        }
        return Description(found: true, lines: lines)
    }

    static func ambiguousCandidates(_ query: String, knowledge: KnowledgeBase) -> [String] {
        switch knowledge.resolve(name: query) {
        case .ambiguous(let ids): ids
        default: []
        }
    }

    static func summary(_ id: String, knowledge: KnowledgeBase) -> String {
        if let entry = knowledge.entry(for: id) { return "\(entry.id) — \(entry.name) (\(entry.category.rawValue))" }
        if let spdx = knowledge.spdxLicense(id) { return "\(spdx.id) — \(spdx.name) (no terms)" }
        return id
    }

    /// Every fact of one license, one per line, with its sources.
    static func details(_ id: String, knowledge: KnowledgeBase) -> [String] {
        let spdx = knowledge.spdxLicense(id)
        guard let entry = knowledge.entry(for: id) else {
            var lines = wrap("\(TerminalText.escape(id)): Pedigree has no terms for this license", indent: "  ")
            if let spdx {
                lines += wrap("  on the SPDX License List as '\(spdx.name)'\(spdx.isDeprecated ? " (deprecated)" : "")", indent: "    ")
                lines.append(fit("  " + "source".padding(to: labelWidth) + spdx.referenceURL))
            }
            lines += wrap("  Unknown terms raise 'unknown-license' in an audit; they are never read as permissive.", indent: "    ")
            return lines
        }
        let terms = entry.terms
        var lines = wrap("\(entry.id) — \(entry.name)", indent: "  ")
        func row(_ label: String, _ value: String) { lines += labelled(label, value) }
        row("category", entry.category.rawValue + (knowledge.isModelLicense(entry.id) ? " (AI model terms)" : ""))
        if let spdx {
            var flags: [String] = []
            if spdx.isOSIApproved { flags.append("OSI approved") }
            if spdx.isFSFLibre { flags.append("FSF libre") }
            if spdx.isDeprecated { flags.append("deprecated") }
            row("SPDX License List", "yes" + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))"))
        } else {
            row("SPDX License List", entry.id.hasPrefix("LicenseRef-") ? "no (a LicenseRef)" : "not in list \(knowledge.spdxLicenseListVersion)")
        }
        if !entry.aliases.isEmpty { row("aliases", entry.aliases.map(TerminalText.escape).joined(separator: ", ")) }
        row("copyleft", terms.copyleft.rawValue)
        row("commercial use", terms.commercial.rawValue)
        if !terms.thresholds.isEmpty {
            row("thresholds", terms.thresholds.map { threshold in
                var text = "\(threshold.metric.rawValue) above \(grouped(threshold.limit))"
                if let date = threshold.measuredAt { text += " (measured at \(date))" }
                return text
            }.joined(separator: "; "))
        }
        row("derivatives", terms.derivativesAllowed ? "allowed" : "forbidden")
        row("outputs are derivatives", terms.derivativeIncludesOutputs ? "yes" : "no")
        row("output use", terms.outputUse.isEmpty ? "unrestricted" : terms.outputUse.map(\.rawValue).sorted().joined(separator: ", "))
        row("use restrictions flow down", terms.useRestrictionsFlowDown ? "yes" : "no")
        row("hosting is distribution", terms.hostingIsDistribution ? "yes" : "no")
        row("hosted service forbidden", terms.hostedServiceForbidden ? "yes" : "no")
        var attribution: [String] = []
        if terms.attribution.licenseCopy { attribution.append("license copy") }
        if terms.attribution.noticeFile { attribution.append("NOTICE file") }
        if let notice = terms.attribution.notice { attribution.append("notice \"\(notice)\"") }
        if let display = terms.attribution.display { attribution.append("display \"\(display)\"") }
        if let prefix = terms.attribution.namePrefix { attribution.append("derivative names begin with \"\(prefix)\"") }
        row("attribution", attribution.isEmpty ? "none" : attribution.joined(separator: "; "))
        if !terms.territory.isEmpty {
            row("territory", terms.territory.map { "\($0.scope): not granted in \($0.regions.joined(separator: ", "))" }.joined(separator: "; "))
        }
        row("may be absorbed by", terms.gplCompatibility.isEmpty ? "no other license listed" : terms.gplCompatibility.joined(separator: ", "))
        if let notes = entry.notes { row("notes", notes) }
        for (index, source) in terms.sources.enumerated() { row(index == 0 ? "sources" : "", source) }
        return lines
    }

    // MARK: layout

    /// `  label   value`, the value wrapped under itself.
    static func labelled(_ label: String, _ value: String) -> [String] {
        let indent = String(repeating: " ", count: labelWidth + 2)
        let wrapped = wrap(value, indent: indent, width: width, firstPrefix: "  " + label.padding(to: labelWidth))
        return wrapped
    }

    /// Word-wraps `text` to `width` columns; continuation lines start with `indent`.
    static func wrap(_ text: String, indent: String, width: Int = width, firstPrefix: String = "") -> [String] {
        var lines: [String] = []
        let leading = String(text.prefix(while: { $0 == " " }))
        var current = firstPrefix + leading
        var currentIsEmpty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let separator = currentIsEmpty ? "" : " "
            if current.count + separator.count + word.count > width, !currentIsEmpty {
                lines.append(current)
                current = indent
                currentIsEmpty = true
            }
            if currentIsEmpty && word.count > width - current.count {
                // A word longer than a line (a URL): cut it, never overflow.
                var rest = Substring(word)
                while current.count + rest.count > width {
                    let room = max(1, width - current.count)
                    lines.append(current + rest.prefix(room))
                    rest = rest.dropFirst(room)
                    current = indent
                }
                current += rest
                currentIsEmpty = rest.isEmpty
                continue
            }
            current += (currentIsEmpty ? "" : " ") + word
            currentIsEmpty = false
        }
        if !currentIsEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    static func fit(_ line: String) -> String {
        line.count <= width ? line : String(line.prefix(width - 1)) + "…"
    }

    static func grouped(_ value: Double) -> String {
        guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return "\(value)" }
        let digits = String(Int(value))
        var result = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }
}

extension String {
    func padding(to length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
