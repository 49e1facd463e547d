import PedigreeDiagnostics
import PedigreeModel
import SafeTOML

/// Reads a `pyproject.toml`: the project itself (PEP 621 `[project]`, or Poetry's `[tool.poetry]`)
/// with its license, and its direct dependencies.
///
/// Decisions: `dependencies` are runtime dependencies (`dynamic-link`: Python imports them);
/// `optional-dependencies` apply only when their extra is installed, so they count only when the
/// package is installed; `[dependency-groups]`, Poetry's dev groups and uv's `dev-dependencies` are
/// `dev-dependency`. `license` is an SPDX expression (PEP 639), a `{ text = … }` table (the license's
/// text) or a `{ file = … }` table (a file the project join reads); with none, the `License ::`
/// classifiers are the project's license, as in installed metadata.
public enum PyProjectReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        let root = try TOMLParser.parse(bytes, file: path, limits: limits)
        var reader = ProjectTOMLDocument(path: path, format: .pyproject)
        let project = root["project"]?.table
        let poetry = root["tool"]?["poetry"]?.table
        let name = project?["name"]?.string ?? poetry?["name"]?.string
        let nameValue = project?["name"] ?? poetry?["name"]
        var product: Component
        if let name, let nameValue {
            let version = project?["version"]?.string ?? poetry?["version"]?.string
            let coordinates = PackageCoordinates(type: "pypi", name: name, version: version)
            product = coordinates.component(displayName: name, location: nameValue.location(in: path), origin: reader.origin, kind: .application)
            product.declaredLicense = reader.license(project?["license"] ?? poetry?["license"], package: coordinates)
                ?? reader.classifierLicense(project?["classifiers"])
        } else {
            product = ProjectJoin.placeholder(forFileAt: path, format: .pyproject)
        }
        reader.add(product)
        reader.document.roots = [product.ref]
        for value in project?["dependencies"]?.array ?? [] {
            reader.requirement(value, from: product.ref, kind: .dynamicLink, statedAs: "project.dependencies")
        }
        for (_, values) in project?["optional-dependencies"]?.table?.entries ?? [] {
            for value in values.array ?? [] {
                reader.requirement(value, from: product.ref, kind: .dynamicLink, statedAs: "project.optional-dependencies", optional: true)
            }
        }
        for (_, values) in root["dependency-groups"]?.table?.entries ?? [] {
            for value in values.array ?? [] where value.string != nil {
                reader.requirement(value, from: product.ref, kind: .devDependency, statedAs: "dependency-groups")
            }
        }
        for value in root["tool"]?["uv"]?["dev-dependencies"]?.array ?? [] {
            reader.requirement(value, from: product.ref, kind: .devDependency, statedAs: "tool.uv.dev-dependencies")
        }
        reader.poetryDependencies(poetry, from: product.ref)
        return reader.document
    }
}

extension ProjectTOMLDocument {
    /// Poetry's `dependencies` (runtime, without `python`), `dev-dependencies` and `group.*.dependencies`.
    mutating func poetryDependencies(_ poetry: TOMLTable?, from product: ComponentRef) {
        guard let poetry else { return }
        func each(_ table: TOMLTable?, kind: EdgeKind, statedAs: String) {
            for (name, value) in table?.entries ?? [] where name.lowercased() != "python" {
                let optional = value["optional"]?.bool ?? false
                dependency(named: name, at: value, from: product, kind: kind, statedAs: statedAs, optional: optional)
            }
        }
        each(poetry["dependencies"]?.table, kind: .dynamicLink, statedAs: "tool.poetry.dependencies")
        each(poetry["dev-dependencies"]?.table, kind: .devDependency, statedAs: "tool.poetry.dev-dependencies")
        for (group, value) in poetry["group"]?.table?.entries ?? [] {
            each(value["dependencies"]?.table, kind: group == "main" ? .dynamicLink : .devDependency, statedAs: "tool.poetry.group.\(group)")
        }
    }
}
