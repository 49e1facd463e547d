import PedigreeLicenses

/// Where the text of a license can be read, and license expressions written with each id linked there.
///
/// Decisions: the SPDX page is preferred (stable, the text the id names); else the license's own first
/// web source from the knowledge base, leaving out catalogues that only describe it (ScanCode's
/// toolkit pages, OSADL's matrix). An id the catalogue does not know stays plain text.
struct LicenseTextLink {
    let catalog: any LicenseCatalog

    /// The license's own sources (its text, its use policy), leaving out catalogues that only describe it.
    func sources(_ id: String) -> [String] {
        (terms(id)?.sources ?? []).filter {
            HTMLText.isWebURL($0) && !$0.contains("scancode-toolkit") && !$0.contains("osadl.org")
        }
    }

    /// Where the license's text can be read: its SPDX page, else its first own source, else any web source.
    func url(for id: String) -> String? {
        let all = terms(id)?.sources ?? []
        return all.first { $0.hasPrefix("https://spdx.org/licenses/") } ?? sources(id).first ?? all.first { HTMLText.isWebURL($0) }
    }

    /// The expression as HTML: escaped, each license id the catalogue knows linked to its text.
    func html(_ expression: String) -> String {
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            if Self.operators.contains(word.uppercased()) {
                out += HTMLText.escape(word)
            } else if let url = url(for: word), HTMLText.isWebURL(url) {
                // Classed so that print leaves out the address after each id (it is in the NOTICE file).
                out += "<a class=\"license\" href=\"\(HTMLText.escape(url))\" rel=\"noopener noreferrer\">\(HTMLText.escape(word))</a>"
            } else {
                out += HTMLText.escape(word)
            }
            word = ""
        }
        for character in expression {
            if character == " " || character == "(" || character == ")" || character == "," {
                flush()
                out += HTMLText.escape(String(character))
            } else {
                word.append(character)
            }
        }
        flush()
        return out
    }

    static let operators: Set<String> = ["AND", "OR", "WITH"]

    func terms(_ id: String) -> LicenseTerms? {
        var key = id
        if key.hasSuffix("+") { key.removeLast() }
        return catalog.terms(for: key)
    }
}
