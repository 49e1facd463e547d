import PedigreeDiagnostics

/// The value constraints of the CycloneDX 1.2–1.7 schemas that decide whether a BOM is valid.
///
/// Only the constraints that matter for reading (and that the specification's own negative test
/// vectors exercise) are checked: enumerations, the hash and serial-number patterns, the date-time,
/// e-mail and IRI-reference formats, and the SPDX license-id enumeration. Each breach is an error
/// diagnostic at the offending value; the reader still uses what it can.
///
/// Sources: `schema/bom-1.x.schema.json` and `schema/bom-1.6.xsd` of CycloneDX/specification.
enum CycloneDXSchemaRules {
    /// A license `id` must be one of the SPDX ids the CycloneDX schema lists; a difference in case
    /// only is tolerated with a warning, anything else belongs in `name`.
    static func checkLicenseID(_ id: CycloneDXText, diagnostics: inout DiagnosticCollector) {
        if spdxLicenseIDs.contains(id.value) { return }
        if spdxLicenseIDs.contains(where: { $0.lowercased() == id.value.lowercased() }) {
            diagnostics.warning(
                "cyclonedx.license-id-case",
                "license 'id' '\(id.value)' differs in case from the SPDX id; SPDX ids are matched case-insensitively",
                at: id.location)
            return
        }
        diagnostics.error(
            "cyclonedx.invalid-license-id",
            "license 'id' '\(id.value)' is not an SPDX license id; use 'name' for other licenses", at: id.location)
    }

