/// Resolves scalars by the YAML 1.2 core schema (YAML 1.2.2, section 10.3).
///
/// Only plain scalars without a tag are resolved by their text; a quoted or block scalar, or one
/// tagged `!` or `!!str`, is a string. YAML 1.1's `yes`/`no`/`on`/`off` and sexagesimal numbers are
/// strings here, as in YAML 1.2. The grammar, as regular expressions from the specification:
///
///     null    ::= null | Null | NULL | ~ | (empty)
///     bool    ::= true | True | TRUE | false | False | FALSE
///     int     ::= [-+]? [0-9]+  |  0o [0-7]+  |  0x [0-9a-fA-F]+
///     float   ::= [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
///               | [-+]? ( \.inf | \.Inf | \.INF )  |  \.nan | \.NaN | \.NAN
enum YAMLCoreSchema {
    enum Resolution: Equatable {
        case null
        case bool(Bool)
        /// An integer by the grammar; `nil` when it does not fit in `Int`.
        case integer(Int?)
        case float(Double)
        case string
    }

    static let tagPrefix = "tag:yaml.org,2002:"
    static let stringTag = tagPrefix + "str"
    static let integerTag = tagPrefix + "int"
    static let floatTag = tagPrefix + "float"
    static let boolTag = tagPrefix + "bool"
    static let nullTag = tagPrefix + "null"
    static let sequenceTag = tagPrefix + "seq"
    static let mappingTag = tagPrefix + "map"
    static let nonSpecificTag = "!"

    static let scalarTags: Set<String> = [stringTag, integerTag, floatTag, boolTag, nullTag, nonSpecificTag]

    /// The meaning of a scalar, honouring its explicit tag.
    ///
    /// A tagged scalar whose text does not fit its tag (`!!int abc`) is rejected by the composer
    /// (`YAMLCoreSchema.fits(_:)`), so here it falls back to a string.
    static func resolve(_ scalar: YAMLScalar) -> Resolution {
        switch scalar.tag {
        case nil:
            return scalar.isPlain ? resolvePlain(scalar.value) : .string
        case integerTag:
            if case .integer(let value) = resolvePlain(scalar.value) { return .integer(value) }
            return .string
        case floatTag:
            return float(scalar.value).map(Resolution.float) ?? .string
        case boolTag:
            if case .bool(let value) = resolvePlain(scalar.value) { return .bool(value) }
            return .string
        case nullTag:
            return resolvePlain(scalar.value) == .null ? .null : .string
        default:
            return .string
        }
    }

    /// Whether a scalar's text is a value of its explicit core-schema tag.
    static func fits(_ scalar: YAMLScalar) -> Bool {
        switch scalar.tag {
        case integerTag:
            if case .integer = resolvePlain(scalar.value) { return true }
            return false
        case floatTag:
            return float(scalar.value) != nil
        case boolTag:
            if case .bool = resolvePlain(scalar.value) { return true }
            return false
        case nullTag:
            return resolvePlain(scalar.value) == .null
        default:
            return true
        }
    }

    /// Resolves the text of a plain, untagged scalar: null, then bool, then int, then float.
    static func resolvePlain(_ text: String) -> Resolution {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let value = integer(text) { return .integer(value) }
        if let value = float(text) { return .float(value) }
        return .string
    }

    /// `.some(nil)` for text that is an integer by the grammar but does not fit in `Int`.
    static func integer(_ text: String) -> Int?? {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let digits = String(decoding: bytes[2...], as: UTF8.self)
            if bytes[1] == UInt8(ascii: "o"), bytes[2...].allSatisfy(isOctalDigit) {
                return .some(Int(digits, radix: 8))
            }
            if bytes[1] == UInt8(ascii: "x"), bytes[2...].allSatisfy(isHexDigit) {
                return .some(Int(digits, radix: 16))
            }
        }
        let unsigned = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
        guard !unsigned.isEmpty, unsigned.allSatisfy(isDecimalDigit) else { return nil }
        return .some(Int(text))
    }

    /// The value of text matching the float production (which includes decimal integers).
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        var bytes = Array(text.utf8)[...]
        var normalized = ""
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            if sign == UInt8(ascii: "-") { normalized = "-" }
            bytes = bytes.dropFirst()
        }
        let integerDigits = bytes.prefix(while: isDecimalDigit)
        bytes = bytes.dropFirst(integerDigits.count)
        var fractionDigits = bytes.prefix(0)
        var hasPoint = false
        if bytes.first == UInt8(ascii: ".") {
            hasPoint = true
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDecimalDigit)
            bytes = bytes.dropFirst(fractionDigits.count)
        }
        // `[0-9]+ (\. [0-9]*)?` or `\. [0-9]+`: at least one digit, before the point if none after it.
        guard !integerDigits.isEmpty || (hasPoint && !fractionDigits.isEmpty) else { return nil }
        var exponent = ""
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var exponentSign = ""
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                exponentSign = sign == UInt8(ascii: "-") ? "-" : ""
                bytes = bytes.dropFirst()
            }
            let exponentDigits = bytes.prefix(while: isDecimalDigit)
            guard !exponentDigits.isEmpty else { return nil }
            bytes = bytes.dropFirst(exponentDigits.count)
            exponent = "e" + exponentSign + String(decoding: exponentDigits, as: UTF8.self)
        }
        guard bytes.isEmpty else { return nil }
        // Spelled out in full so that Swift's parser sees a form it accepts (`.5` and `1.` are not).
        normalized += integerDigits.isEmpty ? "0" : String(decoding: integerDigits, as: UTF8.self)
        normalized += "." + (fractionDigits.isEmpty ? "0" : String(decoding: fractionDigits, as: UTF8.self))
        return Double(normalized + exponent)
    }

    /// A decimal integer too large for `Int`, as a `Double`.
    static func decimalDouble(value text: String) -> Double? {
        guard case .some = integer(text), !text.hasPrefix("0o"), !text.hasPrefix("0x") else { return nil }
        return float(text)
    }

    /// How a tag is written in diagnostics: core-schema tags in their `!!` shorthand.
    static func displayTag(_ tag: String) -> String {
        tag.hasPrefix(tagPrefix) ? "!!" + tag.dropFirst(tagPrefix.count) : tag
    }

    private static func isDecimalDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isOctalDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDecimalDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
