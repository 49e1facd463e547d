import PedigreeDiagnostics
import PedigreeModel
import SafeYAML

/// Reads the YAML front matter of a Hugging Face model or data set card (`README.md`) into one
/// component, the repositories it names, and the lineage between them.
///
/// Keys read (Hub documentation `modelcard.md`, `datasetcard.md`):
/// - `license` (an id, or a list of ids: AND, flagged ambiguous), `license_name`, `license_link`:
///   one license statement whose parts keep their forms (`.id`, `.name`, `.url`) and positions; the
///   license layer resolves `other` through the name and the link.
/// - `base_model` (an id or a list) with `base_model_relation`: `finetune` → `fine-tuned-from`,
///   `adapter` → `adapter-of`, `merge` → `merged-from`, `quantized` → `quantized-from`. Without a
///   relation one base means a fine-tune and several mean a merge (a one-entry list is a fine-tune:
///   the Hub's tools write single bases as lists). An unknown relation still says the model derives
///   from its base, so it becomes `derived-from` with a warning.
/// - `datasets` → `trained-on`; a data set card's `source_datasets` → `derived-from` (the Hub's
///   markers `original`, `extended` and `other` name no data set; `extended|<id>` names one).
/// - A `base_model` that is a local path (`/root/…`, `./…`) names nothing others can read: a warning.
/// - `language`, `tags`, `pipeline_tag`, `library_name`, `task_categories`, `size_categories`,
///   `annotations_creators`, `language_creators`, `license_details`, `pretty_name`, `new_version`:
///   kept as `huggingface.*` properties; a `machine-generated` creator sets `huggingface.machine-generated`.
///
/// A card is a data set when it carries a data-set key (`task_categories`, `task_ids`,
/// `size_categories`, `source_datasets`, `annotations_creators`, `language_creators`,
/// `multilinguality`, `dataset_info`) or lies in a `datasets` folder; otherwise a model.
/// Other keys are the Hub's business and are ignored without a word; values of the wrong type are
/// warnings, and reading goes on.
public enum HuggingFaceCardReader {
    /// Keys that only data set cards carry.
    static let datasetKeys: Set<String> = [
        "task_categories", "task_ids", "size_categories", "source_datasets", "annotations_creators",
        "language_creators", "multilinguality", "dataset_info",
    ]

    /// Keys whose presence in front matter says it is a Hub card rather than, say, a Jekyll page.
    static let cardKeys: Set<String> = datasetKeys.union([
        "license", "license_name", "license_link", "license_details", "base_model", "base_model_relation",
        "datasets", "language", "tags", "pipeline_tag", "library_name", "model-index", "metrics", "pretty_name",
        "new_version", "inference", "widget", "thumbnail", "extra_gated_prompt", "extra_gated_fields", "configs",
    ])

