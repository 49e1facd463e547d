import PedigreeDiagnostics
import PedigreeModel
import SafeYAML

/// Reads the project manifest `pedigree.yaml`: the product and how it is used, the inputs to read,
/// and the components and relationships no SBOM states (`Schemas/manifest.schema.json`).
///
/// Shape (every key optional):
/// ```
/// pedigree: 1                       # format version
/// product: {name, ref, version, purl, commercial, distribution, license,
///           monthly-active-users, daily-active-users, annual-revenue-usd, regions}
/// include: [path…]                  # files and folders, relative to the manifest's folder
/// components: [{ref, name, version, kind, purl, supplier, license, huggingface, card}…]
/// relationships: [{from, to, kind}…]  # kind: any edge kind (runs, distilled-from…)
/// interpretation: {training-data: use|derivative|none,
///                  default-dependency: dynamic-link|static-link|contains}
/// ```
/// The product becomes a component (kind `application`) and the document's root. A value of the
/// wrong type or outside its allowed set is an error diagnostic at its position and is left out; an
/// unknown key is a warning; the rest of the manifest is still read, so that one typo reports every
/// problem at once. Paths are checked now (a missing include is an error at the line naming it) and
/// never through a symlink.
public enum ManifestReader {
    /// The file names a manifest has.
    public static let fileNames: Set<String> = ["pedigree.yaml", "pedigree.yml"]

    /// Whether a parsed YAML document is a Pedigree manifest: a mapping, in a file named
    /// `pedigree.yaml`, or with a `pedigree` key, or with `product` or `include` and no `spdxVersion`.
    public static func recognizes(yaml: YAMLNode, path: String) -> Bool {
        guard let pairs = yaml.mapping else { return false }
        let keys = Set(pairs.compactMap { $0.key.string })
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        if fileNames.contains(fileName) || keys.contains("pedigree") { return true }
        return !keys.contains("spdxVersion") && !keys.isDisjoint(with: ["product", "include"])
    }

    /// Reads a manifest; problems are diagnostics in the document, never thrown.
    public static func read(yaml: YAMLNode, path: String) -> SBOMDocument {
        var builder = ManifestBuilder(path: path)
        builder.read(yaml)
        return builder.document()
    }
}

/// The work of reading one manifest.
private struct ManifestBuilder {
    let path: String
    let resolver: ManifestPathResolver
    var diagnostics = DiagnosticCollector()
    var manifest = Manifest()
    var productComponent: Component?

    static let topLevelKeys = ["pedigree", "product", "include", "components", "relationships", "interpretation"]
    static let productKeys = [
        "name", "ref", "version", "purl", "commercial", "distribution", "license", "monthly-active-users",
        "daily-active-users", "annual-revenue-usd", "regions",
    ]
    static let componentKeys = ["ref", "name", "version", "kind", "purl", "supplier", "license", "huggingface", "card"]
    static let relationshipKeys = ["from", "to", "kind"]
    static let interpretationValues: [String: [String]] = [
        "training-data": ["use", "derivative", "none"],
        "default-dependency": ["dynamic-link", "static-link", "contains"],
    ]

    init(path: String) {
        self.path = path
        self.resolver = ManifestPathResolver(manifestPath: path)
    }

    var origin: Origin { Origin(file: path, format: .manifest) }

