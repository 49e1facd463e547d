import PedigreeDiagnostics
import PedigreeModel

/// Reads the metadata of a GGUF model file (llama.cpp, Ollama) into one model component and its
/// lineage, without touching the tensors.
///
/// Keys read (ggml `docs/gguf.md`; llama.cpp `gguf-py/gguf/constants.py` for the indexed forms):
/// - `general.name` names the component; its ref is the file name, so two quantisations of one model
///   stay two components.
/// - `general.license` (an SPDX expression by the specification, in practice the Hugging Face card's
///   `license` copied verbatim, a list joined by `,`), `general.license.name`, `general.license.link`:
///   one statement with parts of forms `.id`/`.expression`, `.name`, `.url`; `other` is resolved
///   through the name by the license layer.
/// - `general.base_model.count` and `general.base_model.N.{name,organization,version,repo_url}`: a
///   `quantized-from` edge per base, to the Hub id in `repo_url` (`https://huggingface.co/<org>/<name>`),
///   else to `organization/name` as written.
/// - `general.dataset.count`, `general.dataset.N.*` and the older `general.datasets` list: `trained-on`.
/// - `general.architecture`, `general.quantization_version`, `general.file_type`, `general.author`,
///   `general.organization`, `general.version`, `general.basename`, `general.finetune`,
///   `general.size_label`, `general.quantized_by`, `general.source.url`, `general.source.repo_url`,
///   `general.tags`, `general.languages`: `gguf.*` properties.
///
/// Pass the first bytes of a large file rather than the whole of it: the metadata sits at the start,
/// and reading stops where it ends.
public enum GGUFReader {
    /// Whether the bytes start with the GGUF magic.
    public static func recognizes(prefix: [UInt8]) -> Bool { prefix.starts(with: GGUFMetadataParser.magic) }

    /// Reads a GGUF file's metadata.
    ///
    /// - Throws: `InputError` positioned at the byte offset of the broken field: `gguf.bad-magic`,
    ///   `gguf.truncated`, `gguf.unsupported-version`, `gguf.kv-count-too-large`, `gguf.key-too-long`,
    ///   `gguf.string-too-long`, `gguf.array-too-long`, `gguf.unknown-value-type`, `gguf.too-deep`.
    public static func read(bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        let metadata = try GGUFMetadataParser.parse(bytes, file: path, limits: limits)
        var builder = GGUFDocumentBuilder(path: path, metadata: metadata)
        builder.readIdentity()
        builder.readLicense()
        builder.readLineage(prefix: "general.base_model.", kind: .model, edge: .quantizedFrom)
        builder.readLineage(prefix: "general.dataset.", kind: .dataset, edge: .trainedOn)
        builder.readLegacyDatasets()
        builder.readProperties()
        return builder.document()
    }
}

/// The work of turning one file's metadata into a document.
private struct GGUFDocumentBuilder {
    let path: String
    let metadata: GGUFMetadata
    let origin: Origin
    var diagnostics: DiagnosticCollector
    var model: Component
    var referenced: [Component] = []
    var edges: [Edge] = []

    init(path: String, metadata: GGUFMetadata) {
        self.path = path
        self.metadata = metadata
        self.diagnostics = DiagnosticCollector(metadata.diagnostics)
        let start = SourceLocation.offset(0, in: path)
        self.origin = Origin(file: path, format: .gguf, location: start)
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        self.model = Component(ref: ComponentRef(fileName), name: fileName, kind: .model, location: start, origins: [origin])
    }

    func location(_ entry: GGUFEntry) -> SourceLocation { .offset(entry.valueOffset, in: path) }

    /// The string value of `key`, warning when the key holds something else.
    mutating func string(_ key: String) -> (text: String, entry: GGUFEntry)? {
        guard let entry = metadata[key] else { return nil }
        guard let text = entry.value.string else {
            diagnostics.warning(
                "gguf.unexpected-type", "expected a string for '\(key)', found \(entry.value.typeDescription); ignored",
                at: .offset(entry.keyOffset, in: path))
            return nil
        }
        return (text, entry)
    }

    mutating func readIdentity() {
        if let (name, _) = string("general.name"), !name.trimmingWhitespaceAndNewlines.isEmpty {
            model.name = name.trimmingWhitespaceAndNewlines
        }
        if let (version, _) = string("general.version"), !version.isEmpty { model.version = version }
        if let (organization, _) = string("general.organization"), !organization.isEmpty { model.supplier = organization }
    }

    mutating func readLicense() {
        var parts: [LicenseText] = []
        var listCount = 0
        if let (text, entry) = string("general.license") {
            let pieces = text.split(separator: ",").map { String($0).trimmingWhitespaceAndNewlines }.filter { !$0.isEmpty }
            if pieces.count > 1 {
                listCount = pieces.count
                for piece in pieces { parts.append(LicenseText(piece, form: .id, location: location(entry))) }
            } else if let single = pieces.first {
                let form: LicenseText.Form = single.contains(" ") || single.contains("(") ? .expression : .id
                parts.append(LicenseText(single, form: form, location: location(entry)))
            }
        }
        if let (text, entry) = string("general.license.name"), !text.isEmpty {
            parts.append(LicenseText(text, form: .name, location: location(entry)))
        }
        if let (text, entry) = string("general.license.link"), !text.isEmpty {
            parts.append(LicenseText(text, form: .url, location: location(entry)))
        }
        if !parts.isEmpty {
            model.declaredLicense = LicenseStatement(
                parts, isAmbiguousList: listCount > 1, list: listCount > 1 ? LicenseListEvidence(origin: .ggufMetadata) : nil)
        }
    }

