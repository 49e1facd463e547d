import PedigreeDiagnostics
import PedigreeModel

/// Reads an Ollama `Modelfile`: the model it builds, the base it starts `FROM`, an `ADAPTER` applied
/// to it, and the `LICENSE` texts it carries (each a license defined by its text; all of them apply).
///
/// Decisions: the built model is named by the Modelfile's folder and is the document's product; it is
/// `derived-from` its base and its adapter, and the adapter is `adapter-of` the base. `FROM` names a
/// file (a path: `./x.gguf`, `/models/x`, `~/x`), a Hugging Face repository (`hf.co/org/name:tag`) or
/// a library model (`llama3.1:8b`); a file is named like the GGUF reader names it (its file name), so
/// a GGUF read in the same run is the same component. Instruction names compare without case;
/// `"""` opens a value over several lines. Other instructions (`PARAMETER`, `TEMPLATE`…) are not read.
public enum OllamaModelfileReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProjectDiagnostic.invalidText(format: "a Modelfile").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        let instructions = try ModelfileInstructions.parse(text, path: path)
        guard let from = instructions.first(where: { $0.keyword == "FROM" }) else {
            throw ProjectDiagnostic.missingField(field: "FROM", format: "a Modelfile").error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        var document = SBOMDocument(path: path, format: .ollamaModelfile)
        let folder = ProjectJoin.folderPath(of: path)
        let name = folder.split(separator: "/").last.map(String.init) ?? "model"
        let start = SourceLocation(file: path, line: 1, column: 1)
        var model = Component(ref: ComponentRef("ollama:" + folder), name: name, kind: .model, location: start,
            origins: [Origin(file: path, format: .ollamaModelfile, location: start)])
        var licenses: [LicenseText] = []
        for (number, license) in instructions.filter({ $0.keyword == "LICENSE" }).enumerated() {
            let id = ProjectLicenseFiles.licenseRef(package: PackageCoordinates(type: "ollama", name: name), file: "\(number + 1)")
            document.extractedLicenses[id] = ExtractedLicense(id: id, text: license.value, location: license.location)
            licenses.append(LicenseText(id, form: .expression, location: license.location))
        }
        if !licenses.isEmpty { model.declaredLicense = LicenseStatement(licenses) }
        let base = referencedModel(from.value, at: from.location, folder: folder, path: path)
        document.components = [model, base]
        document.roots = [model.ref]
        document.edges = [edge(model.ref, base.ref, .derivedFrom, "FROM", from.location, path)]
        if let adapterLine = instructions.first(where: { $0.keyword == "ADAPTER" }) {
            let adapter = referencedModel(adapterLine.value, at: adapterLine.location, folder: folder, path: path)
            document.components.append(adapter)
            document.edges += [
                edge(adapter.ref, base.ref, .adapterOf, "ADAPTER", adapterLine.location, path),
                edge(model.ref, adapter.ref, .derivedFrom, "ADAPTER", adapterLine.location, path),
            ]
        }
        return document
    }

    private static func edge(_ from: ComponentRef, _ to: ComponentRef, _ kind: EdgeKind, _ statedAs: String, _ at: SourceLocation, _ path: String) -> Edge {
        Edge(from: from, to: to, kind: kind, statedAs: statedAs, location: at, origin: Origin(file: path, format: .ollamaModelfile, location: at))
    }

    /// The model a `FROM` or `ADAPTER` value names.
    static func referencedModel(_ value: String, at location: SourceLocation, folder: String, path: String) -> Component {
        let origin = Origin(file: path, format: .ollamaModelfile, location: location)
        if value.hasPrefix(".") || value.hasPrefix("/") || value.hasPrefix("~") {
            let fileName = value.split(separator: "/").last.map(String.init) ?? value
            var component = Component(ref: ComponentRef(fileName), name: fileName, kind: .model, location: location, origins: [origin])
            if !value.hasPrefix("~") {
                component.properties[ProjectJoin.referencedFileProperty] = value.hasPrefix("/") ? value : folder + "/" + value
            }
            return component
        }
        var id = Substring(value)
        let tag = id.firstIndex(of: ":").map { String(id[id.index(after: $0)...]) }
        if let colon = id.firstIndex(of: ":") { id = id[..<colon] }
        for host in ["hf.co/", "huggingface.co/"] where id.hasPrefix(host) {
            if let repository = HuggingFaceRepository.parse(String(id.dropFirst(host.count)), kind: .model) {
                var component = repository.referencedComponent(location: location, origin: origin)
                if let tag { component.properties["ollama.tag"] = tag }
                return component
            }
        }
        return Component(ref: ComponentRef("ollama:" + value), name: String(id), version: tag, kind: .model, location: location, origins: [origin])
    }
}

/// The instructions of a Modelfile: `KEYWORD value`, a value in `"""…"""` spanning lines.
struct ModelfileInstructions {
    var keyword: String
    var value: String
    var location: SourceLocation

    static func parse(_ text: String, path: String) throws(InputError) -> [ModelfileInstructions] {
        var result: [ModelfileInstructions] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters
            let location = SourceLocation(file: path, line: index + 1, column: 1)
            index += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let keyword = line.prefix { !$0.isWhitespace }
            var value = line.dropFirst(keyword.count).trimmingCharacters
            if value.hasPrefix("\"\"\"") {
                value = value.dropFirst(3)
                var collected = ""
                var closed = false
                if let end = value.firstRange(of: "\"\"\"") {
                    collected = String(value[..<end.lowerBound])
                    closed = true
                } else {
                    collected = String(value)
                    while index < lines.count {
                        let next = lines[index]
                        index += 1
                        if let end = next.firstRange(of: "\"\"\"") {
                            collected += "\n" + next[..<end.lowerBound]
                            closed = true
                            break
                        }
                        collected += "\n" + next
                    }
                }
                guard closed else {
                    throw InputError("ollama.unterminated-text", "the \(keyword) text opened with '\"\"\"' is not closed; expected '\"\"\"'", at: location)
                }
                result.append(ModelfileInstructions(keyword: keyword.uppercased(), value: collected, location: location))
            } else {
                result.append(ModelfileInstructions(keyword: keyword.uppercased(), value: String(value).trimmed(of: "\""), location: location))
            }
        }
        return result
    }
}
