import PedigreeDiagnostics
import PedigreeModel
import SafeXML

extension SPDX2Reader {
    /// An RDF/XML root holding `spdx:` nodes, or the XML serialization's `Document` root.
    public static func recognizes(xml root: XMLElement) -> Bool {
        if root.name == "RDF", root.namespace == SPDX2RDFParser.rdfNamespace {
            return root.children.contains { $0.namespace?.hasPrefix(SPDX2RDFParser.spdxNamespacePrefix) == true }
        }
        if root.name == "SpdxDocument", root.namespace?.hasPrefix(SPDX2RDFParser.spdxNamespacePrefix) == true { return true }
        guard root.name == "Document" || root.name == "SpdxDocument" else { return false }
        return root.child("spdxVersion") != nil || root.child("SPDXID") != nil
    }

    /// Reads an RDF/XML document, or the SPDX 2 XML serialization when the root is a plain
    /// `Document` element (its format is then `spdx2-xml`).
    public static func read(rdf root: XMLElement, path: String) -> SBOMDocument {
        let isRDF =
            root.name == "RDF" || root.namespace?.hasPrefix(SPDX2RDFParser.spdxNamespacePrefix) == true
        if isRDF {
            var parser = SPDX2RDFParser(file: path)
            return SPDX2GraphBuilder(path: path, format: .spdx2RDF).build(parser.parse(root))
        }
        var parser = SPDX2StructuredParser<XMLElement>(file: path)
        return SPDX2GraphBuilder(path: path, format: .spdx2XML).build(parser.parse(root))
    }
}

extension XMLElement: SPDX2TreeNode {
    func member(_ key: String) -> XMLElement? { child(key) }

    func members(_ key: String) -> [XMLElement] { children(key) }

    var scalarText: String? { children.isEmpty ? trimmedText : nil }

    var isArray: Bool? { nil }

    var isBoolean: Bool? { nil }

    func sourceLocation(file: String) -> SourceLocation { location }
}