    /// Whether `prefix` (the first bytes of a file) starts with front matter that names at least one
    /// Hub card key at the start of a line.
    public static func recognizes(prefix: [UInt8]) -> Bool {
        let end: Int
        switch HuggingFaceFrontMatter.scan(prefix) {
        case .absent: return false
        case .unterminated: end = prefix.count
        case .found(let span): end = span.yaml.upperBound
        }
        var lineStart = 0
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, prefix[lineEnd] != 0x0A { lineEnd += 1 }
            if let key = topLevelKey(prefix[lineStart..<lineEnd]), cardKeys.contains(key) { return true }
            lineStart = lineEnd + 1
        }
        return false
    }

    /// Reads a card.
    ///
    /// - Parameters:
    ///   - bytes: the whole Markdown file.
    ///   - path: the file's path, shown in diagnostics and used for the repository id.
    ///   - id: the repository id when the caller knows it (a manifest names it); otherwise it comes from
    ///     the folders, `…/<org>/<name>/README.md` (see `HuggingFaceRepository.fromFolder(of:)`).
    /// - Throws: `InputError` when the file has no front matter (`huggingface.no-front-matter`), the
    ///   front matter is never closed (`huggingface.unterminated-front-matter`), is not YAML (the
    ///   `yaml.*` codes) or is not a mapping (`huggingface.front-matter-not-mapping`).
    ///   - frontMatterOptional: whether a file without front matter is still a card (one that states
    ///     nothing), because where it lies says so (`HubREADME`).
    public static func read(
        markdown bytes: [UInt8], path: String, id: String? = nil, frontMatterOptional: Bool = false,
        limits: InputLimits = .default
    ) throws(InputError) -> SBOMDocument {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let span: HuggingFaceFrontMatter.Span
        switch HuggingFaceFrontMatter.scan(bytes) {
        case .absent where frontMatterOptional:
            return statingNothing(path: path, id: id, start: start)
        case .absent:
            throw InputError(
                "huggingface.no-front-matter", "expected a '---' line opening YAML front matter on line 1, found none",
                at: start)
        case .unterminated:
            throw InputError(
                "huggingface.unterminated-front-matter",
                "the front matter opened on line 1 is never closed; expected a '---' line after it", at: start)
        case .found(let found):
            span = found
        }
        let yaml = Array(bytes[span.yaml])
        let root = try YAMLParser.parse(yaml, file: path, firstLine: 2, limits: limits)
        var pairs: [YAMLPair] = []
        if let root {
            guard let mapping = root.mapping else {
                throw InputError(
                    "huggingface.front-matter-not-mapping",
                    "expected the front matter to be a mapping of keys, found \(root.yamlTypeDescription)",
                    at: root.location)
            }
            pairs = mapping
        }
        var builder = HuggingFaceCardBuilder(path: path, pairs: pairs, start: start)
        builder.identify(explicitID: id)
        builder.readLicense()
        builder.readBaseModels()
        builder.readDatasets()
        builder.readSourceDatasets()
        builder.readProperties()
        return builder.document()
    }

    /// A card without front matter: the repository exists, and states no license, base or data set.
    private static func statingNothing(path: String, id: String?, start: SourceLocation) -> SBOMDocument {
        var builder = HuggingFaceCardBuilder(path: path, pairs: [], start: start)
        builder.identify(explicitID: id)
        builder.diagnostics.note(
            "huggingface.no-front-matter",
            "this card has no YAML front matter, so it states no license, base model or data set", at: start)
        return builder.document()
    }

    /// The key of a line `key: value` that starts at column 1, without quotes.
    private static func topLevelKey(_ line: ArraySlice<UInt8>) -> String? {
        guard let first = line.first, first != 0x20, first != 0x09, first != UInt8(ascii: "#"),
            first != UInt8(ascii: "-"), let colon = line.firstIndex(of: UInt8(ascii: ":"))
        else { return nil }
        var key = String(decoding: line[line.startIndex..<colon], as: UTF8.self).trimmingWhitespaceAndNewlines
        if key.count >= 2, let quote = key.first, quote == "\"" || quote == "'", key.last == quote {
            key = String(key.dropFirst().dropLast())
        }
        return key
    }
}

/// The work of reading one card: the card's own component, the repositories it names, the edges.
private struct HuggingFaceCardBuilder {
    let path: String
    let pairs: [YAMLPair]
    let start: SourceLocation
    let origin: Origin
    var diagnostics = DiagnosticCollector()
    var card: Component
    var referenced: [Component] = []
    var edges: [Edge] = []

    init(path: String, pairs: [YAMLPair], start: SourceLocation) {
        self.path = path
        self.pairs = pairs
        self.start = start
        self.origin = Origin(file: path, format: .huggingFaceCard, location: start)
        self.card = Component(ref: ComponentRef(path), name: path, kind: .model, location: start, origins: [origin])
    }

    subscript(key: String) -> YAMLNode? {
        for pair in pairs where pair.key.string == key { return pair.value }
        return nil
    }

