import Foundation
import PedigreeCore

/// A release's keys: the product (every per-product table's leading key) and the release.
public struct ReleaseHandle: Sendable, Hashable {
    public var productID: Int64
    public var releaseID: Int64
}

/// A component of one release: where a path or a lineage walk starts or stands.
package struct NodeKey: Sendable, Hashable {
    var release: ReleaseHandle
    var ref: String
}

/// A stored release, with its current evaluation.
package struct StoredRelease: Sendable {
    var handle: ReleaseHandle
    var product: String
    var version: String
    var addedAt: String
    var statedContext: String
    var policyDocumentID: Int64?
    var policyPath: String?
    var context: ContextColumns
    var evaluationID: Int64
    var evaluationNumber: Int
    var evaluatedAt: String
    var basis: EvaluationBasis
    var summary: AuditSummary
}

/// Which releases a question is about.
package struct ReleaseFilter: Sendable {
    var latestOnly = true
    var product: String?
    var commercial: Bool?
    var distributionMask = 0
    var monthlyActiveUsersOver: Int?
}

/// A release that reaches a candidate component, as the index says.
package struct ReachHit: Sendable {
    var handle: ReleaseHandle
    var product: String
    var version: String
    var ref: String
    var name: String
    var componentVersion: String?
    var license: String?
    var depth: Int?
    var context: ContextColumns
    /// For `--derived-from`: the model reached, and how many derivative edges lie between.
    var lineageDepth: Int?
}

/// A license fact the store holds over what the inputs say: `component` is relabelled `license`.
public struct LicenseFact: Sendable, Hashable, Codable {
    public var component: String
    public var license: String

    public init(component: String, license: String) {
        self.component = component
        self.license = license
    }

    /// Reads `COMPONENT=LICENSE`; the first `=` splits, since component refs and purls have none before it.
    public init(_ text: String) throws(StoreError) {
        guard let equals = text.firstIndex(of: "=") else { throw StoreError.badRelabel(text) }
        let component = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let license = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        guard !component.isEmpty, !license.isEmpty else { throw StoreError.badRelabel(text) }
        self.init(component: component, license: license)
    }
}

/// What a database must do for the portfolio; SQL narrows, the engine decides.
///
/// Decisions: one transaction per release written (`insert`, `append`), so a crash mid-`add` leaves
/// the release either whole or absent; reads return candidates and index rows only, never verdicts.
package protocol PortfolioBackend: AnyObject {
    var location: StoreLocation { get }

    /// The release stored under this product and version, with the digest of its inputs.
    func release(product: String, version: String) throws(StoreError) -> (handle: ReleaseHandle, inputsSHA256: String)?
    /// Writes a release and its first evaluation; reports how many documents were new.
    func insert(_ record: ReleaseRecord) throws(StoreError) -> (handle: ReleaseHandle, newDocuments: Int)
    /// Components whose identity or name is one of `keys`, or that some release calls `ref`.
    func componentIDs(identities: [String], nameKey: String, ref: String) throws(StoreError) -> [Int64]
    func reach(componentIDs: [Int64], filter: ReleaseFilter) throws(StoreError) -> [ReachHit]
    /// Every license id the portfolio uses (a short list: the candidates for a category).
    func licenseIDs() throws(StoreError) -> [String]
    func reach(licenseKeys: [String], filter: ReleaseFilter) throws(StoreError) -> [ReachHit]
    func descendants(ancestorIDs: [Int64], filter: ReleaseFilter) throws(StoreError) -> [ReachHit]
    /// For each node, the path from its product root down to it, along the index's parents.
    func paths(to nodes: [NodeKey]) throws(StoreError) -> [NodeKey: [PathStep]]
    /// For each node, the chain down to the nearest component among `ancestorIDs`, along lineage edges.
    func lineages(from nodes: [NodeKey], to ancestorIDs: [Int64]) throws(StoreError) -> [NodeKey: [PathStep]]
    func releases(_ filter: ReleaseFilter, touching componentIDs: [Int64]?) throws(StoreError) -> [StoredRelease]
    /// Every release (latest or not) with a node of one of these components.
    func releaseIDs(containing componentIDs: [Int64]) throws(StoreError) -> Set<Int64>
    func documents(of release: ReleaseHandle) throws(StoreError) -> [StoredDocument]
    func document(id: Int64) throws(StoreError) -> StoredDocument?
    func findings(evaluation: Int64, product: Int64) throws(StoreError) -> [StoredFinding]
    func facts() throws(StoreError) -> [LicenseFact]
    func record(_ facts: [LicenseFact], at time: String) throws(StoreError)
    func statistics() throws(StoreError) -> StoreStatistics
    /// The space the store takes in the database, indexes included.
    func databaseBytes() throws(StoreError) -> Int
    /// Adds an evaluation to a release (and, when given, its new policy and context) in one transaction.
    func append(
        _ evaluation: EvaluationRecord, to release: StoredRelease, policy: StoredDocument??, context: ContextColumns
    ) throws(StoreError)
    /// Runs `work` while this process alone holds `release`, in one transaction with what `work` writes;
    /// false, without running it, when another process holds the release or has evaluated it since it was read.
    func claim(_ release: StoredRelease, _ work: () throws(StoreError) -> Void) throws(StoreError) -> Bool
}
