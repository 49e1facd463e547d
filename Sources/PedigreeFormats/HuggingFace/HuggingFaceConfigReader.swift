import PedigreeDiagnostics
import PedigreeModel
import SafeJSON

/// Reads a Hugging Face `config.json` (transformers): the model stored in its folder, with
/// `_name_or_path`, `architectures` and `model_type` kept as hints.
///
/// Decisions: `_name_or_path` is often a local path and names what the model was loaded from, not
/// necessarily its base, so it is a lineage hint only (a property and a note), never an edge; the
/// model's id comes from its folder, like a card's, so a folder holding a card and a config is one
/// model. A config states no license.
public enum HuggingFaceConfigReader {
    public static func recognizes(json: JSONValue) -> Bool {
        json["_name_or_path"]?.string != nil || (json["architectures"]?.array != nil && json["model_type"]?.string != nil)
    }

    public static func read(json: JSONValue, path: String) -> SBOMDocument {
        let start = json.location(in: path)
        let origin = Origin(file: path, format: .huggingFaceConfig, location: start)
        var document = SBOMDocument(path: path, format: .huggingFaceConfig)
        var model: Component
        if let (repository, _) = HuggingFaceRepository.fromFolder(of: path), repository.kind == .model {
            model = repository.referencedComponent(location: start, origin: origin)
        } else {
            let folder = ProjectJoin.folderPath(of: path)
            let name = folder.split(separator: "/").last.map(String.init) ?? path
            model = Component(ref: ComponentRef("model:" + folder), name: name, kind: .model, location: start, origins: [origin])
        }
        if let hint = json["_name_or_path"], let text = hint.string, !text.isEmpty {
            model.properties["huggingface.name-or-path"] = text
            document.diagnostics.append(.note(
                "huggingface.lineage-hint",
                "config.json names '\(text)' as where the model was loaded from; a hint only, not read as its base (state the base in the card's base_model)",
                at: hint.location(in: path)))
        }
        if let architectures = json["architectures"]?.array?.compactMap(\.string), !architectures.isEmpty {
            model.properties["huggingface.architectures"] = architectures.joined(separator: ", ")
        }
        if let type = json["model_type"]?.string { model.properties["huggingface.model-type"] = type }
        document.components = [model]
        return document
    }
}
