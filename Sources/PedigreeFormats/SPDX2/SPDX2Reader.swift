import PedigreeDiagnostics
import PedigreeModel
import SafeJSON
import SafeYAML

/// Reads SPDX 2.2 and 2.3 documents in all their serializations: JSON, YAML, tag-value, RDF/XML and
/// the XML serialization.
///
/// Each entry point takes what the syntax layer produced (or the bytes, for tag-value, which has no
/// syntax layer of its own) and returns the neutral model: packages, licensed files and snippets as
/// components, relationships as typed edges (`SPDX2RelationshipType`), `DESCRIBES` targets as roots,
/// `hasExtractedLicensingInfos` as the document's extracted licenses. Content problems are
/// diagnostics on the returned document; only tag-value can throw, since it is parsed here.
public enum SPDX2Reader {
    // MARK: - Detection

    /// A JSON object with `spdxVersion: "SPDX-2.x"` or the SPDX 2 document id.
    public static func recognizes(json: JSONValue) -> Bool {
        guard json.object != nil else { return false }
        if let version = json["spdxVersion"]?.string { return version.hasPrefix("SPDX-2") }
        return json["SPDXID"]?.string == "SPDXRef-DOCUMENT"
    }

    /// A YAML mapping with `spdxVersion: SPDX-2.x` or the SPDX 2 document id.
    public static func recognizes(yaml: YAMLNode) -> Bool {
        guard yaml.mapping != nil else { return false }
        if let version = yaml["spdxVersion"]?.string { return version.hasPrefix("SPDX-2") }
        return yaml["SPDXID"]?.string == "SPDXRef-DOCUMENT"
    }

    /// Text whose first tag lines include `SPDXVersion:` (UTF-8, or UTF-16 with a byte order mark).
    ///
    /// - Parameter prefix: the first bytes of the file (a few kilobytes are plenty).
    public static func recognizes(tagValue prefix: [UInt8]) -> Bool {
        var diagnostics = DiagnosticCollector()
        let limited = Array(prefix.prefix(16 << 10))
        guard let bytes = try? SPDX2TagValueParser.utf8(limited, file: "", diagnostics: &diagnostics) else { return false }
        var index = 0
        var linesSeen = 0
        while index < bytes.count, linesSeen < 200 {
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var start = index
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            if start < end, bytes[start] != UInt8(ascii: "#") {
                linesSeen += 1
                if SPDX2TagValueParser.hasPrefix(bytes, at: start, end: end, "SPDXVersion:") { return true }
            }
            index = end + 1
        }
        return false
    }

    // MARK: - Reading

    public static func read(json: JSONValue, path: String) -> SBOMDocument {
        var parser = SPDX2StructuredParser<JSONValue>(file: path)
        return SPDX2GraphBuilder(path: path, format: .spdx2JSON).build(parser.parse(json))
    }

    public static func read(yaml: YAMLNode, path: String) -> SBOMDocument {
        var parser = SPDX2StructuredParser<YAMLNode>(file: path)
        return SPDX2GraphBuilder(path: path, format: .spdx2YAML).build(parser.parse(yaml))
    }

    /// Reads tag-value bytes (UTF-8, or UTF-16 with a byte order mark).
    ///
    /// - Throws: `InputError` (`spdx.tag-value.no-tags`, `spdx.tag-value.binary`) when the bytes are
    ///   not tag-value text at all; malformed lines are warnings.
    public static func read(tagValue bytes: [UInt8], path: String) throws(InputError) -> SBOMDocument {
        var parser = SPDX2TagValueParser(file: path)
        let document = try parser.parse(bytes)
        return SPDX2GraphBuilder(path: path, format: .spdx2TagValue).build(document)
    }
}
