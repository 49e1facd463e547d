import PedigreeDiagnostics
import PedigreeModel
import SafeJSON
import SafeXML
import SafeYAML

/// What a reader is given: the input parsed once by the detector, or its bytes.
public enum ReaderInput: Sendable {
    case json(JSONValue)
    case xml(XMLElement)
    case yaml(YAMLNode)
    /// Formats the detector does not parse (GGUF, tag-value, Markdown cards).
    case bytes([UInt8])
}

/// Decides an input's format from its content, parsing it at most once.
///
/// File names are only a tie-breaker: a CycloneDX BOM named `foo.txt` is still a CycloneDX BOM.
/// The order of the tests:
/// ```
/// a project file's name         -> that project format (ProjectFileKind: METADATA, uv.lock…)
/// empty                        -> not an SBOM
/// "GGUF" magic                 -> GGUF
/// gzip, xz, zstd, bzip2 or zip magic -> compressed (never decompressed: `CompressedInput`)
/// NUL in the first 1 KiB       -> not an SBOM (binary)
/// "{" or "[" first             -> JSON: bomFormat / $schema cyclonedx -> CycloneDX; spdxVersion -> SPDX 2;
///                                 @context naming spdx or @graph -> SPDX 3; base_model_name_or_path /
///                                 peft_type -> adapter config; _name_or_path, or architectures with
///                                 model_type -> Hugging Face config
/// "<" first                    -> XML: bom -> CycloneDX; RDF with SPDX terms -> SPDX 2 RDF; Document -> SPDX 2 XML
/// UTF-16 byte order mark       -> transcoded to UTF-8 (strictly) and detected again
/// "---" line ... "---" line    -> Markdown with YAML front matter naming a card key -> Hugging Face card
/// a line "SPDXVersion:"        -> SPDX 2 tag-value
/// .yaml/.yml, or spdxVersion:/product:/include:/pedigree:/deny:/waivers: at a line start
///                              -> YAML: spdxVersion -> SPDX 2; a policy's or CI file's keys -> misplaced
///                                 (`MisplacedInput`); product/include/pedigree or the file name
///                                 pedigree.yaml -> manifest
/// JSON with a policy's keys     -> misplaced
/// anything else                -> not an SBOM
/// ```
public enum FormatDetector {
    public enum Detection: Sendable {
        /// A format Pedigree knows, with the parsed input for its reader.
        case format(InputFormat, ReaderInput)
        /// Not an SBOM or AI artifact; the reason says what it looked like.
        case notAnSBOM(String)
        /// A policy or CI configuration, which a user may name as an input by mistake.
        case misplaced(MisplacedInput)
        /// A compressed file, which the user decompresses and audits.
        case compressed(CompressedInput)
    }

    /// Detects the format of `bytes`.
    ///
    /// - Throws: `InputError` when the content is JSON, XML or YAML that does not parse; the caller
    ///   decides whether a file that fails to parse was meant as an input (`looksLikeSBOM`).
    public static func detect(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> Detection {
        if let project = ProjectFileKind.format(ofPath: path) { return .format(project, .bytes(bytes)) }
        guard let first = firstSignificantByte(bytes) else { return .notAnSBOM("an empty file") }
        if bytes.count >= 4, bytes[0] == 0x47, bytes[1] == 0x47, bytes[2] == 0x55, bytes[3] == 0x46 {
            return .format(.gguf, .bytes(bytes))
        }
        if let compression = CompressedInput.detect(bytes) { return .compressed(compression) }
        if let order = UTF16Input.byteOrderMark(bytes) {
            return try detect(UTF16Input.transcode(bytes, order: order, path: path), path: path, limits: limits)
        }
        if bytes.prefix(1024).contains(0) {
            if looksLikeUTF16WithoutMark(bytes) {
                throw InputError(
                    "input.invalid-utf8",
                    "expected UTF-8, found text that looks like UTF-16 without a byte order mark; save it as UTF-8 (or UTF-16 with its mark)",
                    at: SourceLocation(file: path, line: 1, column: 1))
            }
            return .notAnSBOM("a binary file")
        }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return try detectJSON(bytes, path: path, limits: limits)
        case UInt8(ascii: "<"):
            return try detectXML(bytes, path: path, limits: limits)
        default:
            return try detectText(bytes, path: path, limits: limits)
        }
    }

    /// Whether bytes that failed to parse were probably meant as an SBOM: a data file extension, or
    /// a format's marker in the first 64 KiB.
    public static func looksLikeSBOM(_ bytes: [UInt8], path: String) -> Bool {
        let lower = path.lowercased()
        let dataExtensions = [".json", ".xml", ".yaml", ".yml", ".spdx", ".rdf", ".cdx", ".gguf", ".jsonld"]
        if dataExtensions.contains(where: { lower.hasSuffix($0) }) { return true }
        let head = Array(bytes.prefix(64 << 10))
        let markers = ["bomFormat", "spdxVersion", "SPDXVersion", "cyclonedx.org/schema", "spdx.org/rdf", "@context"]
        return markers.contains { contains(head, Array($0.utf8)) }
    }

    // MARK: JSON

