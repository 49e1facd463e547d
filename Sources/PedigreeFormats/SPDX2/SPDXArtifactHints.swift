import PedigreeModel

/// Recognises models and datasets in SPDX documents that have no type for them.
///
/// SPDX 2.x has no model or data purpose (its `primaryPackagePurpose` stops at OPERATING-SYSTEM, FILE,
/// OTHER…), so DOMAIN.md §1 recognises AI artifacts from what producers actually write: a
/// `pkg:huggingface/…` purl, a download location on huggingface.co, GGUF and safetensors weight file
/// names, and annotations that state a purpose. SPDX 3 packages without the AI or Dataset profile use
/// the same hints.
enum SPDXArtifactHints {
    /// Weight file extensions that identify a model whatever the package says.
    static let modelFileExtensions = [".gguf", ".safetensors", ".ggml"]

    /// `pkg:huggingface/org/name@rev` is a model; `pkg:huggingface/datasets/…` a dataset.
    static func kind(purl: String?) -> ComponentKind? {
        guard let purl else { return nil }
        let lowered = purl.lowercased()
        guard lowered.hasPrefix("pkg:huggingface/") else { return nil }
        return lowered.dropFirst("pkg:huggingface/".count).hasPrefix("datasets/") ? .dataset : .model
    }

    /// A GGUF, safetensors or GGML file name (with or without a path) is a model.
    static func kind(fileName: String?) -> ComponentKind? {
        guard let fileName else { return nil }
        let lowered = fileName.lowercased()
        return modelFileExtensions.contains(where: { lowered.hasSuffix($0) }) ? .model : nil
    }

    /// `https://huggingface.co/<org>/<name>` is a model, `…/datasets/<org>/<name>` a dataset; Spaces
    /// are applications and say nothing about weights.
    static func kind(downloadLocation: String?) -> ComponentKind? {
        // Scanned as bytes: this runs for every package, and almost none is on the Hub.
        guard let location = downloadLocation, location.utf8.count > 12 else { return nil }
        let bytes = Array(location.utf8)
        guard let schemeEnd = firstIndex(of: Array("://".utf8), in: bytes) else { return nil }
        var hostEnd = schemeEnd + 3
        while hostEnd < bytes.count, bytes[hostEnd] != UInt8(ascii: "/") { hostEnd += 1 }
        let host = String(decoding: bytes[(schemeEnd + 3)..<hostEnd], as: UTF8.self).lowercased()
        guard host == "huggingface.co" || host == "www.huggingface.co" || host == "hf.co" else { return nil }
        var path = String(decoding: bytes[min(hostEnd + 1, bytes.count)...], as: UTF8.self)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<end]) }
        if path.hasPrefix("datasets/") { return .dataset }
        if path.hasPrefix("spaces/") || path.isEmpty { return nil }
        return path.split(separator: "/").count >= 2 ? .model : nil
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// Annotations such as `primaryPurpose: model`, `type=dataset` or `machine-learning-model`.
    static func kind(annotation: String) -> ComponentKind? {
        let lowered = annotation.lowercased()
        if lowered.contains("machine-learning-model") || lowered.contains("machine learning model") { return .model }
        for key in ["primarypurpose", "primary_purpose", "primary-purpose", "purpose", "type", "kind"] {
            guard let range = lowered.firstRange(of: key) else { continue }
            var rest = lowered[range.upperBound...].drop { $0 == " " }
            guard let separator = rest.first, separator == ":" || separator == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
            let word = rest.prefix { $0.isLetter || $0 == "-" || $0 == "_" }
            switch word {
            case "model", "ai-model", "ai_model", "aimodel": return .model
            case "data", "dataset", "training-data": return .dataset
            default: continue
            }
        }
        return nil
    }

    /// The AI kind the hints give, strongest first, or nil when none applies.
    static func aiKind(
        purl: String?, names: [String?], downloadLocation: String?, annotations: [String]
    ) -> ComponentKind? {
        if let kind = kind(purl: purl) { return kind }
        for annotation in annotations {
            if let kind = kind(annotation: annotation) { return kind }
        }
        for name in names {
            if let kind = kind(fileName: name) { return kind }
        }
        return kind(downloadLocation: downloadLocation)
    }
}