    var isDatasetCard: Bool { pairs.contains { HuggingFaceCardReader.datasetKeys.contains($0.key.string ?? "") } }

    // MARK: Identity

    mutating func identify(explicitID: String?) {
        var kind: HuggingFaceRepository.Kind = isDatasetCard ? .dataset : .model
        var repository: HuggingFaceRepository?
        if let explicitID {
            repository = HuggingFaceRepository.parse(explicitID, kind: kind)
            if repository == nil {
                diagnostics.warning(
                    "huggingface.invalid-id",
                    "'\(explicitID)' is not a Hugging Face repository id (expected 'org/name'); the id is taken from the folder",
                    at: start)
            }
        }
        if repository == nil, let fromFolder = HuggingFaceRepository.fromFolder(of: path) {
            if fromFolder.kindFromLayout, fromFolder.repository.kind == .dataset { kind = .dataset }
            repository = HuggingFaceRepository(id: fromFolder.repository.id, kind: kind)
        }
        guard var repository else {
            diagnostics.warning(
                "huggingface.no-id",
                "cannot tell the repository id from the path '\(path)'; expected '…/<org>/<name>/README.md' or an id given by the manifest",
                at: start)
            card.kind = kind == .dataset ? .dataset : .model
            return
        }
        repository.kind = kind == .dataset || repository.kind == .dataset ? .dataset : .model
        card.ref = repository.ref
        card.name = repository.id
        card.kind = repository.componentKind
        card.purl = repository.purl
        card.supplier = repository.organization
        card.properties["huggingface.url"] = repository.url
    }

    // MARK: License

    /// `license: other` with a `license_name` is one license, the one the name states; the link is
    /// where its text lives. A relative link names a file of the repository (`LICENSE`), kept as
    /// `license.file` beside the card for the license-text layer to read; a URL is kept as
    /// `huggingface.license_link`, and is the statement only when nothing else names the license.
    mutating func readLicense() {
        var ids: [(text: String, node: YAMLNode)] = []
        if let node = self["license"] { ids = strings(of: node, key: "license") }
        var name: LicenseText?
        if let node = self["license_name"], let text = string(of: node, key: "license_name") {
            name = LicenseText(text, form: .name, location: node.location)
        }
        var link: LicenseText?
        if let node = self["license_link"], let text = string(of: node, key: "license_link") {
            link = LicenseText(text, form: .url, location: node.location)
            recordLicenseLink(text.trimmingWhitespaceAndNewlines)
        }
        var parts = ids.map { LicenseText($0.text, form: .id, location: $0.node.location) }
        if let name {
            let placeholder = parts.firstIndex { $0.raw.trimmingWhitespaceAndNewlines.lowercased() == "other" }
            if let placeholder { parts[placeholder] = name } else if parts.isEmpty { parts = [name] }
        }
        if let link, name == nil, link.raw.contains("://"),
            parts.allSatisfy({ $0.raw.trimmingWhitespaceAndNewlines.lowercased() == "other" })
        {
            parts = [link]
        }
        if !parts.isEmpty {
            card.declaredLicense = LicenseStatement(
                parts, isAmbiguousList: ids.count > 1, list: ids.count > 1 ? LicenseListEvidence(origin: .huggingFaceCard) : nil)
        }
        // Without a link into the repository, its own LICENSE (or COPYING) file beside the card is the text.
        if card.properties[LicenseTextFiles.fileProperty] == nil { card.properties[LicenseTextFiles.fileProperty] = folder + "/" }
    }

    /// The folder of the card, where the repository's files are.
    private var folder: String {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return folder.isEmpty ? "." : folder
    }

    private mutating func recordLicenseLink(_ link: String) {
        guard !link.isEmpty else { return }
        card.properties["huggingface.license_link"] = link
        guard let file = repositoryFile(link) else { return }
        card.properties[LicenseTextFiles.fileProperty] = folder + "/" + file
    }