    /// Reads the indexed entries `<prefix>N.<field>` into one edge per index.
    ///
    /// The entries present decide, not `<prefix>count`: a count that disagrees is reported, and a
    /// hostile count of four billion costs nothing.
    mutating func readLineage(prefix: String, kind: HuggingFaceRepository.Kind, edge: EdgeKind) {
        var groups: [Int: [String: GGUFEntry]] = [:]
        for entry in metadata.entries where entry.key.hasPrefix(prefix) {
            let rest = entry.key.dropFirst(prefix.count)
            guard let dot = rest.firstIndex(of: "."), let index = Int(rest[..<dot]), index >= 0, rest[..<dot].count <= 9
            else { continue }
            groups[index, default: [:]][String(rest[rest.index(after: dot)...])] = entry
        }
        if let countEntry = metadata[prefix + "count"] {
            if let count = countEntry.value.int {
                if count != groups.count {
                    diagnostics.warning(
                        "gguf.count-mismatch",
                        "'\(prefix)count' is \(count), but \(groups.count) \(groups.count == 1 ? "entry is" : "entries are") present; the entries present are read",
                        at: location(countEntry))
                }
            } else {
                diagnostics.warning(
                    "gguf.unexpected-type",
                    "expected an integer for '\(prefix)count', found \(countEntry.value.typeDescription); ignored",
                    at: .offset(countEntry.keyOffset, in: path))
            }
        }
        for index in groups.keys.sorted() {
            guard let fields = groups[index] else { continue }
            let first = fields.values.min { $0.valueOffset < $1.valueOffset }
            let at = first.map(location) ?? model.location
            let text: (String) -> String? = { fields[$0]?.value.string?.trimmingWhitespaceAndNewlines }
            let statedAs = "\(prefix)\(index)"
            var component: Component
            let referenceOrigin = Origin(file: path, format: .gguf, location: at)
            if let url = text("repo_url"), let repository = HuggingFaceRepository.fromURL(url, kind: kind) {
                component = repository.referencedComponent(location: at, origin: referenceOrigin)
            } else {
                let name = text("name") ?? ""
                let organization = text("organization") ?? text("author") ?? ""
                let written = [organization, name].filter { !$0.isEmpty }.joined(separator: "/")
                guard !written.isEmpty else {
                    diagnostics.warning(
                        "gguf.unnamed-entry",
                        "'\(statedAs)' has neither 'repo_url' nor 'name'; it names nothing and is ignored", at: at)
                    continue
                }
                component = HuggingFaceRepository.referencedComponent(
                    named: written, kind: kind, location: at, origin: referenceOrigin
                ).component
                if let url = text("repo_url") ?? text("url") { component.properties["gguf.url"] = url }
            }
            if let version = text("version"), !version.isEmpty, component.purl == nil { component.version = version }
            if let version = text("version"), !version.isEmpty { component.properties["gguf.version"] = version }
            add(component, edge: edge, statedAs: statedAs, at: at)
        }
    }

    /// `general.datasets`, a plain list of names in the ggml specification (before indexed entries).
    mutating func readLegacyDatasets() {
        guard let entry = metadata["general.datasets"] else { return }
        guard case .strings(let names) = entry.value else {
            diagnostics.warning(
                "gguf.unexpected-type",
                "expected a string array for 'general.datasets', found \(entry.value.typeDescription); ignored",
                at: .offset(entry.keyOffset, in: path))
            return
        }
        let at = location(entry)
        for name in names.map(\.trimmingWhitespaceAndNewlines) where !name.isEmpty {
            let referenceOrigin = Origin(file: path, format: .gguf, location: at)
            let component = HuggingFaceRepository.referencedComponent(
                named: name, kind: .dataset, location: at, origin: referenceOrigin
            ).component
            add(component, edge: .trainedOn, statedAs: "general.datasets", at: at)
        }
    }

    mutating func add(_ component: Component, edge: EdgeKind, statedAs: String, at location: SourceLocation?) {
        guard component.ref != model.ref else { return }
        if !referenced.contains(where: { $0.ref == component.ref }) { referenced.append(component) }
        if edges.contains(where: { $0.to == component.ref && $0.kind == edge }) { return }
        edges.append(
            Edge(
                from: model.ref, to: component.ref, kind: edge, statedAs: statedAs, location: location,
                origin: Origin(file: path, format: .gguf, location: location)))
    }

    mutating func readProperties() {
        let keys = [
            "architecture", "quantization_version", "file_type", "author", "organization", "version", "basename",
            "finetune", "size_label", "quantized_by", "source.url", "source.repo_url", "tags", "languages",
        ]
        for key in keys {
            guard let entry = metadata["general." + key], let text = entry.value.text else { continue }
            model.properties["gguf.\(key)"] = text
        }
        model.properties["gguf.format_version"] = String(metadata.version)
        model.properties["gguf.tensor_count"] = String(metadata.tensorCount)
        if metadata.isBigEndian { model.properties["gguf.byte_order"] = "big-endian" }
    }

    func document() -> SBOMDocument {
        SBOMDocument(
            path: path, format: .gguf, specVersion: String(metadata.version), components: [model] + referenced,
            edges: edges, diagnostics: diagnostics.diagnostics)
    }
}
