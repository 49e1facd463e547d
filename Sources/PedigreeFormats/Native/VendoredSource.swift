import PedigreeDiagnostics
import PedigreeModel

/// Source code built into a project from another repository or folder (a submodule, a CMake fetch,
/// a vendored folder): one way to name it, so that the readers that find the same code agree.
enum VendoredSource {
    /// A component for code fetched from `url` into `folder`, with a `pkg:github/…` purl for GitHub.
    static func component(
        url: String, folder: String?, version: String? = nil, location: SourceLocation, file: String, format: InputFormat
    ) -> Component {
        var name = folder.flatMap { $0.split(separator: "/").last.map(String.init) } ?? url
        var purl: String?
        if let (owner, repository) = gitHubRepository(url) {
            name = repository
            purl = "pkg:github/\(owner)/\(repository)" + (version.map { "@" + $0 } ?? "")
        }
        var component = Component(
            ref: ComponentRef(purl ?? "vendored:" + name), name: name, version: version, kind: .library, purl: purl, location: location,
            origins: [Origin(file: file, format: format, location: location)])
        component.properties["vcs.url"] = url
        return component
    }

    /// `https://github.com/ggml-org/llama.cpp.git`, `git@github.com:ggml-org/llama.cpp` → (`ggml-org`, `llama.cpp`).
    static func gitHubRepository(_ url: String) -> (String, String)? {
        var text = Substring(url.trimmed(of: " \t\"'"))
        for prefix in ["https://", "http://", "git://", "ssh://git@", "git@"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        guard text.lowercased().hasPrefix("github.com") else { return nil }
        text = text.dropFirst("github.com".count).drop { $0 == "/" || $0 == ":" }
        var parts = text.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        if parts[1].hasSuffix(".git") { parts[1].removeLast(4) }
        return (parts[0], parts[1])
    }

    /// The license id every reader uses for the code in one vendored folder.
    static func licenseRef(folderName: String) -> String {
        ProjectLicenseFiles.licenseRef(package: PackageCoordinates(type: "vendored", name: folderName), file: "LICENSE")
    }

    /// Names the license file of the checked-out `folder` (relative to the document) as the component's license.
    static func declareLicenseFolder(_ folder: String, of component: inout Component, in document: inout SBOMDocument) {
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        let id = licenseRef(folderName: name)
        document.extractedLicenses[id] = ExtractedLicense(id: id, name: folder.hasSuffix("/") ? folder : folder + "/", location: component.location)
        component.declaredLicense = LicenseStatement(LicenseText(id, form: .expression, location: component.location))
    }
}
