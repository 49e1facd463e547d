import PedigreeDiagnostics
import PedigreeModel

/// Reads installed Python package metadata (core metadata: `*.dist-info/METADATA`,
/// `*.egg-info/PKG-INFO`): the package, its license facts and its `Requires-Dist` edges.
///
/// The format is mail headers: `Key: value` lines, continued by lines that start with a space, up
/// to the first blank line (the description follows and is not read).
///
/// Decisions: which field states the license follows the precedence of the metadata specification
/// and of the tools that read it — `License-Expression` (PEP 639), else the `License ::` classifiers
/// (without the bare `OSI Approved` grouping, which names no license), else `License` when it is a
/// name, else the `License-File` texts. When every license classifier is one the trove list defines
/// without a version (`Apache Software License`) and `License` is a short name (`Apache 2.0`), the
/// name says more and is used. A long or multi-line `License` is the license's text, kept as
/// a license defined by its text. The reader keeps every value raw: the license layer resolves them.
/// A `Requires-Dist` for an optional extra is not an installed dependency and is not read.
public enum PythonMetadataReader {
    /// Longest `License` value still read as a license's name rather than its text.
    static let longestLicenseName = 120

    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProjectDiagnostic.invalidText(format: "package metadata").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        let headers = MailHeaders(text)
        let origin = Origin(file: path, format: .pythonMetadata)
        guard let name = headers.first("Name") else {
            throw ProjectDiagnostic.missingField(field: "Name", format: "package metadata").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        let coordinates = PackageCoordinates(type: "pypi", name: name.value, version: headers.first("Version")?.value)
        var package = coordinates.component(displayName: name.value, location: name.location(in: path), origin: origin)
        package.supplier = headers.first("Author")?.value
        var document = SBOMDocument(path: path, format: .pythonMetadata, specVersion: headers.first("Metadata-Version")?.value)
        package.declaredLicense = license(headers, package: coordinates, path: path, document: &document)
        document.components = [package]
        for header in headers.all("Requires-Dist") {
            guard let requirement = PythonRequirement(header.value), !requirement.isForExtra else { continue }
            let target = PackageCoordinates(type: "pypi", name: requirement.name)
            let location = header.location(in: path)
            var dependency = target.component(displayName: requirement.name, location: location, origin: origin)
            if let marker = requirement.marker { dependency.properties[ProjectJoin.markerProperty] = marker }
            document.components.append(dependency)
            document.edges.append(
                Edge(from: package.ref, to: dependency.ref, kind: .dynamicLink, statedAs: "Requires-Dist", location: location,
                    origin: Origin(file: path, format: .pythonMetadata, location: location)))
        }
        return document
    }

    /// The license statement by the precedence in the type's decisions; nil when the metadata states none.
    private static func license(
        _ headers: MailHeaders, package: PackageCoordinates, path: String, document: inout SBOMDocument
    ) -> LicenseStatement? {
        if let expression = headers.first("License-Expression"), !expression.value.isEmpty {
            return LicenseStatement(LicenseText(expression.value, form: .expression, location: expression.location(in: path)))
        }
        let classifiers = headers.all("Classifier").compactMap { header in
            PythonClassifier.licenseName(header.value).map { LicenseText($0, form: .classifier, location: header.location(in: path)) }
        }
        let stated = headers.first("License").flatMap { ["", "UNKNOWN"].contains($0.value.uppercased()) ? nil : $0 }
        let statedIsName = stated.map { $0.value.count <= longestLicenseName && !$0.value.contains("\n") } ?? false
        let onlyFamilies = classifiers.allSatisfy { PythonClassifier.unversionedFamilies.contains($0.raw) }
        if !classifiers.isEmpty, !(onlyFamilies && statedIsName) {
            return PythonClassifier.statement(classifiers)
        }
        if let stated {
            if statedIsName { return LicenseStatement(LicenseText(stated.value, form: .name, location: stated.location(in: path))) }
            let id = ProjectLicenseFiles.licenseRef(package: package, file: "License")
            document.extractedLicenses[id] = ExtractedLicense(id: id, text: stated.value, location: stated.location(in: path))
            return LicenseStatement(LicenseText(id, form: .expression, location: stated.location(in: path)))
        }
        let files = ProjectLicenseFiles.licenseFiles(headers.all("License-File").map { ($0.value, $0.location(in: path)) })
        guard !files.isEmpty else { return nil }
        var parts: [LicenseText] = []
        for (file, location) in files {
            let id = ProjectLicenseFiles.licenseRef(package: package, file: file)
            document.extractedLicenses[id] = ExtractedLicense(id: id, name: file, location: location)
            parts.append(LicenseText(id, form: .expression, location: location))
        }
        return LicenseStatement(parts)
    }
}
