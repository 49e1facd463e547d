import PedigreeDiagnostics
import PedigreeModel

/// Reads a `go.mod`: the module (the project) and the modules it requires (`static-link`: Go links
/// statically). `go.mod` states no licenses: a module's license comes from the license file `go mod
/// vendor` copied into `vendor/<module>/`, else it stays unknown.
///
/// Decisions: `require` lines (single or in a block) are read with their version, `// indirect` ones
/// too (they are built in); a `replace` pointing at another module and version redirects that
/// requirement; a `replace` to a local folder keeps the required module, since its license is the
/// folder's; `exclude`, `retract`, `toolchain` and `go` state no component.
public enum GoModReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProjectDiagnostic.invalidText(format: "go.mod").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        var document = SBOMDocument(path: path, format: .goMod)
        let origin = Origin(file: path, format: .goMod)
        var requires: [(module: String, version: String, location: SourceLocation)] = []
        var replaces: [String: (module: String, version: String)] = [:]
        var project: Component?
        var block: Substring?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if let comment = line.firstRange(of: "//") { line = line[..<comment.lowerBound] }
            let content = line.trimmingCharacters
            let location = SourceLocation(file: path, line: index + 1, column: line.distance(from: line.startIndex, to: content.startIndex) + 1)
            if content == ")" { block = nil; continue }
            var words = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !words.isEmpty else { continue }
            if block == nil {
                let directive = words.removeFirst()
                if words.first == "(" { block = directive; continue }
                if directive == "module", let module = words.first {
                    let name = String(module).trimmed(of: "\"")
                    var component = PackageCoordinates(type: "golang", name: name).component(displayName: name, location: location, origin: origin, kind: .application)
                    component.purl = nil
                    project = component
                    continue
                }
                block = directive
                defer { block = nil }
                record(directive, words, location, &requires, &replaces)
            } else if let directive = block {
                record(directive, words, location, &requires, &replaces)
            }
        }
        guard let project else {
            throw ProjectDiagnostic.missingField(field: "module", format: "go.mod").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        document.components = [project]
        document.roots = [project.ref]
        for (module, version, location) in requires {
            let target = replaces[module] ?? (module, version)
            let coordinates = PackageCoordinates(type: "golang", name: target.module, version: target.version)
            document.components.append(coordinates.component(displayName: target.module, location: location, origin: origin))
            document.edges.append(Edge(from: project.ref, to: coordinates.ref, kind: .staticLink, statedAs: "require", location: location,
                origin: Origin(file: path, format: .goMod, location: location)))
        }
        return document
    }

    private static func record(
        _ directive: Substring, _ words: [Substring], _ location: SourceLocation,
        _ requires: inout [(module: String, version: String, location: SourceLocation)],
        _ replaces: inout [String: (module: String, version: String)]
    ) {
        switch directive {
        case "require" where words.count >= 2:
            requires.append((String(words[0]), String(words[1]), location))
        case "replace":
            guard let arrow = words.firstIndex(of: "=>"), arrow + 2 < words.count + 1, arrow + 1 < words.count else { return }
            let target = words[(arrow + 1)...]
            guard target.count == 2, let module = target.first, let version = target.last else { return }
            replaces[String(words[0])] = (String(module), String(version))
        default:
            break
        }
    }
}
