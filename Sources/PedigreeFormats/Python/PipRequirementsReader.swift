import PedigreeDiagnostics
import PedigreeModel

/// Reads a pip `requirements*.txt`: each line names a direct dependency of the project in its folder.
///
/// Decisions: only `==` pins give a version; options that point at other files or indexes (`-r`,
/// `-c`, `--index-url`) are noted and not followed; `-e`/URL lines name no package from the registry
/// and are warned about. A file named `requirements-dev*.txt` or `dev-requirements.txt` states
/// development dependencies. The dependencies hang under the folder's project (see `ProjectJoin`).
public enum PipRequirementsReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProjectDiagnostic.invalidText(format: "a requirements file").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        var document = SBOMDocument(path: path, format: .pipRequirements)
        let project = ProjectJoin.placeholder(forFileAt: path, format: .pipRequirements)
        document.components = [project]
        document.roots = [project.ref]
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let kind: EdgeKind = fileName.contains("dev") || fileName.contains("test") ? .devDependency : .dynamicLink
        var diagnostics = DiagnosticCollector()
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if let hash = line.firstIndex(of: "#"), hash == line.startIndex || line[line.index(before: hash)].isWhitespace {
                line = line[..<hash]
            }
            let content = line.trimmingCharacters
            if content.isEmpty || content.hasPrefix("#") || content.hasPrefix("--hash") { continue }
            let location = SourceLocation(file: path, line: lineNumber, column: line.distance(from: line.startIndex, to: content.startIndex) + 1)
            if content.hasPrefix("-") {
                diagnostics.append(ProjectDiagnostic.optionNotFollowed(String(content)).note(at: location))
                continue
            }
            let requirementText = String(content.prefix { $0 != "\\" }.split(separator: " ").prefix { !$0.hasPrefix("--") }.joined(separator: " "))
            guard let requirement = PythonRequirement(requirementText), !requirementText.contains("://") else {
                diagnostics.append(ProjectDiagnostic.unreadableRequirement(String(content)).warning(at: location))
                continue
            }
            let coordinates = PackageCoordinates(type: "pypi", name: requirement.name, version: requirement.pinnedVersion)
            var dependency = coordinates.component(displayName: requirement.name, location: location, origin: Origin(file: path, format: .pipRequirements))
            if let marker = requirement.marker { dependency.properties[ProjectJoin.markerProperty] = marker }
            document.components.append(dependency)
            document.edges.append(
                Edge(from: project.ref, to: dependency.ref, kind: kind, statedAs: "requirements", location: location,
                    origin: Origin(file: path, format: .pipRequirements, location: location)))
        }
        document.diagnostics = diagnostics.diagnostics
        return document
    }
}
