import PedigreeDiagnostics
import PedigreeModel
import SafeTOML

/// Reads a `Cargo.toml`: the crate (the project itself, or a vendored crate under `vendor/`), its
/// license and its dependencies.
///
/// Decisions: crates are linked statically, so runtime dependencies are `static-link`;
/// `[dev-dependencies]` are `dev-dependency`, `[build-dependencies]` `build-dependency`, and the
/// `[target.*]` tables' dependencies count like the plain ones. `license` is an SPDX expression whose
/// legacy `/` separator means OR; `license-file` names the license's text. A workspace manifest
/// without `[package]` states no crate and yields no component.
public enum CargoManifestReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        let root = try TOMLParser.parse(bytes, file: path, limits: limits)
        var reader = ProjectTOMLDocument(path: path, format: .cargoManifest)
        guard let package = root["package"], let name = package["name"]?.string else { return reader.document }
        let isVendored = path.contains("/vendor/") || path.hasPrefix("vendor/")
        let coordinates = PackageCoordinates(type: "cargo", name: name, version: package["version"]?.string)
        var crate = coordinates.component(
            displayName: name, location: package["name"]?.location(in: path), origin: reader.origin,
            kind: isVendored ? .library : .application)
        if let license = package["license"], let text = license.string, !text.isEmpty {
            crate.declaredLicense = LicenseStatement(LicenseText(cargoExpression(text), form: .expression, location: license.location(in: path)))
        } else if let file = package["license-file"], let name = file.string, !name.isEmpty {
            crate.declaredLicense = reader.licenseFile(name, at: file.location(in: path), package: coordinates)
        }
        reader.add(crate)
        if !isVendored { reader.document.roots = [crate.ref] }
        var tables: [(TOMLTable?, EdgeKind)] = [
            (root["dependencies"]?.table, .staticLink), (root["dev-dependencies"]?.table, .devDependency),
            (root["build-dependencies"]?.table, .buildDependency),
        ]
        for (_, target) in root["target"]?.table?.entries ?? [] {
            tables += [(target["dependencies"]?.table, .staticLink), (target["dev-dependencies"]?.table, .devDependency),
                (target["build-dependencies"]?.table, .buildDependency)]
        }
        for (table, kind) in tables {
            for (key, value) in table?.entries ?? [] {
                let crateName = value["package"]?.string ?? key
                let optional = value["optional"]?.bool ?? false
                reader.dependency(named: crateName, at: value, from: crate.ref, kind: kind, statedAs: "Cargo.toml", optional: optional,
                    type: "cargo")
            }
        }
        return reader.document
    }

    /// `MIT/Apache-2.0` (Cargo's legacy form) → `MIT OR Apache-2.0`.
    static func cargoExpression(_ text: String) -> String {
        guard text.contains("/"), !text.contains(" OR "), !text.contains(" AND ") else { return text }
        return text.split(separator: "/").map { String($0.trimmingCharacters) }.joined(separator: " OR ")
    }
}
