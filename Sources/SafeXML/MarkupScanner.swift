/// A forward scan over the markup of a document, without parsing it.
///
/// It runs twice: once before libxml2 sees the bytes, to refuse what libxml2 cannot be trusted with
/// (markup declarations, too many attributes, too deep nesting), and once beside the reader, to give
/// each element the exact byte offset of its start tag. It recognises only as much of XML 1.0 as
/// needed to know where markup starts and ends:
///
///     content      = *( chardata / markup )
///     markup       = comment / cdata / pi / declaration / end-tag / start-tag
///     comment      = "<!--" *char "-->"
///     cdata        = "<![CDATA[" *char "]]>"
///     pi           = "<?" *char "?>"            ; the XML declaration included
///     declaration  = "<!" *char                 ; DOCTYPE, ENTITY, ELEMENT, ATTLIST, ...
///     end-tag      = "</" *char ">"
///     start-tag    = "<" name *( S attribute ) [ S ] [ "/" ] ">"
///     attribute    = name [ S ] "=" [ S ] ( DQUOTE *char DQUOTE / "'" *char "'" )
///
/// Inside a start tag, each `=` outside quotes counts one attribute (namespace declarations
/// included), and any `<`, quoted or not, ends the tag: the scan never skips a `<` that libxml2 would
/// read as markup, so a declaration cannot hide from it in malformed input. For a document libxml2
/// accepts, the start tags found here are exactly its elements, in the same order.
struct MarkupScanner {
    enum Markup {
        case startTag(StartTag)
        case endTag(offset: Int)
        case declaration(offset: Int)
    }

    struct StartTag {
        /// Offset of the `<`.
        var offset: Int
        /// Offset just after the qualified name.
        var nameEnd: Int
        var attributeCount: Int
        /// Whether the tag ends with `/>`.
        var isEmptyElement: Bool
    }

    private let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The next markup after the previous one, or `nil` at the end of the input.
    mutating func next() -> Markup? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = self.index
            defer { self.index = index }
            return Self.scan(buffer, from: &index)
        }
    }

    /// The next start tag, skipping other markup.
    mutating func nextStartTag() -> StartTag? {
        while let markup = next() {
            if case .startTag(let tag) = markup { return tag }
        }
        return nil
    }

    /// The qualified name of a start tag, as written, shortened for a message.
    func name(of tag: StartTag) -> String {
        let end = min(tag.nameEnd, tag.offset + 1 + 512)
        return String(decoding: bytes[(tag.offset + 1)..<end], as: UTF8.self).shortenedForMessage
    }

    /// Whether the start tag's qualified name is exactly the given NUL-terminated bytes.
    func nameMatches(_ tag: StartTag, _ name: UnsafePointer<UInt8>) -> Bool {
        var position = tag.offset + 1
        var pointer = name
        while pointer.pointee != 0 {
            guard position < tag.nameEnd, bytes[position] == pointer.pointee else { return false }
            position += 1
            pointer += 1
        }
        return position == tag.nameEnd
    }

    private static let lessThan = UInt8(ascii: "<")
    private static let greaterThan = UInt8(ascii: ">")
    private static let slash = UInt8(ascii: "/")
    private static let equals = UInt8(ascii: "=")
    private static let question = UInt8(ascii: "?")
    private static let bang = UInt8(ascii: "!")
    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)
    private static let piClose = Array("?>".utf8)

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Markup? {
        let count = buffer.count
        while index < count {
            guard let start = firstIndex(of: lessThan, in: buffer, from: index) else {
                index = count
                return nil
            }
            guard start + 1 < count else {
                index = count
                return .startTag(StartTag(offset: start, nameEnd: count, attributeCount: 0, isEmptyElement: false))
            }
            switch buffer[start + 1] {
            case question:
                index = end(of: piClose, in: buffer, from: start + 2)
            case bang:
                if hasPrefix(commentOpen, in: buffer, at: start) {
                    index = end(of: commentClose, in: buffer, from: start + commentOpen.count)
                } else if hasPrefix(cdataOpen, in: buffer, at: start) {
                    index = end(of: cdataClose, in: buffer, from: start + cdataOpen.count)
                } else {
                    index = start + 2
                    return .declaration(offset: start)
                }
            case slash:
                index = firstIndex(of: greaterThan, in: buffer, from: start + 2).map { $0 + 1 } ?? count
                return .endTag(offset: start)
            default:
                return .startTag(startTag(in: buffer, at: start, next: &index))
            }
        }
        return nil
    }

    private static func startTag(
        in buffer: UnsafeBufferPointer<UInt8>, at start: Int, next index: inout Int
    ) -> StartTag {
        let count = buffer.count
        var position = start + 1
        while position < count {
            let byte = buffer[position]
            if isWhitespace(byte) || byte == slash || byte == greaterThan || byte == lessThan { break }
            position += 1
        }
        var tag = StartTag(offset: start, nameEnd: position, attributeCount: 0, isEmptyElement: false)
        var quote: UInt8 = 0
        while position < count {
            let byte = buffer[position]
            if byte == lessThan {
                index = position
                return tag
            }
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == equals {
                tag.attributeCount += 1
            } else if byte == greaterThan {
                tag.isEmptyElement = buffer[position - 1] == slash
                index = position + 1
                return tag
            }
            position += 1
        }
        index = count
        return tag
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start
        while position < buffer.count {
            if buffer[position] == byte { return position }
            position += 1
        }
        return nil
    }

    private static func hasPrefix(_ pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + pattern.count <= buffer.count else { return false }
        for (offset, byte) in pattern.enumerated() where buffer[start + offset] != byte { return false }
        return true
    }

    /// The offset just after the first occurrence of `pattern` at or after `start`, or the end of input.
    private static func end(of pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        while let candidate = firstIndex(of: pattern[0], in: buffer, from: position) {
            if hasPrefix(pattern, in: buffer, at: candidate) { return candidate + pattern.count }
            position = candidate + 1
        }
        return buffer.count
    }
}
