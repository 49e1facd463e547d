import PedigreeDiagnostics
import PedigreeModel

/// Reads `vendor/modules.txt`, written by `go mod vendor`: each `# module version` line is a vendored
/// module, whose license is the license file copied into `vendor/<module>/` (read by the project join
/// and identified by the license layer).
///
/// Decisions: `# module version => replacement version` takes the replacement; a replacement by a
/// local folder keeps the module; package lines and `## explicit` markers state no component. The
/// modules hang under the project of the folder that holds `vendor/` (its `go.mod`), linked statically.
public enum GoVendorModulesReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProjectDiagnostic.invalidText(format: "vendor/modules.txt").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        var document = SBOMDocument(path: path, format: .goVendorModules)
        let origin = Origin(file: path, format: .goVendorModules)
        let projectFolder = ProjectJoin.folderPath(of: ProjectJoin.folderPath(of: path))
        let project = ProjectJoin.placeholder(forFolder: projectFolder, file: path, format: .goVendorModules)
        document.components = [project]
        document.roots = [project.ref]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasPrefix("# ") else { continue }
            var words = line.dropFirst(2).split(separator: " ")
            if let arrow = words.firstIndex(of: "=>"), words.count == arrow + 3 { words = Array(words[(arrow + 1)...]) }
            guard words.count >= 2, let module = words.first, !module.hasPrefix(".") && !module.hasPrefix("/") else { continue }
            let location = SourceLocation(file: path, line: index + 1, column: 3)
            let coordinates = PackageCoordinates(type: "golang", name: String(module), version: String(words[1]))
            var component = coordinates.component(displayName: String(module), location: location, origin: origin)
            let id = ProjectLicenseFiles.licenseRef(package: coordinates.unversioned, file: "LICENSE")
            document.extractedLicenses[id] = ExtractedLicense(id: id, name: String(module) + "/", location: location)
            component.declaredLicense = LicenseStatement(LicenseText(id, form: .expression, location: location))
            document.components.append(component)
            document.edges.append(Edge(from: project.ref, to: coordinates.ref, kind: .staticLink, statedAs: "vendor/modules.txt",
                location: location, origin: Origin(file: path, format: .goVendorModules, location: location)))
        }
        return document
    }
}
