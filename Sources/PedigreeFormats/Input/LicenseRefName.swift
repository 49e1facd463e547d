/// Document-local ids for licenses an input defines by name and text, readable in reports.
enum LicenseRefName {
    /// A name as an SPDX idstring (letters, digits, `.` and `-`): other runs become one `-`, at most 64
    /// characters, so that reports name the license as its input does.
    static func idString(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
            if result.unicodeScalars.count >= 64 { break }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }
}
