import PedigreeDiagnostics
import PedigreeModel

/// Reads a `conanfile.txt`: `[requires]` references (`zlib/1.3.1`, `fmt/10.2.1@user/channel`) are
/// libraries built into the project (`static-link`); `[tool_requires]` and `[build_requires]` are
/// build tools (`build-dependency`). The file states no licenses (Conan's recipes do).
public enum ConanfileReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProjectDiagnostic.invalidText(format: "conanfile.txt").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        var document = SBOMDocument(path: path, format: .conanfile)
        let project = ProjectJoin.placeholder(forFileAt: path, format: .conanfile)
        let origin = Origin(file: path, format: .conanfile)
        document.components = [project]
        document.roots = [project.ref]
        var kind: EdgeKind?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                switch line {
                case "[requires]": kind = .staticLink
                case "[tool_requires]", "[build_requires]": kind = .buildDependency
                default: kind = nil
                }
                continue
            }
            guard let kind else { continue }
            let reference = line.prefix { $0 != "@" && $0 != "#" && $0 != " " }
            let parts = reference.split(separator: "/", maxSplits: 1)
            guard let name = parts.first else { continue }
            let location = SourceLocation(file: path, line: index + 1, column: 1)
            let coordinates = PackageCoordinates(type: "conan", name: String(name), version: parts.count > 1 ? String(parts[1]) : nil)
            document.components.append(coordinates.component(displayName: String(name), location: location, origin: origin))
            document.edges.append(Edge(from: project.ref, to: coordinates.ref, kind: kind, statedAs: "conanfile.txt", location: location,
                origin: Origin(file: path, format: .conanfile, location: location)))
        }
        return document
    }
}
