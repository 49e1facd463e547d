import PedigreeDiagnostics
import PedigreeModel

/// Gives a decoded CycloneDX BOM its meaning in the neutral model: components, kinds, licenses, edges.
///
/// Mapping (DOMAIN.md §1):
/// - `metadata.component` is the product root; nested `components` are `contains` edges from their parent.
/// - `dependencies[].dependsOn` are `depends-on` edges; `provides` are `depends-on` edges stated as
///   `provides` (the implementing component needs what it implements to be present).
/// - `pedigree.ancestors`: for a model whose ancestor is a model, `fine-tuned-from` (one model
///   ancestor) or `merged-from` (several); `quantized-from` when the model is a quantized file
///   (a `.gguf` / `-GGUF` name, the Hugging Face convention); the component property
///   `pedigree:base_model_relation` (`finetune`, `adapter`, `merge`, `quantized`, `distillation`, as on
///   Hugging Face cards) overrides the guess. Every other ancestor is `derived-from`.
///   `descendants` are the same edges in the other direction; `variants` are `derived-from`.
/// - `modelCard.modelParameters.datasets[]` are `trained-on` edges (inline data descriptions become
///   dataset components).
/// - `services` are `runs` edges from the root (a service's nested services: `contains`).
/// - `scope: excluded` turns every edge into the component into `dev-dependency`, and an excluded
///   component no edge reaches gets a `dev-dependency` edge from the root, so that it is known not to ship.
///   `scope` is kept as the property `cyclonedx:scope`; a `type` with no kind of its own (`firmware`,
///   `platform`…) as `cyclonedx:type`.
/// - Licenses: entries with `acknowledgement: concluded` form the concluded license, the others the
///   declared one; `evidence.licenses` stand in for the declared license only when `licenses` states none.
///   A list of several entries is read as AND, flagged ambiguous, with one warning.
struct CycloneDXDocumentBuilder {
    let path: String
    let format: InputFormat
    var diagnostics: DiagnosticCollector

    private var components: [Component] = []
    private var edges: [Edge] = []
    /// `bom-ref` (and data-entry `bom-ref`) → index in `components`.
    private var indexByBOMRef: [String: Int] = [:]
    private var usedRefs: Set<String> = []
    private var excluded: Set<Int> = []
    private var rootIndex: Int?
    /// Licenses stated by their text (no SPDX id), each under a document-local `LicenseRef-`.
    private var extractedLicenses: [String: ExtractedLicense] = [:]
    /// Name and text → the id given, so that a text many components quote is one license.
    private var extractedIDs: [String: String] = [:]

    init(path: String, format: InputFormat, diagnostics: DiagnosticCollector) {
        self.path = path
        self.format = format
        self.diagnostics = diagnostics
    }

    mutating func build(_ bom: CycloneDXBOM) -> SBOMDocument {
        let expected = bom.components.count + bom.services.count + 1
        components.reserveCapacity(expected)
        indexByBOMRef.reserveCapacity(expected)
        usedRefs.reserveCapacity(expected)
        edges.reserveCapacity(bom.dependencies.count * 2)
        if let root = bom.metadataComponent {
            rootIndex = add(root, parent: nil, edgeKind: .contains)
        }
        for component in bom.components { _ = add(component, parent: nil, edgeKind: .contains) }
        for service in bom.services { _ = add(service, parent: rootIndex, edgeKind: .runs) }
        for dependency in bom.dependencies { addDependency(dependency) }
        markExcluded()
        let roots = rootIndex.map { [components[$0].ref] } ?? []
        var document = SBOMDocument(
            path: path, format: format, specVersion: bom.specVersion, components: components, edges: edges,
            roots: roots, diagnostics: diagnostics.diagnostics)
        document.extractedLicenses = extractedLicenses
        return document
    }

    // MARK: Components