    private static func detectJSON(_ bytes: [UInt8], path: String, limits: InputLimits) throws(InputError) -> Detection {
        let value = try JSONParser.parse(bytes, file: path, limits: limits)
        guard let object = value.object else { return .notAnSBOM("a JSON file whose top level is not an object") }
        let keys = Set(object.keys)
        if keys.contains("bomFormat") || (value["$schema"]?.string?.lowercased().contains("cyclonedx") ?? false) {
            return .format(.cycloneDXJSON, .json(value))
        }
        if keys.contains("spdxVersion") { return .format(.spdx2JSON, .json(value)) }
        if keys.contains("@graph") || mentionsSPDX(value["@context"]) { return .format(.spdx3JSONLD, .json(value)) }
        if keys.contains("base_model_name_or_path") || keys.contains("peft_type") {
            return .format(.adapterConfig, .json(value))
        }
        if let misplaced = MisplacedInput.recognize(keys: keys) { return .misplaced(misplaced) }
        if HuggingFaceConfigReader.recognizes(json: value) { return .format(.huggingFaceConfig, .json(value)) }
        return .notAnSBOM("a JSON file without 'bomFormat', 'spdxVersion', '@context' or 'base_model_name_or_path'")
    }

    private static func mentionsSPDX(_ context: JSONValue?) -> Bool {
        guard let context else { return false }
        if let text = context.string { return text.lowercased().contains("spdx") }
        if let items = context.array { return items.contains { mentionsSPDX($0) } }
        return false
    }

    // MARK: XML

    private static func detectXML(_ bytes: [UInt8], path: String, limits: InputLimits) throws(InputError) -> Detection {
        let root = try XMLParser.parse(bytes, file: path, limits: limits)
        switch root.name {
        case "bom":
            return .format(.cycloneDXXML, .xml(root))
        case "RDF":
            if root.children.contains(where: { ($0.namespace ?? "").contains("spdx.org/rdf") })
                || root.attributes.contains(where: { $0.value.contains("spdx.org/rdf") })
            {
                return .format(.spdx2RDF, .xml(root))
            }
            return .notAnSBOM("an RDF/XML file without SPDX terms")
        case "Document" where root.child("spdxVersion") != nil:
            return .format(.spdx2XML, .xml(root))
        default:
            return .notAnSBOM("an XML file whose root element is '\(root.name)'")
        }
    }

    // MARK: Text

    private static func detectText(_ bytes: [UInt8], path: String, limits: InputLimits) throws(InputError) -> Detection {
        var lines = LineScanner(bytes)
        var firstContentLine: Substring?
        var sawFrontMatterStart = false
        var lineNumber = 0
        var mayBeYAML = path.lowercased().hasSuffix(".yaml") || path.lowercased().hasSuffix(".yml")
        while let line = lines.next() {
            lineNumber += 1
            let trimmed = line.trimmingTrailingSpaces
            if lineNumber == 1, trimmed == "---" {
                sawFrontMatterStart = true
                continue
            }
            if sawFrontMatterStart, trimmed == "---" || trimmed == "..." {
                if HuggingFaceCardReader.recognizes(prefix: bytes) { return .format(.huggingFaceCard, .bytes(bytes)) }
                sawFrontMatterStart = false  // front matter of no card (a web page): judge the rest as text
                continue
            }
            if trimmed.hasPrefix("SPDXVersion:") { return .format(.spdx2TagValue, .bytes(bytes)) }
            if firstContentLine == nil, !trimmed.isEmpty, !trimmed.hasPrefix("#") { firstContentLine = trimmed }
            if !mayBeYAML, ["spdxVersion:", "product:", "include:", "pedigree:", "deny:", "waivers:"].contains(where: { trimmed.hasPrefix($0) }) {
                mayBeYAML = true
            }
        }
        guard mayBeYAML else { return .notAnSBOM("a text file of no known SBOM format") }
        guard let node = try YAMLParser.parse(bytes, file: path, limits: limits), let mapping = node.mapping else {
            return .notAnSBOM("a YAML file whose top level is not a mapping")
        }
        let keys = Set(mapping.compactMap { $0.key.string })
        if keys.contains("spdxVersion") { return .format(.spdx2YAML, .yaml(node)) }
        let keysOfJobs = Set(mapping.compactMap { pair in pair.value.mapping?.contains { $0.key.string == "script" } == true ? pair.key.string : nil })
        if let misplaced = MisplacedInput.recognize(keys: keys, keysOfJobs: keysOfJobs) { return .misplaced(misplaced) }
        if ManifestReader.recognizes(yaml: node, path: path) { return .format(.manifest, .yaml(node)) }
        return .notAnSBOM("a YAML file without 'spdxVersion', 'product' or 'include'")
    }

    // MARK: Bytes

    /// ASCII text written as UTF-16: in the first code units, every other byte is NUL.
    private static func looksLikeUTF16WithoutMark(_ bytes: [UInt8]) -> Bool {
        let head = Array(bytes.prefix(64))
        guard head.count >= 4, head.count % 2 == 0 else { return false }
        let even = stride(from: 0, to: head.count, by: 2).map { head[$0] }
        let odd = stride(from: 1, to: head.count, by: 2).map { head[$0] }
        func isASCIIText(_ side: [UInt8]) -> Bool { side.allSatisfy { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || (0x20..<0x7F).contains($0) } }
        return (odd.allSatisfy { $0 == 0 } && isASCIIText(even)) || (even.allSatisfy { $0 == 0 } && isASCIIText(odd))
    }

    private static func firstSignificantByte(_ bytes: [UInt8]) -> UInt8? {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return bytes[index]
            }
        }
        return nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

/// Splits bytes into lines (LF or CRLF) without copying the whole file into a String.
private struct LineScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Substring? {
        guard position < bytes.count else { return nil }
        var end = position
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        var lineEnd = end
        if lineEnd > position, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        var start = position
        if start == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let line = Substring(String(decoding: bytes[min(start, lineEnd)..<lineEnd], as: UTF8.self))
        position = end + 1
        return line
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
