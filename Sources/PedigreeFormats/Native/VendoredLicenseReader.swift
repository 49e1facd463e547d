import PedigreeDiagnostics
import PedigreeModel

/// Reads the license file of a vendored folder (`third_party/<name>/LICENSE`, `vendor/<name>/COPYING`):
/// the folder is a component built into the project (`static-link`), licensed by that text.
///
/// Decisions: the component is named by its folder, so that a submodule or CMake fetch of the same
/// folder is the same component; a folder holding its own package manifest is that package's, and is
/// not read this way (see `ProjectFileKind`).
public enum VendoredLicenseReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let text = String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self) else {
            throw ProjectDiagnostic.invalidText(format: "a license file").error(at: start)
        }
        let folder = ProjectJoin.folderPath(of: path)
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        var document = SBOMDocument(path: path, format: .vendoredLicense)
        let project = ProjectJoin.placeholder(
            forFolder: ProjectJoin.folderPath(of: ProjectJoin.folderPath(of: folder)), file: path, format: .vendoredLicense)
        let id = VendoredSource.licenseRef(folderName: name)
        document.extractedLicenses[id] = ExtractedLicense(id: id, text: text, location: start)
        let component = Component(
            ref: ComponentRef("vendored:" + name), name: name, kind: .library,
            declaredLicense: LicenseStatement(LicenseText(id, form: .expression, location: start)), location: start,
            origins: [Origin(file: path, format: .vendoredLicense, location: start)])
        document.components = [project, component]
        document.roots = [project.ref]
        document.edges = [Edge(from: project.ref, to: component.ref, kind: .staticLink, statedAs: "vendored folder", location: start,
            origin: Origin(file: path, format: .vendoredLicense, location: start))]
        return document
    }

    /// The folder names under which a project keeps other projects' code.
    static let vendorFolders: Set<String> = ["vendor", "third_party", "third-party", "thirdparty", "3rdparty", "external", "extern", "deps"]
}