    mutating func read(_ root: YAMLNode) {
        guard let pairs = mapping(root, key: "the manifest") else { return }
        checkKeys(pairs, allowed: Self.topLevelKeys, in: "the manifest")
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            let value = pair.value
            switch key {
            case "pedigree": readVersion(value)
            case "product": readProduct(value)
            case "include": readIncludes(value)
            case "components": readComponents(value)
            case "relationships": readRelationships(value)
            case "interpretation": readInterpretation(value)
            default: break
            }
        }
    }

    // MARK: Sections

    mutating func readVersion(_ node: YAMLNode) {
        guard node.int != 1, node.string != "1" else { return }
        diagnostics.error(
            "manifest.unsupported-version", "expected 'pedigree: 1', found \(node.yamlTypeDescription)", at: node.location)
    }

    mutating func readProduct(_ node: YAMLNode) {
        guard let pairs = mapping(node, key: "product") else { return }
        checkKeys(pairs, allowed: Self.productKeys, in: "product")
        var context = ProductContext()
        var ref: (String, SourceLocation)?
        var version: String?
        var purl: String?
        var license: LicenseStatement?
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            let value = pair.value
            let qualified = "product.\(key)"
            switch key {
            case "name": context.name = text(value, key: qualified)
            case "ref": if let text = text(value, key: qualified) { ref = (text, value.location) }
            case "version": version = text(value, key: qualified)
            case "purl": purl = text(value, key: qualified)
            case "commercial": context.commercial = bool(value, key: qualified)
            case "license":
                if let text = text(value, key: qualified) {
                    context.license = text
                    license = LicenseStatement(LicenseText(text, form: .expression, location: value.location))
                }
            case "distribution": context.distribution = distribution(value)
            case "monthly-active-users": context.monthlyActiveUsers = count(value, key: qualified)
            case "daily-active-users": context.dailyActiveUsers = count(value, key: qualified)
            case "annual-revenue-usd": context.annualRevenueUSD = amount(value, key: qualified)
            case "regions": context.regions = texts(value, key: qualified)
            default: break
            }
        }
        let productRef = ComponentRef(ref?.0 ?? context.name ?? "product")
        manifest.product = context
        manifest.productRef = productRef
        productComponent = Component(
            ref: productRef, name: context.name ?? productRef.rawValue, version: version, kind: .application, purl: purl,
            declaredLicense: license, location: node.location,
            origins: [Origin(file: path, format: .manifest, location: node.location)])
    }

    mutating func readIncludes(_ node: YAMLNode) {
        guard let items = texts(node, key: "include", withNodes: true) else { return }
        for (written, item) in items {
            switch resolver.resolve(written) {
            case .success(let resolved):
                if !manifest.includes.contains(resolved) { manifest.includes.append(resolved) }
            case .failure(let failure):
                diagnostics.append(ManifestPathResolver.diagnostic(failure, key: "include", written: written, at: item.location))
            }
        }
    }

    mutating func readComponents(_ node: YAMLNode) {
        guard let items = sequence(node, key: "components") else { return }
        for item in items {
            guard let pairs = mapping(item, key: "an entry of 'components'") else { continue }
            checkKeys(pairs, allowed: Self.componentKeys, in: "a component")
            if let component = component(item, pairs: pairs) {
                if manifest.components.contains(where: { $0.ref == component.ref }) || productComponent?.ref == component.ref {
                    diagnostics.error(
                        "manifest.duplicate-ref", "the component ref '\(component.ref)' is used twice in the manifest",
                        at: item.location)
                    continue
                }
                manifest.components.append(component)
            }
        }
    }

    mutating func component(_ node: YAMLNode, pairs: [YAMLPair]) -> Component? {
        func value(_ key: String) -> YAMLNode? { pairs.first { $0.key.string == key }?.value }
        var kind: ComponentKind?
        if let kindNode = value("kind"), let written = text(kindNode, key: "kind") {
            kind = ComponentKind(rawValue: written) ?? Self.componentKindAliases[written]
            if kind == nil {
                let allowed = ComponentKind.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.error(
                    "manifest.invalid-value", "unknown component kind '\(written)'; expected one of \(allowed)",
                    at: kindNode.location)
            }
        }
        var repository: HuggingFaceRepository?
        if let idNode = value("huggingface"), let written = text(idNode, key: "huggingface") {
            repository = HuggingFaceRepository.parse(written, kind: kind == .dataset ? .dataset : .model)
            if repository == nil {
                diagnostics.error(
                    "manifest.invalid-value",
                    "'\(written)' is not a Hugging Face repository id; expected 'org/name' or a huggingface.co URL",
                    at: idNode.location)
            }
        }
        let name = optionalText(value("name"), key: "name")
        let refText = optionalText(value("ref"), key: "ref")
        guard let ref = refText.map({ ComponentRef($0) }) ?? repository?.ref ?? name.map({ ComponentRef($0) }) else {
            diagnostics.error(
                "manifest.missing-key", "a component needs 'ref', 'name' or 'huggingface' to be named", at: node.location)
            return nil
        }
        var component = Component(
            ref: ref, name: name ?? repository?.id ?? ref.rawValue,
            kind: kind ?? repository?.componentKind ?? .library, location: node.location,
            origins: [Origin(file: path, format: .manifest, location: node.location)])
        component.version = optionalText(value("version"), key: "version")
        component.purl = optionalText(value("purl"), key: "purl") ?? repository?.purl
        component.supplier = optionalText(value("supplier"), key: "supplier") ?? repository?.organization
        if let repository { component.properties["huggingface.url"] = repository.url }
        if let licenseNode = value("license"), let license = text(licenseNode, key: "license") {
            component.declaredLicense = LicenseStatement(LicenseText(license, form: .expression, location: licenseNode.location))
        }
        if let cardNode = value("card"), let written = text(cardNode, key: "card") {
            if let repository {
                switch resolver.resolve(written) {
                case .success(let resolved): manifest.huggingFaceIDs[resolved] = repository.id
                case .failure(let failure):
                    diagnostics.append(ManifestPathResolver.diagnostic(failure, key: "card", written: written, at: cardNode.location))
                }
            } else {
                diagnostics.error(
                    "manifest.missing-key", "'card' names a card's repository, so the component needs 'huggingface' too",
                    at: cardNode.location)
            }
        }
        return component
    }

    /// Kinds other formats use for the same things, accepted so a manifest can be written by habit.
    static let componentKindAliases: [String: ComponentKind] = [
        "machine-learning-model": .model, "data": .dataset, "ai-model": .model,
    ]

    mutating func readRelationships(_ node: YAMLNode) {
        guard let items = sequence(node, key: "relationships") else { return }
        for item in items {
            guard let pairs = mapping(item, key: "an entry of 'relationships'") else { continue }
            checkKeys(pairs, allowed: Self.relationshipKeys, in: "a relationship")
            func value(_ key: String) -> YAMLNode? { pairs.first { $0.key.string == key }?.value }
            var ends: [String: String] = [:]
            var complete = true
            for key in Self.relationshipKeys {
                guard let node = value(key) else {
                    diagnostics.error("manifest.missing-key", "a relationship needs '\(key)'", at: item.location)
                    complete = false
                    continue
                }
                guard let written = text(node, key: key) else {
                    complete = false
                    continue
                }
                ends[key] = written
            }
            guard complete, let from = ends["from"], let to = ends["to"], let kindText = ends["kind"] else { continue }
            guard let kind = EdgeKind(rawValue: kindText) else {
                let allowed = EdgeKind.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.error(
                    "manifest.invalid-value", "unknown relationship kind '\(kindText)'; expected one of \(allowed)",
                    at: value("kind")?.location ?? item.location)
                continue
            }
            manifest.edges.append(
                Edge(
                    from: ComponentRef(from), to: ComponentRef(to), kind: kind, statedAs: "manifest", location: item.location,
                    origin: Origin(file: path, format: .manifest, location: item.location)))
        }
    }

    mutating func readInterpretation(_ node: YAMLNode) {
        guard let pairs = mapping(node, key: "interpretation") else { return }
        checkKeys(pairs, allowed: Array(Self.interpretationValues.keys).sorted(), in: "interpretation")
        for pair in pairs {
            guard let key = pair.key.string, let allowed = Self.interpretationValues[key] else { continue }
            guard let written = text(pair.value, key: "interpretation.\(key)") else { continue }
            guard allowed.contains(written) else {
                diagnostics.error(
                    "manifest.invalid-value",
                    "'\(written)' is not a value of 'interpretation.\(key)'; expected one of \(allowed.joined(separator: ", "))",
                    at: pair.value.location)
                continue
            }
            manifest.interpretation[key] = written
        }
    }

    // MARK: Typed values

    mutating func checkKeys(_ pairs: [YAMLPair], allowed: [String], in place: String) {
        for pair in pairs {
            let key = pair.key.string ?? pair.key.yamlTypeDescription
            guard !allowed.contains(key) else { continue }
            diagnostics.warning(
                "manifest.unknown-key",
                "unknown key '\(key)' in \(place); expected one of \(allowed.joined(separator: ", "))", at: pair.key.location)
        }
    }

    mutating func typeError(_ node: YAMLNode, key: String, expected: String) {
        diagnostics.error(
            "manifest.unexpected-type", "expected \(expected) for '\(key)', found \(node.yamlTypeDescription)",
            at: node.location)
    }

    mutating func mapping(_ node: YAMLNode, key: String) -> [YAMLPair]? {
        if let pairs = node.mapping { return pairs }
        if node.isNull { return [] }
        typeError(node, key: key, expected: "a mapping")
        return nil
    }

    mutating func sequence(_ node: YAMLNode, key: String) -> [YAMLNode]? {
        if let items = node.sequence { return items }
        if node.isNull { return [] }
        typeError(node, key: key, expected: "a list")
        return nil
    }

    /// A scalar's text: strings, and numbers written where text is meant (`version: 2`).
    mutating func text(_ node: YAMLNode, key: String) -> String? {
        if let scalar = node.scalar, !scalar.isNull, scalar.bool == nil || !scalar.isPlain {
            let trimmed = scalar.value.trimmingWhitespaceAndNewlines
            if !trimmed.isEmpty { return trimmed }
            diagnostics.error("manifest.unexpected-type", "expected a non-empty string for '\(key)', found an empty one", at: node.location)
            return nil
        }
        typeError(node, key: key, expected: "a string")
        return nil
    }

    mutating func optionalText(_ node: YAMLNode?, key: String) -> String? {
        guard let node else { return nil }
        return text(node, key: key)
    }

    /// One string or a list of strings.
    mutating func texts(_ node: YAMLNode, key: String) -> [String]? {
        texts(node, key: key, withNodes: true)?.map(\.text)
    }

    mutating func texts(_ node: YAMLNode, key: String, withNodes: Bool) -> [(text: String, node: YAMLNode)]? {
        if node.scalar != nil, !node.isNull { return text(node, key: key).map { [($0, node)] } }
        guard let items = sequence(node, key: key) else { return nil }
        var result: [(text: String, node: YAMLNode)] = []
        for item in items {
            if let value = text(item, key: key) { result.append((value, item)) }
        }
        return result
    }

    mutating func bool(_ node: YAMLNode, key: String) -> Bool? {
        if let value = node.bool { return value }
        typeError(node, key: key, expected: "true or false")
        return nil
    }

    /// A whole number of at least zero (users are counted, not measured).
    mutating func count(_ node: YAMLNode, key: String) -> Int? {
        var value = node.int
        if value == nil, let real = node.double, real.isFinite, real == real.rounded(), abs(real) < 9.0e18 { value = Int(real) }
        guard let value else {
            typeError(node, key: key, expected: "a whole number")
            return nil
        }
        guard value >= 0 else {
            diagnostics.error("manifest.invalid-value", "expected a number of at least 0 for '\(key)', found \(value)", at: node.location)
            return nil
        }
        return value
    }

    mutating func amount(_ node: YAMLNode, key: String) -> Double? {
        guard let value = node.double, value.isFinite else {
            typeError(node, key: key, expected: "a number")
            return nil
        }
        guard value >= 0 else {
            diagnostics.error("manifest.invalid-value", "expected a number of at least 0 for '\(key)', found \(node.string ?? "")", at: node.location)
            return nil
        }
        return value
    }

    mutating func distribution(_ node: YAMLNode) -> Set<ProductContext.Distribution>? {
        guard let items = texts(node, key: "product.distribution", withNodes: true) else { return nil }
        var result: Set<ProductContext.Distribution> = []
        for (written, item) in items {
            guard let value = ProductContext.Distribution(rawValue: written) else {
                let allowed = ProductContext.Distribution.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.error(
                    "manifest.invalid-value", "unknown distribution '\(written)'; expected one of \(allowed)", at: item.location)
                continue
            }
            result.insert(value)
        }
        return result
    }

    func document() -> SBOMDocument {
        var components = manifest.components
        if let productComponent { components.insert(productComponent, at: 0) }
        return SBOMDocument(
            path: path, format: .manifest, specVersion: "1", components: components, edges: manifest.edges,
            roots: manifest.productRef.map { [$0] } ?? [], manifest: manifest, diagnostics: diagnostics.diagnostics)
    }
}
