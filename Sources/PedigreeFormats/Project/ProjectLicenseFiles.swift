import PedigreeDiagnostics
import PedigreeModel

/// License files that project files name or that sit in a package's folder: each becomes a license
/// defined by its text (`LicenseRef-…`), whose text the project join reads and the license layer
/// identifies.
enum ProjectLicenseFiles {
    /// The file names that hold a license rather than notices or authors.
    static func isLicenseFileName(_ name: String) -> Bool {
        let upper = name.uppercased()
        return upper.hasPrefix("LICENSE") || upper.hasPrefix("LICENCE") || upper.hasPrefix("COPYING")
            || upper.hasPrefix("UNLICENSE")
    }

    /// The license files among those a package names: the ones named like licenses, else all of them.
    static func licenseFiles(_ files: [(String, SourceLocation)]) -> [(String, SourceLocation)] {
        let licenses = files.filter { isLicenseFileName(($0.0.split(separator: "/").last).map(String.init) ?? $0.0) }
        return licenses.isEmpty ? files : licenses
    }

    /// `LicenseRef-pypi-requests-LICENSE`: unique per package and file, in the characters an SPDX id allows.
    static func licenseRef(package: PackageCoordinates, file: String) -> String {
        let raw = "LicenseRef-\(package.type)-\(package.name)-\(file)"
        return String(String.UnicodeScalarView(raw.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ".")
                ? scalar : "-"
        }))
    }
}
