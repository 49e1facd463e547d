import PedigreeDiagnostics
import PedigreeModel
import SafeJSON

/// Reads a `vcpkg.json` manifest: the project (`name`, `version*`, `license`) and the ports it
/// depends on, linked statically. The ports' licenses are stated by the SPDX documents vcpkg writes
/// per installed port (`vcpkg_installed/<triplet>/share/<port>/vcpkg.spdx.json`), read as SPDX.
public enum VcpkgManifestReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        let json = try JSONParser.parse(bytes, file: path, limits: limits)
        var document = SBOMDocument(path: path, format: .vcpkgManifest)
        let origin = Origin(file: path, format: .vcpkgManifest)
        var project = ProjectJoin.placeholder(forFileAt: path, format: .vcpkgManifest)
        if let name = json["name"]?.string {
            let version = ["version", "version-semver", "version-date", "version-string"].lazy.compactMap { json[$0]?.string }.first
            project = PackageCoordinates(type: "generic", name: name, version: version)
                .component(displayName: name, location: json["name"]?.location(in: path), origin: origin, kind: .application)
            if let license = json["license"], let text = license.string {
                project.declaredLicense = LicenseStatement(LicenseText(text, form: .expression, location: license.location(in: path)))
            }
        }
        document.components = [project]
        document.roots = [project.ref]
        for entry in json["dependencies"]?.array ?? [] {
            guard let name = entry.string ?? entry["name"]?.string else { continue }
            let location = entry.location(in: path)
            let coordinates = PackageCoordinates(type: "generic", name: name)
            let kind: EdgeKind = entry["host"]?.bool == true ? .buildDependency : .staticLink
            document.components.append(coordinates.component(displayName: name, location: location, origin: origin))
            document.edges.append(Edge(from: project.ref, to: coordinates.ref, kind: kind, statedAs: "vcpkg.json", location: location,
                origin: Origin(file: path, format: .vcpkgManifest, location: location)))
        }
        return document
    }
}
