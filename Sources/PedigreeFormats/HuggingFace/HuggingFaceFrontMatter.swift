import PedigreeDiagnostics

/// Finds the YAML front matter of a Markdown card without decoding the rest of the file.
///
/// Grammar (as the Hub and Jekyll write it):
/// ```
/// card         = [ BOM ] open-line yaml-lines close-line markdown
/// open-line    = "---" *( SP / HTAB ) ( LF / CRLF )          ; the very first line
/// close-line   = ( "---" / "..." ) *( SP / HTAB ) ( LF / CRLF / end of file )
/// ```
/// The YAML between the two lines starts on line 2 of the file, which is what positions are
/// counted from when it is parsed.
enum HuggingFaceFrontMatter {
    /// Where the front matter is, by byte ranges of the card.
    struct Span: Equatable {
        /// The YAML text between the opening and the closing line.
        var yaml: Range<Int>
        /// The 1-based line of the closing line.
        var closingLine: Int
    }

    enum Scan: Equatable {
        /// The first line is not `---`: the file has no front matter (not a card).
        case absent
        /// The first line opens front matter but no closing line follows (in the bytes seen).
        case unterminated
        case found(Span)
    }

    static func scan(_ bytes: [UInt8]) -> Scan {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard let firstEnd = lineEnd(bytes, from: start), isMarker(bytes, start..<firstEnd, marker: "---") else {
            return .absent
        }
        var lineStart = firstEnd + 1
        var lineNumber = 2
        while lineStart <= bytes.count {
            let end = lineEnd(bytes, from: lineStart) ?? bytes.count
            if isMarker(bytes, lineStart..<end, marker: "---") || isMarker(bytes, lineStart..<end, marker: "...") {
                return .found(Span(yaml: (firstEnd + 1)..<lineStart, closingLine: lineNumber))
            }
            if end >= bytes.count { break }
            lineStart = end + 1
            lineNumber += 1
        }
        return .unterminated
    }

    /// The index of the line feed that ends the line starting at `start`, or `nil` at the end of input.
    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    /// Whether the line (without its line feed) is the marker followed only by spaces, tabs or a CR.
    private static func isMarker(_ bytes: [UInt8], _ line: Range<Int>, marker: StaticString) -> Bool {
        let markerBytes = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        guard line.count >= markerBytes.count else { return false }
        for (offset, byte) in markerBytes.enumerated() where bytes[line.lowerBound + offset] != byte { return false }
        for index in (line.lowerBound + markerBytes.count)..<line.upperBound {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: continue
            default: return false
            }
        }
        return true
    }
}