    /// The repository file a license link names: a relative path (`LICENSE`, `./LICENSE.md`), or a Hub
    /// URL into this very repository (`https://huggingface.co/<org>/<name>/blob/main/LICENSE`).
    private func repositoryFile(_ link: String) -> String? {
        if !link.contains("://") {
            guard !link.hasPrefix("/"), !link.split(separator: "/").contains("..") else { return nil }
            return link.hasPrefix("./") ? String(link.dropFirst(2)) : link
        }
        guard let url = card.properties["huggingface.url"] else { return nil }
        for marker in ["/blob/", "/resolve/", "/raw/"] {
            let prefix = url + marker
            guard link.hasPrefix(prefix) else { continue }
            let rest = link.dropFirst(prefix.count).split(separator: "/", maxSplits: 1)
            guard rest.count == 2, !rest[1].split(separator: "/").contains("..") else { return nil }
            return String(rest[1])
        }
        return nil
    }

    // MARK: Lineage

    mutating func readBaseModels() {
        guard let node = self["base_model"] else { return }
        let bases = strings(of: node, key: "base_model").filter { base in
            guard HuggingFaceRepository.looksLikeLocalPath(base.text.trimmingWhitespaceAndNewlines) else { return true }
            diagnostics.warning(
                "huggingface.local-base-model",
                "base_model '\(base.text)' is a local path, not a Hugging Face id; no base model is recorded: name its repository to learn its license",
                at: base.node.location)
            return false
        }
        guard !bases.isEmpty else { return }
        var kind: EdgeKind = bases.count > 1 && node.sequence != nil ? .mergedFrom : .fineTunedFrom
        var statedAs = "base_model (\(kind == .mergedFrom ? "merge" : "finetune") by default)"
        if let relationNode = self["base_model_relation"], let relation = string(of: relationNode, key: "base_model_relation") {
            statedAs = "base_model (base_model_relation: \(relation))"
            switch relation.trimmingWhitespaceAndNewlines.lowercased() {
            case "finetune": kind = .fineTunedFrom
            case "adapter": kind = .adapterOf
            case "merge": kind = .mergedFrom
            case "quantized": kind = .quantizedFrom
            default:
                kind = .derivedFrom
                diagnostics.warning(
                    "huggingface.unknown-base-model-relation",
                    "unknown base_model_relation '\(relation)'; expected 'finetune', 'adapter', 'merge' or 'quantized', read as derived-from",
                    at: relationNode.location)
            }
        }
        for (text, item) in bases {
            link(to: text, kind: .model, edge: kind, statedAs: statedAs, at: item)
        }
    }

    mutating func readDatasets() {
        guard let node = self["datasets"] else { return }
        for (text, item) in strings(of: node, key: "datasets") {
            link(to: text, kind: .dataset, edge: .trainedOn, statedAs: "datasets", at: item)
        }
    }

    mutating func readSourceDatasets() {
        guard let node = self["source_datasets"] else { return }
        for (text, item) in strings(of: node, key: "source_datasets") {
            var source = text.trimmingWhitespaceAndNewlines
            if source.lowercased().hasPrefix("extended|") { source = String(source.dropFirst("extended|".count)) }
            // The Hub's markers say where the data came from without naming a data set.
            if ["", "original", "extended", "other"].contains(source.lowercased()) { continue }
            link(to: source, kind: .dataset, edge: .derivedFrom, statedAs: "source_datasets", at: item)
        }
    }