    /// Adds a component, its nested components and pedigree; returns its index.
    private mutating func add(_ stated: CycloneDXComponent, parent: Int?, edgeKind: EdgeKind) -> Int {
        let index = components.count
        var component = Component(
            ref: ComponentRef(uniqueRef(for: stated)), name: displayName(stated), version: stated.version,
            kind: kind(of: stated), purl: stated.purl, supplier: stated.supplier, hashes: stated.hashes,
            location: stated.location, origins: [Origin(file: path, format: format, location: stated.location)],
            properties: stated.properties)
        if let scope = stated.scope { component.properties["cyclonedx:scope"] = scope }
        if let copyright = stated.copyright, !copyright.isEmpty { component.properties[Component.copyrightProperty] = copyright }
        if component.kind == .other, let type = stated.type { component.properties["cyclonedx:type"] = type }
        (component.declaredLicense, component.concludedLicense) = licenses(of: stated, name: component.name)
        components.append(component)
        register(stated.bomRef, at: stated.bomRefLocation ?? stated.location, index: index)
        for data in stated.dataRefs { register(data.value, at: data.location, index: index) }
        if stated.scope == "excluded" { excluded.insert(index) }
        if let parent {
            appendEdge(from: parent, to: index, kind: edgeKind, statedAs: edgeKind == .runs ? "services" : "components", at: stated.location)
        }
        for child in stated.components { _ = add(child, parent: index, edgeKind: .contains) }
        for service in stated.services { _ = add(service, parent: index, edgeKind: .contains) }
        let modelAncestors = stated.ancestors.filter { $0.type == "machine-learning-model" }.count
        for ancestor in stated.ancestors {
            let ancestorIndex = add(ancestor, parent: nil, edgeKind: .contains)
            let kind = derivationKind(derivative: stated, base: ancestor, modelBases: modelAncestors)
            appendEdge(from: index, to: ancestorIndex, kind: kind, statedAs: "pedigree.ancestors", at: ancestor.location)
        }
        for descendant in stated.descendants {
            let descendantIndex = add(descendant, parent: nil, edgeKind: .contains)
            let kind = derivationKind(derivative: descendant, base: stated, modelBases: 1)
            appendEdge(from: descendantIndex, to: index, kind: kind, statedAs: "pedigree.descendants", at: descendant.location)
        }
        for variant in stated.variants {
            let variantIndex = add(variant, parent: nil, edgeKind: .contains)
            appendEdge(from: variantIndex, to: index, kind: .derivedFrom, statedAs: "pedigree.variants", at: variant.location)
        }
        for dataset in stated.datasets {
            switch dataset {
            case .reference(let ref):
                pendingDatasets.append((index, ref))
            case .inline(let description):
                let datasetIndex = add(description, parent: nil, edgeKind: .contains)
                appendEdge(from: index, to: datasetIndex, kind: .trainedOn, statedAs: "modelCard.modelParameters.datasets",
                        at: description.location)
            }
        }
        return index
    }

    /// Dataset references are resolved after every component is known (they may point forward).
    private var pendingDatasets: [(Int, CycloneDXReference)] = []

    private mutating func register(_ bomRef: String?, at location: SourceLocation, index: Int) {
        guard let bomRef else { return }
        if let first = indexByBOMRef[bomRef] {
            let firstLocation = components[first].location.map { " (first at \($0.line):\($0.column))" } ?? ""
            diagnostics.error(
                "cyclonedx.duplicate-bom-ref", "'bom-ref' '\(bomRef)' is used more than once\(firstLocation)", at: location)
            return
        }
        indexByBOMRef[bomRef] = index
    }

    /// The component's `bom-ref`, or, when it has none or a taken one, its purl or name@version,
    /// numbered until unique within the document.
    private mutating func uniqueRef(for stated: CycloneDXComponent) -> String {
        var base = stated.bomRef ?? stated.purl ?? displayName(stated) + (stated.version.map { "@" + $0 } ?? "")
        if base.isEmpty { base = "component-\(components.count + 1)" }
        var candidate = base
        var counter = 2
        while usedRefs.contains(candidate) {
            candidate = "\(base)#\(counter)"
            counter += 1
        }
        usedRefs.insert(candidate)
        return candidate
    }

    private func displayName(_ stated: CycloneDXComponent) -> String {
        let name = stated.name ?? ""
        guard let group = stated.group, !group.isEmpty else { return name }
        // Maven-style groups read `group:name`; npm scopes already start with `@`.
        return group.hasPrefix("@") ? "\(group)/\(name)" : "\(group):\(name)"
    }

