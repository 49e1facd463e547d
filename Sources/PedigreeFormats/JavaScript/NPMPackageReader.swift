import PedigreeDiagnostics
import PedigreeModel
import SafeJSON

/// Reads an npm `package.json`: the project itself when it is the folder's own manifest, or an
/// installed package when it sits in `node_modules`, with its license and its dependencies.
///
/// Decisions: `license` is an SPDX expression (`UNLICENSED` and `SEE LICENSE IN <file>` are kept raw
/// for the license layer; the file is read as the license's text); the legacy `license: { type }`
/// object and `licenses: [{ type }]` array are read too, the array as npm's list (a choice). Runtime
/// `dependencies` are `dynamic-link` (Node requires them), `optionalDependencies` count only when
/// installed, `devDependencies` are `dev-dependency`; `peerDependencies` are the host's and not read.
public enum NPMPackageReader {
    public static func read(json: JSONValue, path: String) -> SBOMDocument {
        let isInstalled = path.contains("/node_modules/") || path.hasPrefix("node_modules/")
        var document = SBOMDocument(path: path, format: .npmPackage)
        let origin = Origin(file: path, format: .npmPackage)
        let start = json.location(in: path)
        var package: Component
        if let name = json["name"]?.string, !name.isEmpty {
            let coordinates = PackageCoordinates(type: "npm", name: name, version: json["version"]?.string)
            package = coordinates.component(
                displayName: name, location: json["name"]?.location(in: path) ?? start, origin: origin,
                kind: isInstalled ? .library : .application)
            package.declaredLicense = license(of: json, package: coordinates, path: path, document: &document)
        } else {
            if isInstalled {
                document.diagnostics.append(ProjectDiagnostic.missingField(field: "name", format: "an installed package.json").warning(at: start))
                return document
            }
            package = ProjectJoin.placeholder(forFileAt: path, format: .npmPackage)
        }
        document.components = [package]
        if !isInstalled { document.roots = [package.ref] }
        var refs: Set<ComponentRef> = [package.ref]
        func dependencies(_ key: String, kind: EdgeKind, optional: Bool) {
            guard let object = json[key]?.object else { return }
            for (name, value) in object.members {
                let location = value.location(in: path)
                var dependency = PackageCoordinates(type: "npm", name: name).component(displayName: name, location: location, origin: origin)
                if optional { dependency.properties[ProjectJoin.markerProperty] = "optional" }
                if refs.insert(dependency.ref).inserted { document.components.append(dependency) }
                document.edges.append(
                    Edge(from: package.ref, to: dependency.ref, kind: kind, statedAs: key, location: location,
                        origin: Origin(file: path, format: .npmPackage, location: location)))
            }
        }
        dependencies("dependencies", kind: .dynamicLink, optional: false)
        dependencies("optionalDependencies", kind: .dynamicLink, optional: true)
        if !isInstalled { dependencies("devDependencies", kind: .devDependency, optional: false) }
        return document
    }

    /// `license` (string or legacy `{ type }`), else the legacy `licenses` array.
    static func license(
        of json: JSONValue, package: PackageCoordinates, path: String, document: inout SBOMDocument
    ) -> LicenseStatement? {
        if let value = json["license"] {
            let location = value.location(in: path)
            guard let text = value.string ?? value["type"]?.string, !text.isEmpty else { return nil }
            let upper = text.uppercased()
            if upper.hasPrefix("SEE LICENSE IN ") {
                let file = String(text.dropFirst("SEE LICENSE IN ".count)).trimmed(of: " ")
                let id = ProjectLicenseFiles.licenseRef(package: package, file: file)
                document.extractedLicenses[id] = ExtractedLicense(id: id, name: file, location: location)
                return LicenseStatement(LicenseText(id, form: .expression, location: location))
            }
            return LicenseStatement(LicenseText(text, form: .expression, location: location))
        }
        let parts = (json["licenses"]?.array ?? []).compactMap { item -> LicenseText? in
            guard let text = item.string ?? item["type"]?.string, !text.isEmpty else { return nil }
            return LicenseText(text, form: .expression, location: item.location(in: path))
        }
        guard !parts.isEmpty else { return nil }
        guard parts.count > 1 else { return LicenseStatement(parts[0]) }
        return LicenseStatement(parts, isAmbiguousList: true, list: LicenseListEvidence(origin: .npmLicenses, packageType: "npm"))
    }
}
