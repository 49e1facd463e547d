import PedigreeDiagnostics

/// Parses TOML 1.0 into positioned values, bounded like the other input formats.
///
/// Grammar (TOML 1.0, the parts lockfiles and manifests use; every production has its method):
/// ```
/// document    = *( line-end | expression line-end )
/// expression  = keyval | "[" key "]" | "[[" key "]]"
/// keyval      = key "=" value
/// key         = simple-key *( "." simple-key )     simple-key = quoted-string | 1*( ALPHA / DIGIT / "-" / "_" )
/// value       = string | "true" | "false" | array | inline-table | number-or-date
/// array       = "[" *( ws-comment-newline value ws-comment-newline "," ) [ value ] ws-comment-newline "]"
/// inline-table = "{" [ keyval *( "," keyval ) ] "}"
/// string      = basic | multi-line basic | literal | multi-line literal
/// ```
///
/// Decisions: a duplicate key, a table defined twice, or a key that redefines a value as a table is an
/// error, as TOML says, because reading on would keep one of two facts; invalid UTF-8 is an error at
/// its position; arrays and inline tables nest at most `limits.maxJSONDepth` levels (the same bound as
/// JSON: lockfiles nest three or four); one string is at most `limits.maxStringBytes`.
public enum TOMLParser {
    /// The document's root table.
    ///
    /// - Throws: `InputError` with code `toml.syntax`, `toml.duplicate-key`, `toml.invalid-utf8`,
    ///   `toml.too-deep` or `toml.string-too-long`, at the line and column of the problem.
    public static func parse(_ bytes: [UInt8], file: String, limits: InputLimits = .default) throws(InputError) -> TOMLTable {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            var scanner = TOMLScanner(bytes: bytes, file: file, limits: limits)
            throw scanner.invalidUTF8Error()
        }
        var scanner = TOMLScanner(bytes: bytes, file: file, limits: limits)
        return try scanner.document()
    }
}