    /// The specification versions whose shape this reader knows.
    static let knownVersions: Set<String> = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]

    /// The XML namespace prefix; the version follows it (`http://cyclonedx.org/schema/bom/1.6`).
    static let namespacePrefix = "http://cyclonedx.org/schema/bom/"

    /// `component.type` (`classification`), union over the versions.
    static let componentTypes: Set<String> = [
        "application", "framework", "library", "container", "platform", "operating-system", "device",
        "device-driver", "firmware", "file", "machine-learning-model", "data", "cryptographic-asset",
    ]

    static let scopes: Set<String> = ["required", "optional", "excluded"]

    static let hashAlgorithms: Set<String> = [
        "MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512", "SHA3-256", "SHA3-384", "SHA3-512", "BLAKE2b-256",
        "BLAKE2b-384", "BLAKE2b-512", "BLAKE3", "Streebog-256", "Streebog-512",
    ]

    static let patchTypes: Set<String> = ["unofficial", "monkey", "backport", "cherry-pick"]

    static let issueTypes: Set<String> = ["defect", "enhancement", "security"]

    static let dataFlows: Set<String> = ["inbound", "outbound", "bi-directional", "unknown"]

    static let acknowledgements: Set<String> = ["declared", "concluded"]

    static let licenseTextEncodings: Set<String> = ["base64"]

    /// Keys a license object may carry (`additionalProperties: false` in every version).
    static let licenseKeys: Set<String> = [
        "bom-ref", "id", "name", "acknowledgement", "text", "url", "licensing", "properties",
    ]

    /// Keys a property object may carry.
    static let propertyKeys: Set<String> = ["name", "value"]

    /// Whether `value` is `urn:uuid:` followed by a lowercase hexadecimal UUID, as `serialNumber` requires.
    static func isSerialNumber(_ value: String) -> Bool {
        let prefix = "urn:uuid:"
        guard value.hasPrefix(prefix) else { return false }
        let uuid = Array(value.utf8.dropFirst(prefix.utf8.count))
        let groups = [8, 4, 4, 4, 12]
        guard uuid.count == groups.reduce(0, +) + groups.count - 1 else { return false }
        var index = 0
        for (groupIndex, length) in groups.enumerated() {
            for _ in 0..<length {
                let byte = uuid[index]
                guard (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) else { return false }
                index += 1
            }
            if groupIndex < groups.count - 1 {
                guard uuid[index] == UInt8(ascii: "-") else { return false }
                index += 1
            }
        }
        return true
    }

    /// Whether a hash digest is 32, 40, 64, 96 or 128 hexadecimal digits (the schema's `hash-content`).
    static func isHashContent(_ value: String) -> Bool {
        let bytes = value.utf8
        guard [32, 40, 64, 96, 128].contains(bytes.count) else { return false }
        return bytes.allSatisfy(isHexDigit)
    }

    /// Whether `value` is an RFC 3339 date-time (`2024-05-01T10:00:00Z`).
    ///
    /// JSON Schema's `date-time` requires the offset; XML Schema's `xs:dateTime` makes it optional,
    /// so `requireOffset` is false for XML.
    ///
    /// ```
    /// date-time = full-date "T" partial-time [ time-offset ]
    /// full-date = 4DIGIT "-" 2DIGIT "-" 2DIGIT ; partial-time = 2DIGIT ":" 2DIGIT ":" 2DIGIT [ "." 1*DIGIT ]
    /// time-offset = "Z" / ( "+" / "-" ) 2DIGIT ":" 2DIGIT
    /// ```
    static func isDateTime(_ value: String, requireOffset: Bool) -> Bool {
        let s = Array(value.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var result = 0
            for _ in 0..<n {
                guard s[i] >= 0x30, s[i] <= 0x39 else { return nil }
                result = result * 10 + Int(s[i] - 0x30)
                i += 1
            }
            return result
        }
        func expect(_ characters: String) -> Bool {
            guard i < s.count, characters.utf8.contains(s[i]) else { return false }
            i += 1
            return true
        }
        guard digits(4) != nil, expect("-"), let month = digits(2), expect("-"), let day = digits(2),
            (1...12).contains(month), (1...31).contains(day), expect("Tt"), let hour = digits(2), expect(":"),
            let minute = digits(2), expect(":"), let second = digits(2), hour < 24, minute < 60, second <= 60
        else { return false }
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
            guard i > start else { return false }
        }
        if i == s.count { return !requireOffset }
        if expect("Zz") { return i == s.count }
        guard expect("+-"), let offsetHour = digits(2), expect(":"), let offsetMinute = digits(2) else { return false }
        return offsetHour < 24 && offsetMinute < 60 && i == s.count
    }

    /// Whether `value` looks like an e-mail address: one `@` between a non-empty local part and a
    /// domain, no spaces. (The schema's `idn-email` is RFC 6531; this is the part that catches real errors.)
    static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return !value.contains(where: { $0.isWhitespace })
    }

    /// Whether `value` is an RFC 3987 IRI reference in the respect that real BOMs get wrong: a scheme,
    /// when there is one (a `:` before any `/`, `?` or `#`), must be `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`,
    /// and no spaces or controls. `git@github.com:org/repo` therefore fails, as the schema says.
    static func isIRIReference(_ value: String) -> Bool {
        if value.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0 == "\"" }) {
            return false
        }
        guard let colon = value.firstIndex(of: ":") else { return true }
        let beforeColon = value[..<colon]
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        guard let first = beforeColon.unicodeScalars.first, isASCIILetter(first) else { return false }
        return beforeColon.unicodeScalars.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
    }

    /// Whether an external reference points at a Hugging Face repository, which identifies the component.
    static func isHuggingFaceURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return ["https://huggingface.co/", "http://huggingface.co/", "https://hf.co/"].contains { lower.hasPrefix($0) }
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    /// The version a `$schema` URL or XML namespace names (`…/bom-1.6.schema.json`, `…/bom/1.6`), if any.
    static func version(fromNamespace namespace: String) -> String? {
        guard namespace.hasPrefix(namespacePrefix) else { return nil }
        return String(namespace.dropFirst(namespacePrefix.count))
    }

    /// JSON 1.5 and 1.6 allow either license objects or one expression in a `licenses` list.
    static func forbidsLicenseMix(_ version: String) -> Bool { version == "1.5" || version == "1.6" }

    /// 1.7 allows license objects and expressions side by side (and XML's `expression-detailed`).
    static func allowsLicenseMix(_ version: String) -> Bool { version == "1.7" || isAtLeast(version, "1.7") }

    /// Compares dotted versions numerically (`1.10` after `1.9`); unknown parts count as 0.
    static func isAtLeast(_ version: String, _ minimum: String) -> Bool {
        let a = version.split(separator: ".").map { Int($0) ?? 0 }
        let b = minimum.split(separator: ".").map { Int($0) ?? 0 }
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            if x != y { return x > y }
        }
        return true
    }
}
