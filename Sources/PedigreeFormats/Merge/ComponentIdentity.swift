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
        huggingFaceID = Self.huggingFaceID(purlKey: purl, properties: component.properties)
        name = component.name.lowercased()
        nameVersion = name + "@" + (component.version ?? "")
    }

    /// `pkg:TYPE/NAMESPACE/NAME@VERSION?QUALIFIERS#SUBPATH` without qualifiers and subpath, with the
    /// type lowercased, percent-escapes decoded, and the names lowercased (and `_`/`.` as `-` for
    /// PyPI) for the types whose registries ignore case, per the purl specification.
    ///
    /// Works on UTF-8 bytes: merging computes this for every component of every input.
    static func purlKey(_ purl: String) -> String? {
        var bytes = Array(purl.utf8)[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard bytes.count > 4, lowercase(bytes.prefix(4)).elementsEqual("pkg:".utf8) else { return nil }
        bytes = bytes.dropFirst(4)
        while bytes.first == slash { bytes = bytes.dropFirst() }
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) { bytes = bytes[..<hash] }
        if let question = bytes.firstIndex(of: UInt8(ascii: "?")) { bytes = bytes[..<question] }
        guard let typeEnd = bytes.firstIndex(of: slash) else { return nil }
        let type = lowercase(bytes[..<typeEnd])
        var rest = bytes[(typeEnd + 1)...]
        var version: ArraySlice<UInt8> = []
        if let at = rest.lastIndex(of: UInt8(ascii: "@")), at != rest.startIndex, rest[at - 1] != slash {
            version = rest[(at + 1)...]
            rest = rest[..<at]
        }
        var path = percentDecoded(rest)
        let typeName = String(decoding: type, as: UTF8.self)
        if caseInsensitiveTypes.contains(typeName) { path = lowercase(path[...]) }
        if typeName == "pypi" {
            path = path.map { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") ? UInt8(ascii: "-") : $0 }
        }
        var key = Array("pkg:".utf8) + type + [slash] + path
        if !version.isEmpty { key += [UInt8(ascii: "@")] + percentDecoded(version) }
        return String(decoding: key, as: UTF8.self)
    }

    private static let slash = UInt8(ascii: "/")

    private static let caseInsensitiveTypes: Set<String> = [
        "npm", "pypi", "github", "bitbucket", "huggingface", "composer", "nuget", "pub",
    ]

    /// `org/name` (models) or `datasets/org/name` (data sets), lowercased, if the component names a
    /// Hugging Face repository through its purl, a download location or a reader's `huggingface.url`.
    static func huggingFaceID(of component: Component) -> String? {
        huggingFaceID(purlKey: component.purl.flatMap(purlKey), properties: component.properties)
    }

    private static func huggingFaceID(purlKey key: String?, properties: [String: String]) -> String? {
        if let key, key.hasPrefix("pkg:huggingface/") {
            var id = key.dropFirst("pkg:huggingface/".count)
            if let at = id.firstIndex(of: "@") { id = id[..<at] }
            return id.isEmpty ? nil : String(id)
        }
        guard !properties.isEmpty else { return nil }
        for name in ["huggingface.url", "downloadLocation"] {
            if let url = properties[name], let id = huggingFaceID(fromURL: url) { return id }
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

    private static func lowercase(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }

    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "%")) else { return Array(bytes) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
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
