import PedigreeDiagnostics

/// Lists the files of an input folder that Pedigree reads, the way a project is laid out.
///
/// Decisions:
/// - Hidden entries are skipped (`.git`, `.build`, `.cache`), except `.gitmodules` and a hidden
///   virtual environment (a folder holding `pyvenv.cfg`, such as `.venv`).
/// - Build outputs are skipped without being listed: `__pycache__` everywhere, and `build`, `dist`,
///   `target` and `out` beside a project manifest that produces them.
/// - Installed packages are read for their metadata only: in `node_modules`, each package's
///   `package.json` (and its own `node_modules`); in `site-packages`, each `*.dist-info/METADATA` and
///   `*.egg-info/PKG-INFO`; in a virtual environment, only its `lib*/python*/site-packages`.
/// - Symbolic links are never followed, except inside a Hugging Face Hub cache snapshot
///   (`HubCacheFolder`); outside installed-package folders each one skipped is a warning.
/// - Folders nest at most `maxDepth` levels below the input; deeper ones are a warning, not read.
public struct ProjectFolderWalk {
    public static let maxDepth = 64

    /// What a folder is, which decides what of it is listed.
    enum Place {
        case ordinary
        case virtualEnvironment
        case virtualEnvironmentLib
        case sitePackages
        case distInfo
        case nodeModules
        case nodeScope
        case nodePackage
        /// `models--<org>--<name>`: only its chosen snapshot is read.
        case hubCacheRepository
        /// A snapshot of the Hub cache, whose files are links into the repository's blobs.
        case hubSnapshot
    }

    private static let buildOutputs: Set<String> = ["build", "dist", "target", "out"]
    private static let projectManifests: Set<String> = [
        "pyproject.toml", "setup.py", "package.json", "Cargo.toml", "CMakeLists.txt", "go.mod",
    ]

    /// The files below `root` to read, in sorted order.
    public static func files(under root: String, diagnostics: inout DiagnosticCollector) -> [String] {
        var result: [String] = []
        var pending: [(path: String, place: Place, depth: Int)] = [(root, startingPlace(root), 0)]
        while let (folder, place, depth) = pending.popLast() {
            if place == .hubCacheRepository {
                if let snapshot = HubCacheFolder.snapshot(in: folder, diagnostics: &diagnostics) {
                    pending.append((snapshot, .hubSnapshot, depth + 2))
                }
                continue
            }
            let names: [String]
            switch SafeFile.names(in: folder) {
            case .success(let listed): names = listed
            case .failure(let error):
                diagnostics.append(Diagnostic(.warning, code: error.diagnostic.code, error.diagnostic.message, at: error.diagnostic.location))
                continue
            }
            let siblings = Set(names)
            for name in names.reversed() {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                guard let decision = decide(name, in: place, siblings: siblings) else { continue }
                switch (SafeFile.entry(at: path), decision) {
                case (.regularFile, .take), (.regularFile, .takeOrDescend):
                    result.append(path)
                case (.directory, .descend(let inner)), (.directory, .takeOrDescend(let inner)):
                    guard depth < maxDepth else {
                        diagnostics.warning("input.folder-too-deep", "'\(path)' is more than \(maxDepth) folders deep; not read",
                            at: SourceLocation(file: path, line: 0, column: 0))
                        continue
                    }
                    if inner == .ordinary, name.hasPrefix("."), !isVirtualEnvironment(path) { continue }
                    pending.append((path, inner == .ordinary && isVirtualEnvironment(path) ? .virtualEnvironment : inner, depth + 1))
                case (.symlink, _) where place == .hubSnapshot:
                    if HubCacheFolder.linkedFile(path) != nil {
                        result.append(path)
                    } else {
                        diagnostics.warning(
                            "input.symlink-skipped",
                            "skipped symbolic link '\(path)': it does not lead to a file inside its Hub cache repository",
                            at: SourceLocation(file: path, line: 0, column: 0))
                    }
                case (.symlink, _) where place == .ordinary:
                    diagnostics.warning(
                        "input.symlink-skipped", "skipped symbolic link '\(path)': links are not followed in folders",
                        at: SourceLocation(file: path, line: 0, column: 0))
                case (.other(let kind), _) where place == .ordinary:
                    diagnostics.warning(
                        "input.special-file-skipped", "skipped '\(path)': a \(kind), not a regular file",
                        at: SourceLocation(file: path, line: 0, column: 0))
                default:
                    break
                }
            }
        }
        return result.sorted()
    }

    enum Decision: Equatable {
        case take
        case descend(Place)
        /// A file is read, a folder is entered as `Place` (names that may be either).
        case takeOrDescend(Place)
    }

    /// What to do with the entry `name` of a folder that is `place`; nil skips it.
    static func decide(_ name: String, in place: Place, siblings: Set<String>) -> Decision? {
        switch place {
        case .ordinary:
            if name == ".gitmodules" { return .take }
            if name == "__pycache__" { return nil }
            if buildOutputs.contains(name), !siblings.isDisjoint(with: projectManifests) { return nil }
            if name == "node_modules" { return .descend(.nodeModules) }
            if HubCacheFolder.isRepositoryFolder(name) { return .descend(.hubCacheRepository) }
            if name == "site-packages" || name == "dist-packages" { return .descend(.sitePackages) }
            if name.hasPrefix("."), name != ".venv" { return .descend(.ordinary) }
            return .takeOrDescend(.ordinary)
        case .virtualEnvironment:
            return name == "lib" || name == "Lib" || name.hasPrefix("python") ? .descend(.virtualEnvironmentLib) : nil
        case .virtualEnvironmentLib:
            if name == "site-packages" { return .descend(.sitePackages) }
            return name.hasPrefix("python") ? .descend(.virtualEnvironmentLib) : nil
        case .sitePackages:
            return name.hasSuffix(".dist-info") || name.hasSuffix(".egg-info") ? .descend(.distInfo) : nil
        case .distInfo:
            return name == "METADATA" || name == "PKG-INFO" ? .take : nil
        case .nodeModules:
            if name.hasPrefix("@") { return .descend(.nodeScope) }
            return name.hasPrefix(".") ? nil : .descend(.nodePackage)
        case .nodeScope:
            return .descend(.nodePackage)
        case .nodePackage:
            if name == "package.json" { return .take }
            return name == "node_modules" ? .descend(.nodeModules) : nil
        case .hubCacheRepository:
            return nil
        case .hubSnapshot:
            return name.hasPrefix(".") ? nil : .takeOrDescend(.hubSnapshot)
        }
    }

    /// A walk may start inside the Hub cache: at a repository folder or at one of its snapshots.
    static func startingPlace(_ root: String) -> Place {
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        if HubCacheFolder.isRepositoryFolder(name) { return .hubCacheRepository }
        if HubCacheFolder.repositoryFolder(of: trimmed + "/.") != nil { return .hubSnapshot }
        return .ordinary
    }

    private static func isVirtualEnvironment(_ path: String) -> Bool {
        SafeFile.entry(at: path + "/pyvenv.cfg") == .regularFile
    }
}
