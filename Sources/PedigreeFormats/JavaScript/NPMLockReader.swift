import PedigreeDiagnostics
import PedigreeModel
import SafeJSON

/// Reads `package-lock.json` v2 and v3: its `packages` map, keyed by install path (`""` is the
/// project, `node_modules/a/node_modules/b` a nested copy), gives every package, its version, its
/// `dev` flag and its dependencies; `license` only when npm happened to write it (absent is unknown).
///
/// Decisions: a dependency resolves the way Node does, to the nearest `node_modules/<name>` from the
/// requiring package's folder up to the project's; one that resolves to nothing and is optional is
/// left out, any other becomes a versionless component named at its line. A v1 lockfile (npm 6 and
/// earlier, no `packages` map) is a warning and read for nothing: `node_modules` says what is installed.
public enum NPMLockReader {
    public static func read(json: JSONValue, path: String) -> SBOMDocument {
        var document = SBOMDocument(path: path, format: .npmLock)
        document.specVersion = json["lockfileVersion"].flatMap { $0.int.map(String.init) }
        guard let packages = json["packages"]?.object else {
            document.diagnostics.append(
                ProjectDiagnostic.missingField(field: "packages", format: "a package-lock.json (lockfile v1 is not read; npm 7 and later write v2)")
                    .warning(at: json.location(in: path)))
            return document
        }
        let origin = Origin(file: path, format: .npmLock)
        var byPath: [String: PackageCoordinates] = [:]
        for (installPath, entry) in packages.members {
            let name = entry["name"]?.string ?? Self.name(fromInstallPath: installPath)
            guard let name, !name.isEmpty else { continue }
            let coordinates = PackageCoordinates(type: "npm", name: name, version: entry["version"]?.string)
            byPath[installPath] = coordinates
            var component = coordinates.component(
                displayName: name, location: entry.location(in: path), origin: origin, kind: installPath.isEmpty ? ComponentKind.application : ComponentKind.library)
            component.declaredLicense = NPMPackageReader.license(of: entry, package: coordinates, path: path, document: &document)
            if installPath.isEmpty { document.roots = [component.ref] }
            if !document.components.contains(where: { $0.ref == component.ref }) { document.components.append(component) }
        }
        var refs = Set(document.components.map(\.ref))
        for (installPath, entry) in packages.members {
            guard let from = byPath[installPath]?.ref else { continue }
            var keys: [(String, EdgeKind)] = [("dependencies", .dynamicLink), ("optionalDependencies", .dynamicLink)]
            if installPath.isEmpty { keys.append(("devDependencies", .devDependency)) }
            for (key, kind) in keys {
                for (name, value) in entry[key]?.object?.members ?? [] {
                    let location = value.location(in: path)
                    let target = resolve(name, from: installPath, in: byPath)
                    if target == nil, key == "optionalDependencies" { continue }
                    let coordinates = target ?? PackageCoordinates(type: "npm", name: name)
                    if refs.insert(coordinates.ref).inserted {
                        document.components.append(coordinates.component(displayName: name, location: location, origin: origin))
                    }
                    document.edges.append(
                        Edge(from: from, to: coordinates.ref, kind: kind, statedAs: key, location: location,
                            origin: Origin(file: path, format: .npmLock, location: location)))
                }
            }
        }
        return document
    }

    /// `node_modules/@scope/name` → `@scope/name`; nil for paths outside `node_modules` (workspaces).
    static func name(fromInstallPath path: String) -> String? {
        guard let range = path.lastRange(of: "node_modules/") else { return nil }
        return String(path[range.upperBound...])
    }

    /// Node's lookup: `<from>/node_modules/<name>`, then each enclosing package's, up to the project's.
    static func resolve(_ name: String, from installPath: String, in packages: [String: PackageCoordinates]) -> PackageCoordinates? {
        var base = installPath
        while true {
            if let found = packages[(base.isEmpty ? "" : base + "/") + "node_modules/" + name] { return found }
            if base.isEmpty { return nil }
            guard let range = base.lastRange(of: "node_modules/") else {
                base = ""
                continue
            }
            base = String(base[..<range.lowerBound])
            if base.hasSuffix("/") { base.removeLast() }
        }
    }
}

extension String {
    func lastRange(of needle: String) -> Range<String.Index>? {
        var found: Range<String.Index>?
        var searchStart = startIndex
        while let range = self[searchStart...].firstRange(of: needle) {
            found = range
            searchStart = index(after: range.lowerBound)
        }
        return found
    }
}
