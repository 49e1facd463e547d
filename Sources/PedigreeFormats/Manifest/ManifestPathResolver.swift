import PedigreeDiagnostics
import PedigreeModel

/// Resolves the paths a manifest names (includes, cards) against the manifest's folder, refusing to
/// follow symlinks anywhere along the way.
///
/// `..` is allowed (a manifest may sit beside the folders it names), but each component of the path
/// below the manifest's folder is checked with `lstat` before the next one is used: a symlink at any
/// step would let a manifest reach outside what it appears to name, so it is refused, not followed.
/// Because no step is a symlink, collapsing `name/..` lexically keeps the meaning.
struct ManifestPathResolver {
    /// The folder of the manifest, as given (`.` when the manifest path has no folder).
    let folder: String

    init(manifestPath: String) {
        if let slash = manifestPath.lastIndex(of: "/") {
            folder = slash == manifestPath.startIndex ? "/" : String(manifestPath[..<slash])
        } else {
            folder = "."
        }
    }

    enum Failure: Error, Equatable {
        case empty
        case absolute
        case missing(String)
        case symlink(String)
        case notAFolder(String)
        case special(String, String)
    }

    /// The path `relative` names, resolved and normalised, or why it cannot be used.
    func resolve(_ relative: String) -> Result<String, Failure> {
        guard !relative.isEmpty else { return .failure(.empty) }
        guard !relative.hasPrefix("/") else { return .failure(.absolute) }
        let components = relative.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        var current = folder
        for (index, component) in components.enumerated() {
            current = current == "/" ? "/" + component : current + "/" + component
            let isLast = index == components.count - 1
            if component == ".." { continue }
            switch SafeFile.entry(at: current) {
            case .missing: return .failure(.missing(Manifest.normalizedPath(current)))
            case .symlink: return .failure(.symlink(Manifest.normalizedPath(current)))
            case .regularFile:
                if !isLast { return .failure(.notAFolder(Manifest.normalizedPath(current))) }
            case .directory: break
            case .other(let kind): return .failure(.special(Manifest.normalizedPath(current), kind))
            }
        }
        return .success(Manifest.normalizedPath(current))
    }

    /// The diagnostic for a failure, positioned at the value that named the path.
    static func diagnostic(_ failure: Failure, key: String, written: String, at location: SourceLocation) -> Diagnostic {
        switch failure {
        case .empty:
            return .error("manifest.invalid-path", "expected a path for '\(key)', found an empty string", at: location)
        case .absolute:
            return .error(
                "manifest.absolute-path",
                "'\(written)' in '\(key)' is an absolute path; expected a path relative to the manifest's folder",
                at: location)
        case .missing(let path):
            return .error("manifest.path-not-found", "'\(written)' in '\(key)' names '\(path)', which does not exist", at: location)
        case .symlink(let path):
            return .error(
                "manifest.path-symlink",
                "'\(written)' in '\(key)' goes through the symbolic link '\(path)'; links are not followed, name the target instead",
                at: location)
        case .notAFolder(let path):
            return .error(
                "manifest.path-not-found", "'\(written)' in '\(key)' goes through '\(path)', which is a file, not a folder",
                at: location)
        case .special(let path, let kind):
            return .error(
                "manifest.path-not-regular", "'\(written)' in '\(key)' names '\(path)', a \(kind), not a file or folder",
                at: location)
        }
    }
}