    /// Adds the edge from the card to the repository `text` names, and that repository's component.
    mutating func link(to text: String, kind: HuggingFaceRepository.Kind, edge: EdgeKind, statedAs: String, at node: YAMLNode) {
        let referenceOrigin = Origin(file: path, format: .huggingFaceCard, location: node.location)
        let (component, repository) = HuggingFaceRepository.referencedComponent(
            named: text.trimmingWhitespaceAndNewlines, kind: kind, location: node.location, origin: referenceOrigin)
        if repository == nil {
            diagnostics.warning(
                "huggingface.not-a-repository-id",
                "'\(text)' is not a Hugging Face repository id (expected 'org/name'); kept as a component of that name",
                at: node.location)
        }
        guard component.ref != card.ref else {
            diagnostics.warning(
                "huggingface.self-reference", "the card names its own repository '\(text)' as a \(statedAs) entry; ignored",
                at: node.location)
            return
        }
        if !referenced.contains(where: { $0.ref == component.ref }) { referenced.append(component) }
        let newEdge = Edge(
            from: card.ref, to: component.ref, kind: edge, statedAs: statedAs, location: node.location,
            origin: referenceOrigin)
        if !edges.contains(where: { $0.to == newEdge.to && $0.kind == newEdge.kind }) { edges.append(newEdge) }
    }

    // MARK: Properties

    mutating func readProperties() {
        let keys = [
            "language", "tags", "pipeline_tag", "library_name", "task_categories", "size_categories",
            "annotations_creators", "language_creators", "license_details", "pretty_name", "new_version",
        ]
        for key in keys {
            guard let node = self[key] else { continue }
            let values = strings(of: node, key: key).map(\.text)
            if !values.isEmpty { card.properties["huggingface.\(key)"] = values.joined(separator: ", ") }
        }
        if let tag = self["pipeline_tag"].flatMap({ strings(of: $0, key: "pipeline_tag", quiet: true).first?.text }) {
            card.properties[Component.multimodalProperty] = Self.multimodalPipelineTags.contains(tag) ? "true" : "false"
        }
        for key in ["annotations_creators", "language_creators"] {
            if let node = self[key], strings(of: node, key: key, quiet: true).contains(where: { $0.text == "machine-generated" }) {
                card.properties["huggingface.machine-generated"] = "true"
            }
        }
    }

    /// The Hub's pipeline tags of models that take images, audio or video with text.
    static let multimodalPipelineTags: Set<String> = [
        "image-text-to-text", "visual-question-answering", "document-question-answering", "image-to-text",
        "video-text-to-text", "any-to-any", "audio-text-to-text", "visual-document-retrieval",
    ]

    // MARK: Values

    /// The texts of a string or a list of strings; other values and items are warned about and skipped.
    mutating func strings(of node: YAMLNode, key: String, quiet: Bool = false) -> [(text: String, node: YAMLNode)] {
        if node.isNull { return [] }
        if let text = Self.text(of: node) { return [(text, node)] }
        guard let items = node.sequence else {
            if !quiet { warnType(node, key: key, expected: "a string or a list of strings") }
            return []
        }
        var result: [(text: String, node: YAMLNode)] = []
        for item in items {
            if let text = Self.text(of: item) {
                result.append((text, item))
            } else if !item.isNull, !quiet {
                warnType(item, key: key, expected: "a string")
            }
        }
        return result
    }

    mutating func string(of node: YAMLNode, key: String) -> String? {
        if node.isNull { return nil }
        if let text = Self.text(of: node) { return text }
        warnType(node, key: key, expected: "a string")
        return nil
    }

    /// A scalar's text, except for an unquoted `true`/`false`, which no card key means as a name.
    static func text(of node: YAMLNode) -> String? {
        guard let scalar = node.scalar, !scalar.isNull else { return nil }
        if scalar.isPlain, scalar.tag == nil, scalar.bool != nil { return nil }
        return scalar.value
    }

    mutating func warnType(_ node: YAMLNode, key: String, expected: String) {
        diagnostics.warning(
            "huggingface.unexpected-type", "expected \(expected) for '\(key)', found \(node.yamlTypeDescription); ignored",
            at: node.location)
    }

    func document() -> SBOMDocument {
        SBOMDocument(
            path: path, format: .huggingFaceCard, components: [card] + referenced, edges: edges,
            diagnostics: diagnostics.diagnostics)
    }
}