    private func kind(of stated: CycloneDXComponent) -> ComponentKind {
        if stated.isService { return .service }
        switch stated.type {
        case "application": return .application
        case "framework": return .framework
        case "library": return .library
        case "container": return .container
        case "file": return .file
        case "machine-learning-model": return .model
        case "data": return .dataset
        default: return .other
        }
    }

    /// The derivation edge kind from `derivative` to its `base` (see the type's discussion).
    private func derivationKind(derivative: CycloneDXComponent, base: CycloneDXComponent, modelBases: Int) -> EdgeKind {
        guard derivative.type == "machine-learning-model", base.type == "machine-learning-model" else {
            return .derivedFrom
        }
        switch derivative.properties["pedigree:base_model_relation"]?.lowercased() {
        case "finetune", "fine-tune", "fine-tuned": return .fineTunedFrom
        case "adapter": return .adapterOf
        case "merge", "merged": return .mergedFrom
        case "quantized", "quantization": return .quantizedFrom
        case "distillation", "distilled": return .distilledFrom
        default: break
        }
        let names = [derivative.name, derivative.purl].compactMap { $0?.lowercased() }
        if names.contains(where: { $0.hasSuffix(".gguf") || $0.contains("-gguf") || $0.contains("gguf@") }) {
            return .quantizedFrom
        }
        return modelBases > 1 ? .mergedFrom : .fineTunedFrom
    }

    // MARK: Licenses

    private mutating func licenses(of stated: CycloneDXComponent, name: String) -> (LicenseStatement?, LicenseStatement?) {
        var declared = stated.licenses.filter { $0.acknowledgement != "concluded" }
        let concluded = stated.licenses.filter { $0.acknowledgement == "concluded" }
        if declared.isEmpty, concluded.isEmpty, !stated.evidenceLicenses.isEmpty {
            declared = stated.evidenceLicenses
        }
        return (statement(declared, purl: stated.purl), statement(concluded, purl: stated.purl))
    }

    private mutating func statement(_ entries: [CycloneDXLicense], purl: String?) -> LicenseStatement? {
        var parts: [LicenseText] = []
        for entry in entries { if let part = text(of: entry) { parts.append(part) } }
        guard !parts.isEmpty else { return nil }
        guard parts.count > 1 else { return LicenseStatement(parts[0]) }
        // What the list means is the license layer's to decide (by ecosystem), and to report once.
        return LicenseStatement(
            parts, isAmbiguousList: true,
            list: LicenseListEvidence(origin: .cycloneDXLicenses, packageType: LicenseListEvidence.packageType(ofPURL: purl)))
    }

    private mutating func text(of license: CycloneDXLicense) -> LicenseText? {
        switch license.content {
        case .expression(let expression):
            return LicenseText(expression.value, form: .expression, location: expression.location)
        case .license(let id, let name, let url):
            if let id { return LicenseText(id.value, form: .id, location: id.location) }
            if let text = license.text, text.value.contains(where: { !$0.isWhitespace }) {
                return LicenseText(definedByText(text, name: name?.value, url: url?.value), form: .id, location: name?.location ?? text.location)
            }
            if let name { return LicenseText(name.value, form: .name, location: name.location) }
            if let url { return LicenseText(url.value, form: .url, location: url.location) }
            return nil
        }
    }

    /// The document-local id of a license stated by name (or URL) and text, for the license layer to
    /// identify the text, as it does for SPDX's extracted licensing info.
    private mutating func definedByText(_ text: CycloneDXText, name: String?, url: String?) -> String {
        let key = (name ?? "") + "\u{1F}" + text.value
        if let id = extractedIDs[key] { return id }
        var id = "LicenseRef-" + LicenseRefName.idString(name ?? "")
        if id == "LicenseRef-" || extractedLicenses[id] != nil { id = "LicenseRef-cyclonedx-text-\(extractedIDs.count + 1)" }
        extractedIDs[key] = id
        extractedLicenses[id] = ExtractedLicense(id: id, name: name, text: text.value, seeAlso: url.map { [$0] } ?? [], location: text.location)
        return id
    }

