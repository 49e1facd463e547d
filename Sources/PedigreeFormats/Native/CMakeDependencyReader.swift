import PedigreeDiagnostics
import PedigreeModel

/// Reads a `CMakeLists.txt` for the code it fetches and builds in: `FetchContent_Declare` and
/// `ExternalProject_Add` (repository URL and tag → a component, linked statically), and `project()`
/// for the project's own name and version.
///
/// Decisions: only those three commands are read, with CMake's argument rules (whitespace-separated,
/// quoted arguments, `#` comments, bracket arguments not supported); variables (`${TAG}`) are kept as
/// written. Commands compare without case, as CMake's do. A file without `project()` hangs its
/// fetches under its folder's project.
public enum CMakeDependencyReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProjectDiagnostic.invalidText(format: "CMakeLists.txt").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        var document = SBOMDocument(path: path, format: .cmakeLists)
        let commands = CMakeCommandScanner(text: text, path: path, names: ["project", "fetchcontent_declare", "externalproject_add"]).commands()
        var project = ProjectJoin.placeholder(forFileAt: path, format: .cmakeLists)
        if let declared = commands.first(where: { $0.name == "project" }), let name = declared.arguments.first {
            let version = declared.value(after: "VERSION")
            project = PackageCoordinates(type: "generic", name: name, version: version)
                .component(displayName: name, location: declared.location, origin: Origin(file: path, format: .cmakeLists), kind: .application)
        }
        document.components = [project]
        document.roots = [project.ref]
        for command in commands where command.name != "project" {
            guard let name = command.arguments.first else { continue }
            let url = command.value(after: "GIT_REPOSITORY") ?? command.value(after: "URL") ?? name
            let version = command.value(after: "GIT_TAG")
            var component = VendoredSource.component(url: url, folder: name, version: version, location: command.location, file: path, format: .cmakeLists)
            if VendoredSource.gitHubRepository(url) == nil { component.name = name }
            document.components.append(component)
            document.edges.append(Edge(from: project.ref, to: component.ref, kind: .staticLink, statedAs: command.originalName,
                location: command.location, origin: Origin(file: path, format: .cmakeLists, location: command.location)))
        }
        return document
    }
}

/// One CMake command invocation with its arguments.
struct CMakeCommand {
    var name: String
    var originalName: String
    var arguments: [String]
    var location: SourceLocation

    /// The argument after the keyword `keyword` (`GIT_TAG b3447`).
    func value(after keyword: String) -> String? {
        guard let index = arguments.firstIndex(of: keyword), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
}

/// Finds the invocations of some commands in a CMake file.
struct CMakeCommandScanner {
    let text: String
    let path: String
    let names: Set<String>

    func commands() -> [CMakeCommand] {
        var result: [CMakeCommand] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        var lineStart = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { line += 1; lineStart = index + 1; index += 1; continue }
            if scalar == "#" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            guard scalar.properties.isAlphabetic || scalar == "_" else { index += 1; continue }
            let start = index
            while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "_" || ("0"..."9").contains(scalars[index]) { index += 1 }
            let word = String(String.UnicodeScalarView(scalars[start..<index]))
            var look = index
            while look < scalars.count, scalars[look] == " " || scalars[look] == "\t" { look += 1 }
            guard look < scalars.count, scalars[look] == "(" else { continue }
            let location = SourceLocation(file: path, line: line, column: start - lineStart + 1)
            index = look + 1
            let arguments = readArguments(scalars, &index, &line, &lineStart)
            if names.contains(word.lowercased()) {
                result.append(CMakeCommand(name: word.lowercased(), originalName: word, arguments: arguments, location: location))
            }
        }
        return result
    }

    /// Arguments up to the matching `)`, unquoted.
    private func readArguments(_ scalars: [Unicode.Scalar], _ index: inout Int, _ line: inout Int, _ lineStart: inout Int) -> [String] {
        var arguments: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 1
        func flush() {
            if !current.isEmpty { arguments.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\n":
                line += 1
                lineStart = index
                flush()
            case " ", "\t", "\r":
                flush()
            case "#":
                flush()
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            case "\"":
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\n" { line += 1; lineStart = index + 1 }
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    current.append(scalars[index])
                    index += 1
                }
                index += 1
                arguments.append(String(current))
                current = String.UnicodeScalarView()
            case "(":
                depth += 1
                current.append(scalar)
            case ")":
                depth -= 1
                if depth == 0 {
                    flush()
                    return arguments
                }
                current.append(scalar)
            default:
                current.append(scalar)
            }
        }
        flush()
        return arguments
    }
}
