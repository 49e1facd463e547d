import PedigreeDiagnostics

/// Reads a license text file (a `LICENSE`, `COPYING` or `NOTICE` file, or one named on the command line)
/// the hardened way, as text.
///
/// Decisions: UTF-8, with or without a byte order mark; UTF-16 with a byte order mark is transcoded
/// strictly (an unpaired surrogate is an error); anything else that is not valid UTF-8 is an error at
/// the line and column of the first bad byte, never read on with replacement characters, because a
/// damaged text could be identified as the wrong license.
public enum LicenseTextFile {
    /// The text of a license file.
    ///
    /// - Throws: `InputError` from `SafeFile`, or `license-text.invalid-encoding` with the position.
    public static func read(_ path: String, limits: InputLimits = .default) throws(InputError) -> String {
        try decode(try SafeFile.read(path, limits: limits), path: path)
    }

    /// Decodes a license file's bytes (see the type's decisions).
    public static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> String {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return try utf16(bytes.dropFirst(2), bigEndian: bytes[0] == 0xFE, path: path)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return text }
        throw InputError(
            "license-text.invalid-encoding", "'\(path)' is not valid UTF-8 text",
            at: firstInvalidUTF8(body, path: path))
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, path: String) throws(InputError) -> String {
        guard bytes.count % 2 == 0 else {
            throw InputError("license-text.invalid-encoding", "'\(path)' is UTF-16 with an odd number of bytes",
                at: SourceLocation(file: path, line: 1, column: 1))
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput:
                return String(scalars)
            case .error:
                throw InputError("license-text.invalid-encoding", "'\(path)' holds an unpaired UTF-16 surrogate",
                    at: SourceLocation(file: path, line: line, column: 1))
            }
        }
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8], path: String) -> SourceLocation {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var (line, column) = (1, 1)
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: path, line: line, column: column)
    }
}
