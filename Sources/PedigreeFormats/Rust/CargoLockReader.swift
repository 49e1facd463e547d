import PedigreeDiagnostics
import PedigreeModel
import SafeTOML

/// Reads a `Cargo.lock` (v3 and v4): every locked crate and the edges between them (`static-link`).
/// A lockfile carries no licenses: a crate's license comes from its vendored `Cargo.toml`, else it
/// stays unknown.
///
/// Decisions: a dependency entry is `name`, `name version` or `name version (source)`; a bare name
/// is the one crate locked under it; a crate without `source` is a member of the workspace (the project).
public enum CargoLockReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        let root = try TOMLParser.parse(bytes, file: path, limits: limits)
        var reader = ProjectTOMLDocument(path: path, format: .cargoLock)
        reader.document.specVersion = root["version"].flatMap { if case .integer(let raw) = $0.kind { raw } else { nil } }
        let packages = root["package"]?.array ?? []
        var byName: [String: [PackageCoordinates]] = [:]
        for package in packages {
            guard let name = package["name"]?.string else { continue }
            let coordinates = PackageCoordinates(type: "cargo", name: name, version: package["version"]?.string)
            byName[name, default: []].append(coordinates)
            let isMember = package["source"] == nil
            reader.add(coordinates.component(displayName: name, location: package.location(in: path), origin: reader.origin,
                kind: isMember ? .application : .library))
            if isMember { reader.document.roots.append(coordinates.ref) }
        }
        for package in packages {
            guard let name = package["name"]?.string else { continue }
            let from = PackageCoordinates(type: "cargo", name: name, version: package["version"]?.string).ref
            for entry in package["dependencies"]?.array ?? [] {
                guard let text = entry.string else { continue }
                let words = text.split(separator: " ")
                guard let depName = words.first.map(String.init) else { continue }
                let version = words.count > 1 ? String(words[1]) : byName[depName]?.first?.version
                reader.dependency(named: depName, at: entry, from: from, kind: .staticLink, statedAs: "Cargo.lock",
                    version: version, type: "cargo")
            }
        }
        if reader.document.roots.count > 1 { reader.document.roots = [] }
        return reader.document
    }
}
