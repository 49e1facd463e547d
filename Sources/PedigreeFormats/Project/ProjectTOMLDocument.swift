import PedigreeDiagnostics
import PedigreeModel
import SafeTOML

/// The document a Python project file (pyproject, lockfile) is being read into, with the helpers
/// they share: requirements to components and edges, and license values to statements.
struct ProjectTOMLDocument {
    var document: SBOMDocument
    let origin: Origin
    private var refs: Set<ComponentRef> = []
    var path: String { document.path }

    init(path: String, format: InputFormat) {
        document = SBOMDocument(path: path, format: format)
        origin = Origin(file: path, format: format)
    }

    /// A PEP 508 requirement string as a versionless dependency of `from`.
    mutating func requirement(_ value: TOMLValue, from: ComponentRef, kind: EdgeKind, statedAs: String, optional: Bool = false) {
        let location = value.location(in: path)
        guard let text = value.string else {
            document.diagnostics.append(
                ProjectDiagnostic.unexpectedType(field: statedAs, expected: "a requirement string", found: value.typeName).warning(at: location))
            return
        }
        guard let requirement = PythonRequirement(text) else {
            document.diagnostics.append(ProjectDiagnostic.unreadableRequirement(text).warning(at: location))
            return
        }
        let marker = optional ? "extra" : requirement.marker
        dependency(named: requirement.name, at: value, from: from, kind: kind, statedAs: statedAs, marker: marker)
    }

    /// A dependency by name, versionless unless `version` is given, stated at `value`.
    mutating func dependency(
        named name: String, at value: TOMLValue, from: ComponentRef, kind: EdgeKind, statedAs: String,
        optional: Bool = false, marker: String? = nil, version: String? = nil, type: String = "pypi"
    ) {
        let location = value.location(in: path)
        let coordinates = PackageCoordinates(type: type, name: name, version: version)
        var component = coordinates.component(displayName: name, location: location, origin: origin)
        if let marker = optional ? "extra" : marker { component.properties[ProjectJoin.markerProperty] = marker }
        add(component)
        document.edges.append(
            Edge(from: from, to: component.ref, kind: kind, statedAs: statedAs, location: location,
                origin: Origin(file: path, format: origin.format, location: location)))
    }

    /// Adds a component unless the document already has one with its ref (a lock names a package
    /// once as itself and again as each package's dependency).
    mutating func add(_ component: Component) {
        guard refs.insert(component.ref).inserted else { return }
        document.components.append(component)
    }

    /// `license = "MIT"`, `{ text = "…" }` or `{ file = "LICENSE" }`.
    mutating func license(_ value: TOMLValue?, package: PackageCoordinates) -> LicenseStatement? {
        guard let value else { return nil }
        let location = value.location(in: path)
        if let expression = value.string {
            return expression.isEmpty ? nil : LicenseStatement(LicenseText(expression, form: .expression, location: location))
        }
        if let text = value["text"]?.string, !text.isEmpty {
            if text.count <= PythonMetadataReader.longestLicenseName, !text.contains("\n") {
                return LicenseStatement(LicenseText(text, form: .name, location: location))
            }
            let id = ProjectLicenseFiles.licenseRef(package: package, file: "license-text")
            document.extractedLicenses[id] = ExtractedLicense(id: id, text: text, location: location)
            return LicenseStatement(LicenseText(id, form: .expression, location: location))
        }
        if let file = value["file"]?.string, !file.isEmpty { return licenseFile(file, at: location, package: package) }
        document.diagnostics.append(
            ProjectDiagnostic.unexpectedType(field: "license", expected: "a string, { text = … } or { file = … }", found: value.typeName)
                .warning(at: location))
        return nil
    }

    /// A license given as a file beside the document (`license = { file = … }`, Cargo's `license-file`),
    /// whose text the project join reads.
    mutating func licenseFile(_ file: String, at location: SourceLocation, package: PackageCoordinates) -> LicenseStatement {
        let id = ProjectLicenseFiles.licenseRef(package: package, file: file)
        document.extractedLicenses[id] = ExtractedLicense(id: id, name: file, location: location)
        return LicenseStatement(LicenseText(id, form: .expression, location: location))
    }

    /// The `License ::` trove classifiers of a `classifiers` array, as installed metadata reads them.
    func classifierLicense(_ value: TOMLValue?) -> LicenseStatement? {
        let parts = (value?.array ?? []).compactMap { item in
            item.string.flatMap(PythonClassifier.licenseName).map { LicenseText($0, form: .classifier, location: item.location(in: path)) }
        }
        return parts.isEmpty ? nil : PythonClassifier.statement(parts)
    }
}
