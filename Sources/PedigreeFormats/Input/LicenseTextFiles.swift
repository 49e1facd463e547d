import PedigreeDiagnostics
import PedigreeModel

/// Reads the license files that inputs point to for a license they name only loosely (a card's
/// `license: other` with `license_link: LICENSE`), once every input is read.
///
/// Decisions:
/// - Only a component whose license is one loose part (a name, a URL, or `other`) and that carries
///   the file's path in `license.file` is concerned; a stated id or expression is left as it is. A path
///   ending in `/` is a folder: its `LICENSE`, `COPYING`… file, in `ProjectJoin.licenseFileNames` order.
/// - When the file is there as UTF-8 text, the license becomes a `LicenseRef-` named after the stated
///   name, defined by that text (with the name kept), for the license layer to identify or read; the
///   text decides before the name. When it is not there, nothing changes: the name decides.
enum LicenseTextFiles {
    /// The component property holding the path of a file that holds the component's license text.
    static let fileProperty = "license.file"

    static func read(_ files: inout [LoadedFile], readFile: (String) -> [UInt8]?) {
        for index in files.indices {
            guard var document = files[index].document,
                document.components.contains(where: { $0.properties[fileProperty] != nil })
            else { continue }
            for component in document.components.indices {
                define(&document, component: component, readFile: readFile)
            }
            files[index].document = document
        }
    }

    private static func define(_ document: inout SBOMDocument, component index: Int, readFile: (String) -> [UInt8]?) {
        let component = document.components[index]
        guard let named = component.properties[fileProperty], let statement = component.declaredLicense,
            statement.parts.count == 1, isLoose(statement.parts[0])
        else { return }
        let candidates = named.hasSuffix("/") ? ProjectJoin.licenseFileNames.map { named + $0 } : [named]
        var located: (file: String, bytes: [UInt8])?
        for path in candidates where located == nil { located = readFile(path).map { (path, $0) } }
        guard let (file, found) = located else { return }
        var bytes = found
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self), text.contains(where: { !$0.isWhitespace }) else { return }
        let part = statement.parts[0]
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        let name = part.form == .name ? part.raw : nil
        var id = "LicenseRef-" + LicenseRefName.idString(name ?? (component.name + "-" + fileName))
        if let existing = document.extractedLicenses[id], existing.text != text { id += "-\(index)" }
        document.extractedLicenses[id] = ExtractedLicense(
            id: id, name: name, text: text, seeAlso: part.form == .url ? [part.raw] : [], location: part.location)
        document.components[index].declaredLicense = LicenseStatement(LicenseText(id, form: .id, location: part.location))
    }

    private static func isLoose(_ part: LicenseText) -> Bool {
        part.form == .name || part.form == .url || part.raw.trimmingWhitespaceAndNewlines.lowercased() == "other"
    }
}
