import PedigreeModel

/// The keys under which two inputs' components count as the same thing.
///
/// In order of strength: the package URL without qualifiers and subpath (version kept: `numpy@1.26`
/// and `numpy@2.0` are different components), the Hugging Face repository id (from a
/// `pkg:huggingface/…` purl or a `https://huggingface.co/…` download location; versionless, because
/// a card and a model file name the same repository without a revision), and the name with the version.
struct ComponentIdentity: Hashable, Sendable {
    var purl: String?
    var huggingFaceID: String?
    var nameVersion: String
    var name: String

    init(_ component: Component) {
        purl = component.purl.flatMap(Self.purlKey)
        huggingFaceID = Self.huggingFaceID(of: component)
        name = component.name.lowercased()
        nameVersion = name + "@" + (component.version ?? "")
    }

    /// `pkg:TYPE/NAMESPACE/NAME@VERSION?QUALIFIERS#SUBPATH` without qualifiers and subpath, with the
    /// type lowercased, percent-escapes decoded, and the names lowercased (and `_`/`.` as `-` for
    /// PyPI) for the types whose registries ignore case, per the purl specification.
    static func purlKey(_ purl: String) -> String? {
        var text = Substring(purl.trimmed(of: " \t"))
        guard text.lowercased().hasPrefix("pkg:") else { return nil }
        text = text.dropFirst(4)
        while text.first == "/" { text = text.dropFirst() }
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        if let question = text.firstIndex(of: "?") { text = text[..<question] }
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let type = text[..<slash].lowercased()
        var rest = text[text.index(after: slash)...]
        var version: Substring = ""
        if let at = rest.lastIndex(of: "@"), at != rest.startIndex, rest[rest.index(before: at)] != "/" {
            version = rest[rest.index(after: at)...]
            rest = rest[..<at]
        }
        var path = percentDecoded(String(rest))
        let caseInsensitive: Set<String> = ["npm", "pypi", "github", "bitbucket", "huggingface", "composer", "nuget", "pub"]
        if caseInsensitive.contains(type) { path = path.lowercased() }
        if type == "pypi" { path = String(path.map { $0 == "_" || $0 == "." ? "-" : $0 }) }
        return "pkg:\(type)/\(path)" + (version.isEmpty ? "" : "@" + percentDecoded(String(version)))
    }

    /// `org/name` (models) or `datasets/org/name` (data sets), lowercased, if the component names a
    /// Hugging Face repository through its purl, a download location or a reader's `huggingface.url`.
    static func huggingFaceID(of component: Component) -> String? {
        if let purl = component.purl, let key = purlKey(purl), key.hasPrefix("pkg:huggingface/") {
            var id = key.dropFirst("pkg:huggingface/".count)
            if let at = id.firstIndex(of: "@") { id = id[..<at] }
            return id.isEmpty ? nil : String(id)
        }
        for key in ["huggingface.url", "downloadLocation"] {
            if let url = component.properties[key], let id = huggingFaceID(fromURL: url) { return id }
        }
        return nil
    }

    /// `https://huggingface.co/ORG/NAME[/…]` → `org/name`; `…/datasets/ORG/NAME` → `datasets/org/name`.
    static func huggingFaceID(fromURL url: String) -> String? {
        var text = Substring(url.trimmed(of: " \t"))
        for prefix in ["https://", "http://"] where text.lowercased().hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        for host in ["www.huggingface.co/", "huggingface.co/", "hf.co/"] where text.lowercased().hasPrefix(host) {
            let parts = text.dropFirst(host.count).split(separator: "/", omittingEmptySubsequences: true)
            if parts.first == "datasets" || parts.first == "spaces" {
                guard parts.count >= 3 else { return nil }
                return "\(parts[0])/\(parts[1])/\(parts[2])".lowercased()
            }
            guard parts.count >= 2 else { return nil }
            return "\(parts[0])/\(parts[1])".lowercased()
        }
        return nil
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func trimmed(of set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s.removeFirst() }
        while let last = s.last, set.contains(last) { s.removeLast() }
        return String(s)
    }
}
