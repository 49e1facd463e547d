import PedigreeDiagnostics
import PedigreeModel
import SafeJSON
import SafeXML

/// Reads CycloneDX 1.2–1.7 BOMs, JSON or XML, into the neutral model.
///
/// Both serialisations go through the same mapping (`CycloneDXDocumentBuilder`), so a BOM means
/// the same whichever way it was written. Nothing here throws: a BOM that parsed is always usable in
/// part, and every schema breach or unusual content is a diagnostic in the returned document, at the
/// position of the value concerned. Errors among them mean the BOM is not valid CycloneDX.
public enum CycloneDXReader {
    /// Reads a BOM already parsed from JSON.
    ///
    /// - Parameters:
    ///   - json: the document's top-level value.
    ///   - path: the file it came from, for locations and origins.
    public static func read(json: JSONValue, path: String) -> SBOMDocument {
        var decoder = CycloneDXJSONDecoder(path: path)
        let bom = decoder.decode(json)
        var builder = CycloneDXDocumentBuilder(path: path, format: .cycloneDXJSON, diagnostics: decoder.diagnostics)
        return builder.build(bom)
    }

    /// Reads a BOM already parsed from XML (root element `bom` in a `http://cyclonedx.org/schema/bom/1.x` namespace).
    public static func read(xml: XMLElement, path: String) -> SBOMDocument {
        var decoder = CycloneDXXMLDecoder(path: path)
        let bom = decoder.decode(xml)
        var builder = CycloneDXDocumentBuilder(path: path, format: .cycloneDXXML, diagnostics: decoder.diagnostics)
        return builder.build(bom)
    }
}
