import PedigreeDiagnostics
import PedigreeModel

/// A package of one ecosystem, named the way its registry compares names, with an optional version:
/// the purl it merges under and the component readers emit for it.
///
/// A package stated without a version (a declared dependency, `requests>=2`) is a *declaration*: the
/// project join gives it the installed or locked version, so that it is one component with the
/// package read from installed metadata; without either it stays versionless and its license unknown.
struct PackageCoordinates: Hashable, Sendable {
    /// The purl type: `pypi`, `npm`, `cargo`, `golang`.
    var type: String
    /// The name as the registry compares it (PyPI: lowercased, runs of `-_.` as one `-`).
    var name: String
    var version: String?

    init(type: String, name: String, version: String? = nil) {
        self.type = type
        self.name = type == "pypi" ? Self.normalizedPythonName(name) : name
        self.version = version.flatMap { $0.isEmpty ? nil : $0 }
    }

    var purl: String {
        let base = "pkg:\(type)/\(Self.escaped(name))"
        guard let version else { return base }
        return base + "@" + Self.escaped(version)
    }

    var ref: ComponentRef { ComponentRef(purl) }

    /// The same package without its version.
    var unversioned: PackageCoordinates { PackageCoordinates(type: type, name: name) }

    /// A component for this package as a reader saw it, with no license unless the caller adds one.
    func component(displayName: String, location: SourceLocation?, origin: Origin, kind: ComponentKind = .library) -> Component {
        Component(
            ref: ref, name: displayName, version: version, kind: kind, purl: purl, location: location,
            origins: [Origin(file: origin.file, format: origin.format, location: location)])
    }

    /// PEP 503: lowercase, and every run of `-`, `_`, `.` becomes one `-`.
    static func normalizedPythonName(_ name: String) -> String {
        var result = ""
        var lastWasSeparator = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                if !lastWasSeparator { result.append("-") }
                lastWasSeparator = true
            } else {
                result.append(character)
                lastWasSeparator = false
            }
        }
        return result
    }

    /// Percent-escapes what a purl segment may not hold (`@`, `?`, `#`, spaces); `/` stays for npm
    /// scopes and Go module paths.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "@" where result.isEmpty: result += "%40"
            case "?": result += "%3F"
            case "#": result += "%23"
            case " ": result += "%20"
            case "%": result += "%25"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
