import PedigreeDiagnostics

/// Decodes the base64 a CycloneDX license `text` may be encoded in (RFC 4648, standard alphabet).
///
/// Decisions: whitespace (line breaks of wrapped base64) is ignored; padding is optional; any other
/// character, or a length that leaves a lone sextet, makes the whole text undecodable (nil).
enum Base64Text {
    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var count = 0
        var padding = 0
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0, let value = sextet(byte) else { return nil }
            buffer = buffer << 6 | UInt32(value)
            count += 1
            if count == 4 {
                output += [UInt8(truncatingIfNeeded: buffer >> 16), UInt8(truncatingIfNeeded: buffer >> 8), UInt8(truncatingIfNeeded: buffer)]
                buffer = 0
                count = 0
            }
        }
        switch count {
        case 0: break
        case 2: output.append(UInt8(truncatingIfNeeded: buffer >> 4))
        case 3: output += [UInt8(truncatingIfNeeded: buffer >> 10), UInt8(truncatingIfNeeded: buffer >> 2)]
        default: return nil
        }
        return padding <= 2 ? output : nil
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}

/// The text of a CycloneDX license entry (`text.content`), decoded when base64.
enum CycloneDXLicenseText {
    /// The usable text; nil when base64 does not decode to UTF-8 text, with a warning naming where (the
    /// schema does not check the content, and the license's name still states it).
    static func decoded(_ content: CycloneDXText, base64: Bool, diagnostics: inout DiagnosticCollector) -> CycloneDXText? {
        guard base64 else { return content }
        guard let bytes = Base64Text.decode(content.value) else {
            diagnostics.warning(
                "cyclonedx.invalid-base64",
                "the license text is marked base64 but is not valid base64; it is not read, the license is read from its name",
                at: content.location)
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.warning(
                "cyclonedx.invalid-base64",
                "the license text's base64 decodes to bytes that are not UTF-8 text; it is not read, the license is read from its name",
                at: content.location)
            return nil
        }
        return CycloneDXText(value: text, location: content.location)
    }
}
