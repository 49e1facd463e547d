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
/// - A license file that installed metadata or `pyproject.toml` names is read into the license it defines.
public enum ProjectJoin {
    /// The component property holding a dependency's environment marker or `extra`.
    static let markerProperty = "python.marker"
    private static let placeholderPrefix = "project-folder:"

    /// The project of the folder holding `path`, for files that do not name it.
    static func placeholder(forFileAt path: String, format: InputFormat) -> Component {
        let folder = folderPath(of: path)
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
        for index in projectIndices {
            guard var document = files[index].document else { continue }
            resolveVersions(&document, versions: versions)
            adoptFolderProject(&document, projects: projects)
            readLicenseFiles(&document, readFile: readFile)
            files[index].document = document
        }
    }

    static func isProjectFormat(_ format: InputFormat) -> Bool {
        [.pythonMetadata, .pyproject, .pipRequirements, .uvLock, .poetryLock].contains(format)
    }

    /// Unversioned purl → versioned purl and version: installed packages first, then locked ones.
    private static func knownVersions(_ documents: [SBOMDocument]) -> [String: (purl: String, version: String)] {
        var result: [String: (purl: String, version: String)] = [:]
        for installedOnly in [true, false] {
            for document in documents where (document.format == .pythonMetadata) == installedOnly {
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
        for document in documents where document.format == .pyproject {
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
        for (id, license) in document.extractedLicenses where license.text == nil {
            guard let file = license.name else { continue }
            let candidates = document.format == .pythonMetadata ? ["\(folder)/licenses/\(file)", "\(folder)/\(file)"] : ["\(folder)/\(file)"]
            if let bytes = candidates.lazy.compactMap(readFile).first, let text = String(validating: bytes, as: UTF8.self) {
                document.extractedLicenses[id]?.text = text
            } else {
                let package = document.components.first?.name ?? document.path
                document.diagnostics.append(ProjectDiagnostic.licenseFileMissing(file: file, package: package).warning(at: license.location))
            }
        }
    }

    static func folderPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
