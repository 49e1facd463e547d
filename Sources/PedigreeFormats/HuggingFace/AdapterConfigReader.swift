import PedigreeDiagnostics
import PedigreeModel
import SafeJSON

/// Reads a PEFT `adapter_config.json` (LoRA and the other adapter methods of the `peft` library):
/// the adapter is a model that needs its base at run time, so it is `adapter-of` that base.
///
/// Keys read: `base_model_name_or_path` (a Hub id, or a local path that is kept as a component named
/// by the path, with a warning because nothing can be known about its license), `revision` (of the
/// base), and the method's settings `peft_type`, `task_type`, `r`, `lora_alpha`, `lora_dropout`,
/// `target_modules`, `inference_mode` as `peft.*` properties. The adapter's own id comes from its
/// folder like a card's, so a folder holding both `README.md` and `adapter_config.json` is one component.
public enum AdapterConfigReader {
    /// Whether a JSON document is a PEFT adapter config: an object naming `peft_type` or
    /// `base_model_name_or_path`.
    public static func recognizes(json: JSONValue) -> Bool {
        guard json.object != nil else { return false }
        return json["peft_type"]?.string != nil || json["base_model_name_or_path"] != nil
    }

    /// Reads an adapter config; problems with its values are warnings (nothing in it is fatal).
    ///
    /// - Parameter id: the adapter's repository id when the caller knows it; otherwise from its folder.
    public static func read(json: JSONValue, path: String, id: String? = nil) -> SBOMDocument {
        var diagnostics = DiagnosticCollector()
        let start = json.location(in: path)
        let origin = Origin(file: path, format: .adapterConfig, location: start)
        var adapter = Component(ref: ComponentRef(path), name: path, kind: .model, location: start, origins: [origin])
        var repository = id.flatMap { HuggingFaceRepository.parse($0, kind: .model) }
        if let id, repository == nil {
            diagnostics.warning(
                "huggingface.invalid-id",
                "'\(id)' is not a Hugging Face repository id (expected 'org/name'); the id is taken from the folder",
                at: start)
        }
        if repository == nil { repository = HuggingFaceRepository.fromFolder(of: path)?.repository }
        if let repository, repository.kind == .model {
            adapter.ref = repository.ref
            adapter.name = repository.id
            adapter.purl = repository.purl
            adapter.supplier = repository.organization
            adapter.properties["huggingface.url"] = repository.url
        } else {
            diagnostics.warning(
                "huggingface.no-id",
                "cannot tell the adapter's repository id from the path '\(path)'; expected '…/<org>/<name>/adapter_config.json' or an id given by the manifest",
                at: start)
        }
        guard json.object != nil else {
            diagnostics.warning(
                "adapter.not-an-object", "expected a JSON object in an adapter config, found \(json.typeName)", at: start)
            return SBOMDocument(path: path, format: .adapterConfig, components: [adapter], diagnostics: diagnostics.diagnostics)
        }

        let propertyKeys = ["peft_type", "task_type", "r", "lora_alpha", "lora_dropout", "target_modules", "inference_mode", "revision"]
        for key in propertyKeys {
            guard let value = json[key], let text = propertyText(value) else { continue }
            adapter.properties["peft.\(key)"] = text
        }

        var components = [adapter]
        var edges: [Edge] = []
        if let baseValue = json["base_model_name_or_path"], !baseValue.isNull {
            let location = baseValue.location(in: path)
            if let base = baseValue.string?.trimmingWhitespaceAndNewlines, !base.isEmpty {
                let baseOrigin = Origin(file: path, format: .adapterConfig, location: location)
                var component: Component
                if HuggingFaceRepository.looksLikeLocalPath(base) {
                    // A path on the trainer's disk names nothing anyone else can read.
                    diagnostics.warning(
                        "adapter.local-base-model",
                        "base_model_name_or_path '\(base)' is a local path, not a Hugging Face id; no base model is recorded: name its repository to learn its license",
                        at: location)
                    return SBOMDocument(
                        path: path, format: .adapterConfig, components: components, edges: edges, diagnostics: diagnostics.diagnostics)
                } else if let repository = HuggingFaceRepository.parse(base, kind: .model) {
                    component = repository.referencedComponent(location: location, origin: baseOrigin)
                } else {
                    component = Component(ref: ComponentRef(base), name: base, kind: .model, location: location, origins: [baseOrigin])
                    diagnostics.warning(
                        "huggingface.not-a-repository-id",
                        "'\(base)' is not a Hugging Face repository id (expected 'org/name'); kept as a component of that name",
                        at: location)
                }
                if let revision = json["revision"]?.string { component.properties["huggingface.revision"] = revision }
                if component.ref == adapter.ref {
                    diagnostics.warning(
                        "huggingface.self-reference", "the adapter names its own repository '\(base)' as its base; ignored",
                        at: location)
                } else {
                    components.append(component)
                    edges.append(
                        Edge(
                            from: adapter.ref, to: component.ref, kind: .adapterOf, statedAs: "base_model_name_or_path",
                            location: location, origin: baseOrigin))
                }
            } else {
                diagnostics.warning(
                    "adapter.unexpected-type",
                    "expected a non-empty string for 'base_model_name_or_path', found \(baseValue.typeName)", at: location)
            }
        } else {
            diagnostics.warning(
                "adapter.no-base-model", "the adapter config names no base model ('base_model_name_or_path' is missing or null)",
                at: start)
        }
        return SBOMDocument(
            path: path, format: .adapterConfig, components: components, edges: edges, diagnostics: diagnostics.diagnostics)
    }

    /// A scalar as text, a list of scalars joined by ", ", nothing for objects and nulls.
    private static func propertyText(_ value: JSONValue) -> String? {
        switch value.kind {
        case .string(let text): return text
        case .number(let raw): return raw
        case .bool(let flag): return flag ? "true" : "false"
        case .array(let items):
            let texts = items.compactMap { item -> String? in
                switch item.kind {
                case .string(let text): text
                case .number(let raw): raw
                default: nil
                }
            }
            return texts.isEmpty ? nil : texts.joined(separator: ", ")
        case .null, .object: return nil
        }
    }
}
