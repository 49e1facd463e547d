import PedigreeDiagnostics
import PedigreeModel
import SafeJSON

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
        case "package.json": return .npmPackage
        case "package-lock.json": return .npmLock
        case "Cargo.toml": return .cargoManifest
        case "Cargo.lock": return .cargoLock
        case "go.mod": return .goMod
        case "modules.txt" where folder == "vendor": return .goVendorModules
        case ".gitmodules": return .gitModules
        case "CMakeLists.txt": return .cmakeLists
        case "conanfile.txt": return .conanfile
        case "vcpkg.json": return .vcpkgManifest
        case "MLmodel": return .mlflowModel
        default: break
        }
        if name.hasPrefix("requirements"), name.hasSuffix(".txt") { return .pipRequirements }
        if name == "Modelfile" || name.hasSuffix(".Modelfile") || name.hasPrefix("Modelfile.") { return .ollamaModelfile }
        if isVendoredLicense(path, parts) { return .vendoredLicense }
        return nil
    }

    /// `vendor/<name>/LICENSE`, `third_party/<name>/COPYING`…, in a folder that is not a package of
    /// its own (one with a `Cargo.toml`, `package.json` or `go.mod` is read through that manifest).
    private static func isVendoredLicense(_ path: String, _ parts: [Substring]) -> Bool {
        guard parts.count >= 3, let name = parts.last, ProjectLicenseFiles.isLicenseFileName(String(name)),
            VendoredLicenseReader.vendorFolders.contains(String(parts[parts.count - 3]))
        else { return false }
        let folder = ProjectJoin.folderPath(of: path)
        return ["Cargo.toml", "package.json", "go.mod"].allSatisfy { SafeFile.entry(at: folder + "/" + $0) != .regularFile }
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
        FormatReader(format: .npmPackage) { input, path, limits throws(InputError) in
            NPMPackageReader.read(json: try JSONParser.parse(bytes(input, .npmPackage, path), file: path, limits: limits), path: path)
        },
        FormatReader(format: .npmLock) { input, path, limits throws(InputError) in
            NPMLockReader.read(json: try JSONParser.parse(bytes(input, .npmLock, path), file: path, limits: limits), path: path)
        },
        FormatReader(format: .cargoManifest) { input, path, limits throws(InputError) in
            try CargoManifestReader.read(bytes(input, .cargoManifest, path), path: path, limits: limits)
        },
        FormatReader(format: .cargoLock) { input, path, limits throws(InputError) in
            try CargoLockReader.read(bytes(input, .cargoLock, path), path: path, limits: limits)
        },
        FormatReader(format: .goMod) { input, path, limits throws(InputError) in
            try GoModReader.read(bytes(input, .goMod, path), path: path, limits: limits)
        },
        FormatReader(format: .goVendorModules) { input, path, limits throws(InputError) in
            try GoVendorModulesReader.read(bytes(input, .goVendorModules, path), path: path, limits: limits)
        },
        FormatReader(format: .gitModules) { input, path, limits throws(InputError) in
            try GitModulesReader.read(bytes(input, .gitModules, path), path: path, limits: limits)
        },
        FormatReader(format: .cmakeLists) { input, path, limits throws(InputError) in
            try CMakeDependencyReader.read(bytes(input, .cmakeLists, path), path: path, limits: limits)
        },
        FormatReader(format: .conanfile) { input, path, limits throws(InputError) in
            try ConanfileReader.read(bytes(input, .conanfile, path), path: path, limits: limits)
        },
        FormatReader(format: .vcpkgManifest) { input, path, limits throws(InputError) in
            try VcpkgManifestReader.read(bytes(input, .vcpkgManifest, path), path: path, limits: limits)
        },
        FormatReader(format: .vendoredLicense) { input, path, limits throws(InputError) in
            try VendoredLicenseReader.read(bytes(input, .vendoredLicense, path), path: path, limits: limits)
        },
        FormatReader(format: .ollamaModelfile) { input, path, limits throws(InputError) in
            try OllamaModelfileReader.read(bytes(input, .ollamaModelfile, path), path: path, limits: limits)
        },
        FormatReader(format: .mlflowModel) { input, path, limits throws(InputError) in
            try MLflowModelReader.read(bytes(input, .mlflowModel, path), path: path, limits: limits)
        },
    ]

    private static func bytes(_ input: ReaderInput, _ format: InputFormat, _ path: String) throws(InputError) -> [UInt8] {
        guard case .bytes(let bytes) = input else { throw FormatReader.mismatch(format, path) }
        return bytes
    }
}
