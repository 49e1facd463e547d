import PedigreeCore

/// The license knowledge a store audits with, and the digest that tells it from other versions.
public struct StoreKnowledge: Sendable {
    public var base: KnowledgeBase
    /// SHA-256 of the knowledge's data; an evaluation made with another digest is stale.
    public var digest: String

    public init(base: KnowledgeBase, digest: String) {
        self.base = base
        self.digest = digest
    }

    /// The knowledge base bundled with this build.
    ///
    /// - Throws: `StoreError.damaged` when the bundled data cannot be read (a broken installation).
    public static func bundled() throws(StoreError) -> StoreKnowledge {
        do {
            return StoreKnowledge(base: .shared, digest: SHA256.hex(try KnowledgeBase.bundledBytes()))
        } catch {
            throw StoreError.damaged("the bundled knowledge base cannot be read: \(error.message)")
        }
    }
}

/// The time a store records, and the day waivers expire against.
public struct StoreClock: Sendable {
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var now: String
    public var today: CalendarDate

    public init(unixSeconds: Int64) {
        today = CalendarDate(unixSeconds: unixSeconds)
        let seconds = ((unixSeconds % 86_400) + 86_400) % 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        now = "\(today)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }
}
