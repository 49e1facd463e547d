import PedigreeDiagnostics
import PedigreeModel
import SafeJSON

/// Reads SPDX 3.0.1 JSON-LD documents, with the Software, AI and Dataset profiles.
///
/// `ai_AIPackage` and software artifacts with purpose `model` become models, `dataset_DatasetPackage`
/// and purpose `data` datasets; `trainedOn`, `testedOn`, `descendantOf`, `generates` and the other
/// relationships become typed edges (`SPDX3RelationshipType`), so that a teacher that `generates` a
/// dataset a student is `trainedOn` yields `generated-by` + `trained-on` (DOMAIN.md §8.11).
public enum SPDX3Reader {
    /// A JSON-LD document whose `@context` is SPDX 3's, or a graph or element that looks like one.
    public static func recognizes(json: JSONValue) -> Bool {
        if let context = json["@context"] {
            let contexts = context.array?.compactMap(\.string) ?? context.string.map { [$0] } ?? []
            if contexts.contains(where: { $0.contains("spdx.org/rdf/3") }) { return true }
        }
        if let graph = json["@graph"]?.array {
            return graph.prefix(64).contains { item in
                let type = SPDX3GraphBuilder.typeName(item)
                return (type == "CreationInfo" && item["specVersion"]?.string?.hasPrefix("3.") == true)
                    || type == "SpdxDocument"
            }
        }
        return json["spdxId"]?.string != nil && json["type"]?.string != nil && json["creationInfo"] != nil
    }

    public static func read(json: JSONValue, path: String) -> SBOMDocument {
        var builder = SPDX3GraphBuilder(path: path)
        return builder.build(json)
    }
}
