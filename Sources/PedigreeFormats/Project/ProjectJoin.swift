import PedigreeDiagnostics
import PedigreeModel

/// Joins what the files of a project say about the same packages, after they were read one by one.
///
/// - A dependency stated without a version (`requests>=2` in `pyproject.toml`, a `Requires-Dist`)
///   takes the version of the installed package of that name, else of the locked one, so that the
///   merge makes them one component with every origin; with neither it stays versionless, with no
///   license, named at the line that declared it (never invented).
/// - A dependency that applies only under an environment marker or an optional extra, and that is
///   neither installed nor locked, is left out: it does not apply to this environment.
/// - A file that states dependencies but not the project (a `requirements.txt`) hangs them under a
///   placeholder for its folder's project, which becomes the project the folder's own manifest names.
/// - A license file a project file names is read into the license it defines (a name ending in `/`
///   is a folder: its `LICENSE`, `COPYING`… file); a license file that is not there leaves the
///   package without that license, with a warning, rather than with an empty text.
/// - A model file a Modelfile names and that was read in the same run (a GGUF) is that run's
///   component, not a second one.
public enum ProjectJoin {
    /// The component property holding a dependency's condition: an environment marker, `extra`, `optional`.
    static let markerProperty = "project.condition"
    /// The component property holding the path of a file another file names (`FROM ./model.gguf`).
    static let referencedFileProperty = "project.file"
    private static let placeholderPrefix = "project-folder:"
    /// The names `go mod vendor` and checkouts give license files, tried in order in a named folder.
    static let licenseFileNames = ["LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "COPYING", "LICENSE-MIT", "LICENSE-APACHE", "UNLICENSE"]

    /// The project of the folder holding `path`, for files that do not name it.
    static func placeholder(forFileAt path: String, format: InputFormat) -> Component {
        placeholder(forFolder: folderPath(of: path), file: path, format: format)
    }

    /// The project of `folder`, stated by `file`.
    static func placeholder(forFolder folder: String, file path: String, format: InputFormat) -> Component {
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        let location = SourceLocation(file: path, line: 1, column: 1)
        return Component(
            ref: ComponentRef(placeholderPrefix + folder), name: name, kind: .application, location: location,
            origins: [Origin(file: path, format: format, location: location)])
    }

    /// Joins the documents of `files` in place; `readFile` gives the bytes of a license file, or nil.
    static func join(_ files: inout [LoadedFile], readFile: (String) -> [UInt8]?) {
        let projectIndices = files.indices.filter { files[$0].document.map { isProjectFormat($0.format) } ?? false }
        guard !projectIndices.isEmpty else { return }
        let versions = knownVersions(projectIndices.compactMap { files[$0].document })
        let projects = folderProjects(projectIndices.compactMap { files[$0].document })
        let readPaths = Set(files.filter { !($0.document?.components.isEmpty ?? true) }.map(\.path))
        for index in projectIndices {
            guard var document = files[index].document else { continue }
            resolveVersions(&document, versions: versions)
            adoptFolderProject(&document, projects: projects)
            readLicenseFiles(&document, readFile: readFile)
            document.components.removeAll { $0.properties[referencedFileProperty].map(readPaths.contains) ?? false }
            files[index].document = document
        }
    }

    static func isProjectFormat(_ format: InputFormat) -> Bool {
        [
            .pythonMetadata, .pyproject, .pipRequirements, .uvLock, .poetryLock, .npmPackage, .npmLock, .cargoManifest,
            .cargoLock, .goMod, .goVendorModules, .gitModules, .cmakeLists, .conanfile, .vcpkgManifest, .vendoredLicense,
            .ollamaModelfile, .mlflowModel,
        ].contains(format)
    }

    /// Documents that state installed packages (their licenses are facts), rather than declared or locked ones.
    private static func statesInstalledPackages(_ document: SBOMDocument) -> Bool {
        switch document.format {
        case .pythonMetadata, .goVendorModules: true
        case .npmPackage: document.path.contains("node_modules/")
        case .cargoManifest: document.path.contains("vendor/")
        default: false
        }
    }

    /// Unversioned purl → versioned purl and version: installed packages first, then locked ones.
    private static func knownVersions(_ documents: [SBOMDocument]) -> [String: (purl: String, version: String)] {
        var result: [String: (purl: String, version: String)] = [:]
        for installedOnly in [true, false] {
            for document in documents where statesInstalledPackages(document) == installedOnly {
                for component in document.components {
                    guard let purl = component.purl, let version = component.version, let at = purl.lastIndex(of: "@"),
                        purl.hasPrefix("pkg:")
                    else { continue }
                    let key = String(purl[..<at])
                    if result[key] == nil { result[key] = (purl, version) }
                }
            }
        }
        return result
    }

    private static func resolveVersions(_ document: inout SBOMDocument, versions: [String: (purl: String, version: String)]) {
        var dropped: Set<ComponentRef> = []
        for index in document.components.indices {
            let component = document.components[index]
            guard component.version == nil, let purl = component.purl, purl.hasPrefix("pkg:") else { continue }
            if let known = versions[purl] {
                document.components[index].version = known.version
                document.components[index].purl = known.purl
            } else if component.properties[markerProperty] != nil {
                dropped.insert(component.ref)
            }
        }
        guard !dropped.isEmpty else { return }
        document.components.removeAll { dropped.contains($0.ref) }
        document.edges.removeAll { dropped.contains($0.to) }
    }

    /// Folder → the ref of the project its own manifest (`pyproject.toml`) names.
    private static func folderProjects(_ documents: [SBOMDocument]) -> [String: ComponentRef] {
        var result: [String: ComponentRef] = [:]
        for document in documents where [.pyproject, .npmPackage, .cargoManifest, .goMod, .cmakeLists, .vcpkgManifest].contains(document.format)
            && !statesInstalledPackages(document)
        {
            guard let root = document.roots.first, !root.rawValue.hasPrefix(placeholderPrefix) else { continue }
            let folder = folderPath(of: document.path)
            if result[folder] == nil { result[folder] = root }
        }
        return result
    }

    private static func adoptFolderProject(_ document: inout SBOMDocument, projects: [String: ComponentRef]) {
        guard let placeholder = document.roots.first, placeholder.rawValue.hasPrefix(placeholderPrefix),
            let project = projects[String(placeholder.rawValue.dropFirst(placeholderPrefix.count))]
        else { return }
        document.components.removeAll { $0.ref == placeholder }
        document.roots = [project]
        for index in document.edges.indices where document.edges[index].from == placeholder { document.edges[index].from = project }
    }

    /// Fills the text of each license a document names by file, from beside the document.
    private static func readLicenseFiles(_ document: inout SBOMDocument, readFile: (String) -> [UInt8]?) {
        let folder = folderPath(of: document.path)
        var missing: Set<String> = []
        for (id, license) in document.extractedLicenses where license.text == nil {
            guard let file = license.name else { continue }
            if let text = licenseText(file, folder: folder, format: document.format, readFile: readFile) {
                document.extractedLicenses[id]?.text = text
                continue
            }
            missing.insert(id)
            document.extractedLicenses[id] = nil
            let package = document.components.first { $0.declaredLicense?.parts.contains { $0.raw == id } ?? false }?.name ?? document.path
            document.diagnostics.append(ProjectDiagnostic.licenseFileMissing(file: file, package: package).warning(at: license.location))
        }
        guard !missing.isEmpty else { return }
        for index in document.components.indices {
            guard let statement = document.components[index].declaredLicense else { continue }
            let kept = statement.parts.filter { !missing.contains($0.raw) }
            guard kept.count != statement.parts.count else { continue }
            document.components[index].declaredLicense = kept.isEmpty ? nil : LicenseStatement(kept)
        }
    }

    /// The text of `file` (or of the license file in a folder named with a trailing `/`), as UTF-8.
    private static func licenseText(_ file: String, folder: String, format: InputFormat, readFile: (String) -> [UInt8]?) -> String? {
        var candidates: [String]
        if file.hasSuffix("/") {
            candidates = licenseFileNames.map { "\(folder)/\(file)\($0)" }
        } else {
            candidates = ["\(folder)/\(file)"]
            if format == .pythonMetadata { candidates.insert("\(folder)/licenses/\(file)", at: 0) }
        }
        guard var bytes = candidates.lazy.compactMap(readFile).first else { return nil }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(validating: bytes, as: UTF8.self)
    }

    static func folderPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