    // MARK: Edges

    private mutating func addDependency(_ dependency: CycloneDXDependency) {
        resolvePendingDatasets()
        guard let from = indexByBOMRef[dependency.ref.value] else {
            if !dependency.dependsOn.isEmpty || !dependency.provides.isEmpty {
                diagnostics.warning(
                    "graph.dangling-reference",
                    "dependency 'ref' '\(dependency.ref.value)' names no component or service of this BOM",
                    at: dependency.ref.location)
            }
            return
        }
        // Two calls rather than a loop over an array of both lists: no array built per dependency.
        addDependencyTargets(dependency.dependsOn, of: dependency, from: from, statedAs: "dependencies.dependsOn")
        addDependencyTargets(dependency.provides, of: dependency, from: from, statedAs: "dependencies.provides")
    }

    private mutating func addDependencyTargets(
        _ targets: [CycloneDXReference], of dependency: CycloneDXDependency, from: Int, statedAs: String
    ) {
        for target in targets {
            guard let to = indexByBOMRef[target.value] else {
                diagnostics.warning(
                    "graph.dangling-reference",
                    "'\(dependency.ref.value)' depends on '\(target.value)', which names no component or service of this BOM",
                    at: target.location)
                continue
            }
            appendEdge(from: from, to: to, kind: .dependsOn, statedAs: statedAs, at: target.location)
        }
    }

    private mutating func resolvePendingDatasets() {
        for (model, ref) in pendingDatasets {
            guard let dataset = indexByBOMRef[ref.value] else {
                diagnostics.warning(
                    "graph.dangling-reference",
                    "model '\(components[model].name)' names the data set '\(ref.value)', which is not in this BOM",
                    at: ref.location)
                continue
            }
            if components[dataset].kind != .dataset {
                diagnostics.warning(
                    "cyclonedx.dataset-not-data",
                    "model '\(components[model].name)' names '\(ref.value)' as a data set, but it is a \(components[dataset].kind.rawValue)",
                    at: ref.location)
            }
            appendEdge(from: model, to: dataset, kind: .trainedOn, statedAs: "modelCard.modelParameters.datasets", at: ref.location)
        }
        pendingDatasets.removeAll()
    }

    /// Excluded components ship with nothing: their incoming edges become `dev-dependency`, and the
    /// root gains one to each excluded component that nothing else reaches.
    private mutating func markExcluded() {
        resolvePendingDatasets()
        guard !excluded.isEmpty else { return }
        var reached: Set<Int> = []
        for index in edges.indices where excluded.contains(edgeTargets[index]) {
            edges[index].kind = .devDependency
            reached.insert(edgeTargets[index])
        }
        guard let rootIndex else { return }
        for index in excluded.sorted() where !reached.contains(index) && index != rootIndex {
            appendEdge(from: rootIndex, to: index, kind: .devDependency, statedAs: "scope: excluded", at: components[index].location)
        }
    }

    private struct EdgeKey: Hashable {
        var from: Int
        var to: Int
        var kind: EdgeKind
    }

    private var edgeKeys: Set<EdgeKey> = []
    /// The component index each edge of `edges` points to.
    private var edgeTargets: [Int] = []

    /// Adds an edge unless the same one (ends and kind) is already there: two references to one
    /// component (a data entry and its data set) state one relationship.
    private mutating func appendEdge(from: Int, to: Int, kind: EdgeKind, statedAs: String, at location: SourceLocation?) {
        guard edgeKeys.insert(EdgeKey(from: from, to: to, kind: kind)).inserted else { return }
        edges.append(edge(from: from, to: to, kind: kind, statedAs: statedAs, at: location))
        edgeTargets.append(to)
    }

    private func edge(from: Int, to: Int, kind: EdgeKind, statedAs: String, at location: SourceLocation?) -> Edge {
        Edge(
            from: components[from].ref, to: components[to].ref, kind: kind, statedAs: statedAs, location: location,
            origin: Origin(file: path, format: format, location: location))
    }
}
