import PedigreeDiagnostics
import PedigreeModel
import SafeTOML

/// Reads `uv.lock` and `poetry.lock`: every locked package with its version, and the edges between
/// them. Lockfiles carry no licenses: a locked package's license comes from its installed metadata
/// (the project join makes them one component), else it stays unknown.
///
/// Decisions: a `uv.lock` package whose source is the project folder itself (`editable`, `virtual`
/// = `.`) is the project, and the lock's root; a dependency is the locked package of that name (a
/// name locked in several versions for different markers takes the first); a dependency under
/// `optional-dependencies` or behind a marker counts only if installed; uv's `dev-dependencies` and a
/// Poetry package of `category = "dev"` are development dependencies.
public enum PythonLockReader {
    public static func read(
        _ bytes: [UInt8], path: String, format: InputFormat, limits: InputLimits = .default
    ) throws(InputError) -> SBOMDocument {
        let root = try TOMLParser.parse(bytes, file: path, limits: limits)
        var reader = ProjectTOMLDocument(path: path, format: format)
        reader.document.specVersion = root["version"].flatMap(Self.rawText) ?? root["metadata"]?["lock-version"]?.string
        let packages = root["package"]?.array ?? []
        var locked: [String: PackageCoordinates] = [:]
        for package in packages {
            guard let name = package["name"]?.string else {
                reader.document.diagnostics.append(
                    ProjectDiagnostic.missingField(field: "name", format: "a locked package").warning(at: package.location(in: path)))
                continue
            }
            let coordinates = PackageCoordinates(type: "pypi", name: name, version: package["version"]?.string)
            if locked[coordinates.name] == nil { locked[coordinates.name] = coordinates }
            let isProject = ["editable", "virtual"].contains { package["source"]?[$0]?.string == "." }
            var component = coordinates.component(
                displayName: name, location: package.location(in: path), origin: reader.origin, kind: isProject ? .application : .library)
            if package["category"]?.string == "dev" { component.properties["python.category"] = "dev" }
            if isProject { reader.document.roots.append(component.ref) }
            reader.add(component)
        }
        for package in packages {
            guard let name = package["name"]?.string else { continue }
            let from = PackageCoordinates(type: "pypi", name: name, version: package["version"]?.string).ref
            reader.lockedDependencies(package, from: from, locked: locked)
        }
        return reader.document
    }

    private static func rawText(_ value: TOMLValue) -> String? {
        switch value.kind {
        case .integer(let raw), .string(let raw): raw
        default: nil
        }
    }
}

extension ProjectTOMLDocument {
    /// The edges of one locked package: uv's `dependencies` / `dev-dependencies` arrays of
    /// `{ name = … }`, or Poetry's `[package.dependencies]` table of name → constraint.
    mutating func lockedDependencies(_ package: TOMLValue, from: ComponentRef, locked: [String: PackageCoordinates]) {
        func add(_ name: String, at value: TOMLValue, kind: EdgeKind, statedAs: String, marker: String?) {
            let version = locked[PackageCoordinates(type: "pypi", name: name).name]?.version
            dependency(named: name, at: value, from: from, kind: kind, statedAs: statedAs, marker: version == nil ? marker : nil, version: version)
        }
        if let entries = package["dependencies"]?.array {
            for entry in entries {
                guard let name = entry["name"]?.string else { continue }
                add(name, at: entry, kind: .dynamicLink, statedAs: "dependencies", marker: entry["marker"]?.string)
            }
        } else if let table = package["dependencies"]?.table {
            for (name, value) in table.entries {
                let optional = value["optional"]?.bool ?? false
                add(name, at: value, kind: .dynamicLink, statedAs: "dependencies", marker: optional ? "extra" : value["markers"]?.string)
            }
        }
        for (_, entries) in package["dev-dependencies"]?.table?.entries ?? [] {
            for entry in entries.array ?? [] {
                guard let name = entry["name"]?.string else { continue }
                add(name, at: entry, kind: .devDependency, statedAs: "dev-dependencies", marker: entry["marker"]?.string)
            }
        }
    }
}
