import PedigreeDiagnostics
import PedigreeModel

/// Reads `.gitmodules`: each submodule is a component built into the project (`static-link`: vendored
/// C and C++ is compiled in), named by its repository URL, so that known components (llama.cpp,
/// ggml) are recognised by their `pkg:github/…` purl.
///
/// Decisions: the file names no version or license; the submodule's license is the license file of
/// its checked-out folder (read by the project join), and a submodule that is not checked out states
/// no license. Keys other than `path` and `url` are ignored.
public enum GitModulesReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProjectDiagnostic.invalidText(format: ".gitmodules").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        var document = SBOMDocument(path: path, format: .gitModules)
        let project = ProjectJoin.placeholder(forFileAt: path, format: .gitModules)
        document.components = [project]
        document.roots = [project.ref]
        var current: (name: String, location: SourceLocation, path: String?, url: String?)?
        func finish() {
            guard let submodule = current else { return }
            current = nil
            guard let url = submodule.url else {
                document.diagnostics.append(ProjectDiagnostic.missingField(field: "url", format: "submodule '\(submodule.name)'").warning(at: submodule.location))
                return
            }
            let folder = submodule.path ?? submodule.name
            var component = VendoredSource.component(url: url, folder: folder, location: submodule.location, file: path, format: .gitModules)
            VendoredSource.declareLicenseFolder(folder, of: &component, in: &document)
            document.components.append(component)
            document.edges.append(Edge(from: project.ref, to: component.ref, kind: .staticLink, statedAs: "submodule",
                location: submodule.location, origin: Origin(file: path, format: .gitModules, location: submodule.location)))
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            let location = SourceLocation(file: path, line: index + 1, column: 1)
            if line.hasPrefix("[") {
                finish()
                let name = line.drop { $0 != "\"" }.dropFirst().prefix { $0 != "\"" }
                current = (String(name), location, nil, nil)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters
            let value = String(line[line.index(after: equals)...].trimmingCharacters)
            if key == "path" { current?.path = value }
            if key == "url" { current?.url = value }
        }
        finish()
        return document
    }
}
