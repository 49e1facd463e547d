import PedigreeDiagnostics

/// The header block of a core metadata file: `Key: value` lines, each continued by the lines after
/// it that start with a space or a tab, up to the first blank line.
struct MailHeaders {
    struct Header {
        var key: String
        var value: String
        var line: Int
        /// Column of the value's first character.
        var column: Int

        func location(in file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
    }

    private(set) var headers: [Header] = []

    init(_ text: String) {
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { break }
            if let first = line.first, first == " " || first == "\t" {
                guard !headers.isEmpty else { continue }
                let continued = line.trimmingCharacters
                headers[headers.count - 1].value += "\n" + (continued.hasPrefix("|") ? continued.dropFirst() : continued)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let afterColon = line[line.index(after: colon)...]
            let value = afterColon.trimmingCharacters
            let column = line.distance(from: line.startIndex, to: value.startIndex) + 1
            headers.append(Header(key: key, value: String(value), line: lineNumber, column: value.isEmpty ? column : column))
        }
        for index in headers.indices {
            headers[index].value = String(Substring(headers[index].value).trimmingCharacters)
        }
    }

    /// The first header named `key` (names compare without case, as mail headers do).
    func first(_ key: String) -> Header? { headers.first { $0.key.caseInsensitiveEquals(key) } }

    func all(_ key: String) -> [Header] { headers.filter { $0.key.caseInsensitiveEquals(key) } }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
