import Foundation

extension KnowledgeBase {
    /// The bytes of the bundled data files (curated, then generated), for callers that must tell one knowledge base from another
    /// (a portfolio store re-audits releases whose knowledge changed).
    ///
    /// - Throws: `KnowledgeBaseError` when the resource is missing or unreadable.
    public static func bundledBytes() throws(KnowledgeBaseError) -> [UInt8] {
        // Both data files decide verdicts, so both identify the knowledge.
        try resource("knowledge-base") + resource("licenses-generated")
    }
}
