import Foundation

extension KnowledgeBase {
    /// The bytes of the bundled data file, for callers that must tell one knowledge base from another
    /// (a portfolio store re-audits releases whose knowledge changed).
    ///
    /// - Throws: `KnowledgeBaseError` when the resource is missing or unreadable.
    public static func bundledBytes() throws(KnowledgeBaseError) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "knowledge-base", withExtension: "json") else {
            throw KnowledgeBaseError("the bundled knowledge base 'knowledge-base.json' is missing")
        }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw KnowledgeBaseError("cannot read the bundled knowledge base: \(error)")
        }
    }
}
