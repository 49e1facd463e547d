import PedigreeDiagnostics
import PedigreeModel

/// Project files (manifests, lockfiles, installed package metadata) are not self-describing: a
/// `uv.lock` is TOML and a `METADATA` file is mail headers, so they are recognised by their names,
/// and their readers then check the content.
public enum ProjectFileKind {
    /// The project format of the file at `path`, judged by its name (and its folder's, for metadata).
    public static func format(ofPath path: String) -> InputFormat? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let name = parts.last else { return nil }
        let folder = parts.dropLast().last ?? ""
        switch name {
        case "METADATA" where folder.hasSuffix(".dist-info"): return .pythonMetadata
        case "PKG-INFO" where folder.hasSuffix(".egg-info"): return .pythonMetadata
        case "pyproject.toml": return .pyproject
        case "uv.lock": return .uvLock
        case "poetry.lock": return .poetryLock
        default: break
        }
        if name.hasPrefix("requirements"), name.hasSuffix(".txt") { return .pipRequirements }
        return nil
    }

    /// The readers of project files, all given the file's bytes.
    static let readers: [FormatReader] = [
        FormatReader(format: .pythonMetadata) { input, path, limits throws(InputError) in
            try PythonMetadataReader.read(bytes(input, .pythonMetadata, path), path: path, limits: limits)
        },
        FormatReader(format: .pyproject) { input, path, limits throws(InputError) in
            try PyProjectReader.read(bytes(input, .pyproject, path), path: path, limits: limits)
        },
        FormatReader(format: .pipRequirements) { input, path, limits throws(InputError) in
            try PipRequirementsReader.read(bytes(input, .pipRequirements, path), path: path, limits: limits)
        },
        FormatReader(format: .uvLock) { input, path, limits throws(InputError) in
            try PythonLockReader.read(bytes(input, .uvLock, path), path: path, format: .uvLock, limits: limits)
        },
        FormatReader(format: .poetryLock) { input, path, limits throws(InputError) in
            try PythonLockReader.read(bytes(input, .poetryLock, path), path: path, format: .poetryLock, limits: limits)
        },
    ]

    private static func bytes(_ input: ReaderInput, _ format: InputFormat, _ path: String) throws(InputError) -> [UInt8] {
        guard case .bytes(let bytes) = input else { throw FormatReader.mismatch(format, path) }
        return bytes
    }
}
