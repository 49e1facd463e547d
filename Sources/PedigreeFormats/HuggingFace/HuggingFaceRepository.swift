import PedigreeDiagnostics
import PedigreeModel

/// A Hugging Face Hub repository named by its id (`meta-llama/Llama-3.1-8B-Instruct`), as cards,
/// adapter configs, GGUF files and manifests refer to models and data sets.
///
/// The id decides the component's identity, so that every input naming the same repository lands on
/// one node of the graph: the ref is the id (data sets: `datasets/<id>`, as in the Hub's URLs, so a
/// model and a data set of the same name stay apart), the purl is `pkg:huggingface/<id>` (data sets:
/// `pkg:huggingface/datasets/<id>`), and the name is the id as written.
///
/// Grammar of an id, after the Hub's repository naming rules:
/// ```
/// id      = [ segment "/" ] segment
/// segment = alnum *( alnum / "-" / "_" / "." )      ; at most 96 characters
/// ```
public struct HuggingFaceRepository: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case model, dataset
    }

    /// `org/name`, or `name` for the Hub's older repositories without an organisation.
    public var id: String
    public var kind: Kind

    public init?(id: String, kind: Kind) {
        guard Self.isValidID(id) else { return nil }
        self.id = id
        self.kind = kind
    }

    public var ref: ComponentRef { ComponentRef(kind == .dataset ? "datasets/" + id : id) }

    public var purl: String { kind == .dataset ? "pkg:huggingface/datasets/" + id : "pkg:huggingface/" + id }

    public var url: String { kind == .dataset ? "https://huggingface.co/datasets/" + id : "https://huggingface.co/" + id }

    /// The organisation part of the id, if it has one.
    public var organization: String? {
        guard let slash = id.firstIndex(of: "/") else { return nil }
        return String(id[..<slash])
    }

    public var componentKind: ComponentKind { kind == .dataset ? .dataset : .model }

    /// A component that stands for the repository when an input only names it (a base model, a data
    /// set): no license is known here; merging joins it with an input that states one.
    public func referencedComponent(location: SourceLocation?, origin: Origin) -> Component {
        Component(
            ref: ref, name: id, kind: componentKind, purl: purl, supplier: organization, location: location,
            origins: [origin], properties: ["huggingface.url": url])
    }

    // MARK: Parsing what inputs write

    /// Reads a repository named by an id (`org/name`), a Hub URL (`https://huggingface.co/org/name`,
    /// `…/datasets/org/name`, `hf.co/…`) or a `pkg:huggingface/…` purl; `nil` when the text is none of them.
    ///
    /// - Parameter kind: the kind to assume when the text does not say (`datasets/` in a URL does).
    public static func parse(_ text: String, kind: Kind) -> HuggingFaceRepository? {
        let trimmed = text.trimmingWhitespaceAndNewlines
        if let fromURL = fromURL(trimmed, kind: kind) { return fromURL }
        if trimmed.lowercased().hasPrefix("pkg:huggingface/") {
            var rest = Substring(trimmed.dropFirst("pkg:huggingface/".count))
            if let cut = rest.firstIndex(where: { $0 == "@" || $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
            if rest.hasPrefix("datasets/") { return HuggingFaceRepository(id: String(rest.dropFirst(9)), kind: .dataset) }
            return HuggingFaceRepository(id: String(rest), kind: kind)
        }
        return HuggingFaceRepository(id: trimmed, kind: kind)
    }

    /// `https://huggingface.co/<org>/<name>[/…]` and `…/datasets/<org>/<name>`; older one-part ids
    /// (`https://huggingface.co/gpt2`) are accepted too.
    public static func fromURL(_ text: String, kind: Kind) -> HuggingFaceRepository? {
        var rest = Substring(text)
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        var sawHost = false
        for host in ["www.huggingface.co/", "huggingface.co/", "hf.co/"] where rest.lowercased().hasPrefix(host) {
            rest = rest.dropFirst(host.count)
            sawHost = true
            break
        }
        guard sawHost else { return nil }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        var parts = rest.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var resolvedKind = kind
        if parts.first == "datasets" {
            resolvedKind = .dataset
            parts.removeFirst()
        } else if parts.first == "models" {
            resolvedKind = .model
            parts.removeFirst()
        } else if parts.first == "spaces" {
            return nil
        }
        // `org/name/resolve/main/…` and `org/name/tree/main` name the repository too.
        let markers: Set<String> = ["resolve", "tree", "blob", "raw", "commit"]
        if parts.count >= 2, markers.contains(parts[1]) { parts = [parts[0]] }
        if parts.count > 2 { parts = Array(parts.prefix(2)) }
        guard !parts.isEmpty else { return nil }
        return HuggingFaceRepository(id: parts.joined(separator: "/"), kind: resolvedKind)
    }

    /// The repository a file's folder names.
    ///
    /// Layouts understood, first match wins:
    /// - the Hub cache, `…/models--<org>--<name>/snapshots/<revision>/README.md` (`datasets--…` for data sets);
    /// - a clone, `…/<org>/<name>/README.md`, where an `<org>` of `models` or `datasets` is a category
    ///   folder rather than an organisation (`datasets/<name>/README.md` is the data set `<name>`), and
    ///   a `datasets` folder above `<org>` marks a data set.
    /// - Returns: the repository (kind `.model` unless the layout says data set) and whether the layout
    ///   said the kind; `nil` when the folders do not form a valid id.
    public static func fromFolder(of path: String) -> (repository: HuggingFaceRepository, kindFromLayout: Bool)? {
        var folders = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !folders.isEmpty else { return nil }
        folders.removeLast()  // the file itself
        folders.removeAll { $0 == "." }
        for folder in folders.reversed() {
            for (prefix, kind) in [("models--", Kind.model), ("datasets--", Kind.dataset)] where folder.hasPrefix(prefix) {
                let parts = folder.dropFirst(prefix.count).split(separator: "--", omittingEmptySubsequences: false)
                if let repository = HuggingFaceRepository(id: parts.joined(separator: "/"), kind: kind) {
                    return (repository, true)
                }
            }
        }
        guard let name = folders.last, isValidSegment(name) else { return nil }
        let parent = folders.count >= 2 ? folders[folders.count - 2] : nil
        if parent == "datasets" { return HuggingFaceRepository(id: name, kind: .dataset).map { ($0, true) } }
        if parent == "models" { return HuggingFaceRepository(id: name, kind: .model).map { ($0, true) } }
        guard let organization = parent, isValidSegment(organization) else {
            return HuggingFaceRepository(id: name, kind: .model).map { ($0, false) }
        }
        let grandparent = folders.count >= 3 ? folders[folders.count - 3] : nil
        let kind: Kind = grandparent == "datasets" ? .dataset : .model
        return HuggingFaceRepository(id: organization + "/" + name, kind: kind).map { ($0, grandparent == "datasets") }
    }

    // MARK: Local paths

    /// Paths as `peft` writes them when the base was loaded from disk: absolute, relative with a dot,
    /// home-relative, Windows, or deeper than the Hub's `org/name`.
    public static func looksLikeLocalPath(_ text: String) -> Bool {
        if text.hasPrefix("/") || text.hasPrefix("./") || text.hasPrefix("../") || text.hasPrefix("~") || text == "."
            || text == ".."
        {
            return true
        }
        if text.contains("\\") { return true }
        let bytes = Array(text.utf8)
        if bytes.count >= 2, bytes[1] == UInt8(ascii: ":") { return true }
        if fromURL(text, kind: .model) != nil { return false }
        return text.split(separator: "/", omittingEmptySubsequences: false).count > 2
    }

    // MARK: Validation

    public static func isValidID(_ id: String) -> Bool {
        let segments = id.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count == 1 || segments.count == 2 else { return false }
        return segments.allSatisfy { isValidSegment(String($0)) }
    }

    static func isValidSegment(_ segment: String) -> Bool {
        let bytes = Array(segment.utf8)
        guard let first = bytes.first, bytes.count <= 96, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespaceAndNewlines: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

extension HuggingFaceRepository {
    /// The component an input means when it names another model or data set: the Hub repository if
    /// the text is an id, URL or purl, else (a local path, a free-form name) a component named by the
    /// text, with no purl, whose ref is the text.
    ///
    /// - Returns: the component, and the repository when the text named one.
    static func referencedComponent(
        named text: String, kind: Kind, location: SourceLocation?, origin: Origin
    ) -> (component: Component, repository: HuggingFaceRepository?) {
        if let repository = parse(text, kind: kind) {
            return (repository.referencedComponent(location: location, origin: origin), repository)
        }
        let component = Component(
            ref: ComponentRef(text), name: text, kind: kind == .dataset ? .dataset : .model, location: location,
            origins: [origin])
        return (component, nil)
    }
}
