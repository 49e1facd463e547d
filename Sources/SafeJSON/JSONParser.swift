import PedigreeDiagnostics

/// Parses untrusted JSON into positioned values, strictly and within bounds.
///
/// The grammar is RFC 8259's, nothing more (no comments, no `NaN`, no trailing commas, no single
/// quotes), read from UTF-8 only:
///
/// ```
/// JSON-text = ws value ws
/// value     = false / null / true / object / array / number / string
/// object    = begin-object [ member *( value-separator member ) ] end-object
/// member    = string name-separator value
/// array     = begin-array [ value *( value-separator value ) ] end-array
/// number    = [ minus ] int [ frac ] [ exp ]
/// int       = zero / ( digit1-9 *DIGIT )
/// frac      = decimal-point 1*DIGIT
/// exp       = e [ minus / plus ] 1*DIGIT
/// string    = quotation-mark *char quotation-mark
/// char      = unescaped / escape ( %x22 / %x5C / %x2F / %x62 / %x66 / %x6E / %x72 / %x74 / %x75 4HEXDIG )
/// unescaped = %x20-21 / %x23-5B / %x5D-10FFFF
/// ws        = *( %x20 / %x09 / %x0A / %x0D )
/// ```
///
/// On top of the grammar, Pedigree's rules for hostile input: UTF-8 is validated (overlong forms,
/// encoded surrogates and truncated sequences are errors) and a `\u` escape must not leave a lone
/// surrogate; a key may appear only once per object (Foundation and `JSONDecoder` disagree on which
/// duplicate wins, so two tools would see two different SBOMs); nesting is bounded by
/// `InputLimits.maxJSONDepth` and every string by `InputLimits.maxStringBytes`. An optional UTF-8
/// byte order mark is skipped. Lines are counted at line feeds; columns count Unicode code points.
///
/// The scanner works on the raw bytes with an explicit stack instead of recursion, so a document
/// nested 10,000 levels deep is rejected at level `maxJSONDepth + 1` without touching the call stack.
public enum JSONParser {
    /// Parses one JSON document.
    ///
    /// - Parameters:
    ///   - bytes: the document, UTF-8 (with or without a byte order mark).
    ///   - file: the path reported in every position.
    ///   - limits: nesting depth, string length and document size bounds.
    /// - Returns: the document's top-level value.
    /// - Throws: `InputError` with codes `json.empty`, `json.syntax`, `json.truncated`,
    ///   `json.trailing-content`, `json.invalid-utf8`, `json.invalid-escape`, `json.invalid-number`,
    ///   `json.duplicate-key`, `json.too-deep`, `json.string-too-long`, `input.too-large`, each with
    ///   the 1-based line and column of the offending byte.
    public static func parse(
        _ bytes: [UInt8], file: String, limits: InputLimits = .default
    ) throws(InputError) -> JSONValue {
        guard bytes.count <= limits.maxFileBytes else {
            throw InputError(
                "input.too-large",
                "document has \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes) bytes",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard !bytes.isEmpty else {
            throw InputError(
                "json.empty", "document is empty, expected a JSON value",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> JSONValue in
            guard let base = buffer.baseAddress else {
                throw InputError(
                    "json.empty", "document is empty, expected a JSON value",
                    at: SourceLocation(file: file, line: 1, column: 1))
            }
            var scanner = JSONScanner(base: base, count: buffer.count, file: file, limits: limits)
            return try scanner.parseDocument()
        }
    }
}
