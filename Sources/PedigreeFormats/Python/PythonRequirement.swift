/// One PEP 508 requirement as dependency lists write it: `name[extra]>=1.0; marker`.
struct PythonRequirement: Hashable, Sendable {
    var name: String
    /// The version when the requirement pins one exactly (`==1.2.3`).
    var pinnedVersion: String?
    /// The environment marker after `;`, when there is one (`python_version < "3.8"`).
    var marker: String?

    /// Whether the requirement applies only when an optional extra is installed.
    var isForExtra: Bool { marker?.contains("extra") ?? false }

    /// Reads the name and what follows it; nil when the text starts with no package name.
    init?(_ text: String) {
        var body = Substring(text)
        if let semicolon = body.firstIndex(of: ";") {
            let marker = body[body.index(after: semicolon)...].trimmingCharacters
            self.marker = marker.isEmpty ? nil : String(marker)
            body = body[..<semicolon]
        }
        body = body.trimmingCharacters
        let name = body.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        guard let first = name.first, first.isLetter || first.isNumber else { return nil }
        self.name = String(name)
        var rest = body.dropFirst(name.count).trimmingCharacters
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            rest = rest[rest.index(after: close)...].trimmingCharacters
        }
        if rest.hasPrefix("(") && rest.hasSuffix(")") { rest = rest.dropFirst().dropLast().trimmingCharacters }
        if rest.hasPrefix("=="), !rest.contains(","), !rest.contains("*") {
            let version = rest.dropFirst(2).trimmingCharacters
            pinnedVersion = version.isEmpty ? nil : String(version)
        }
    }
}

extension Substring {
    var trimmingCharacters: Substring {
        var s = self
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
