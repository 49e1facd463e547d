import Foundation
import PedigreeCore

/// A store of audited releases and the questions asked across them (DOMAIN §9).
///
/// Decisions: the engine decides every verdict — `add`, `impact` and `reaudit` run the same pipeline
/// as `pedigree audit`; the database stores what it concluded and narrows which releases a question
/// concerns. One `Portfolio` is used from one thread at a time.
public final class Portfolio {
    let backend: any PortfolioBackend
    public let knowledge: StoreKnowledge
    public var clock: StoreClock

    /// Opens the store at `location`.
    ///
    /// - Parameter create: whether a missing SQLite file is created (`init`, `add`); other commands
    ///   refuse to work on a store that does not exist.
    /// - Throws: `StoreError` when the store cannot be opened or was written by a newer Pedigree.
    public init(location: StoreLocation, create: Bool, knowledge: StoreKnowledge, clock: StoreClock) throws(StoreError) {
        switch location {
        case .sqlite(let path):
            backend = try SQLitePortfolioBackend(path: path, create: create)
        case .postgres:
            throw StoreError.unsupported(
                "the store '\(location)' is a PostgreSQL server, and this build of Pedigree stores in SQLite files only")
        }
        self.knowledge = knowledge
        self.clock = clock
    }

    /// A portfolio on a backend another module opened (the PostgreSQL store).
    package init(backend: any PortfolioBackend, knowledge: StoreKnowledge, clock: StoreClock) {
        self.backend = backend
        self.knowledge = knowledge
        self.clock = clock
    }

    public var location: StoreLocation { backend.location }
}

/// What `pedigree store add` asks for.
public struct AddRequest: Sendable {
    public var inputs: [String]
    /// The context the flags state; the manifest's and policy's fill what they leave unstated.
    public var context: ProductContext
    public var policy: PolicyDocument?
    public var product: String?
    public var release: String?
    public var limits: InputLimits

    public init(
        inputs: [String], context: ProductContext = ProductContext(), policy: PolicyDocument? = nil,
        product: String? = nil, release: String? = nil, limits: InputLimits = .default
    ) {
        self.inputs = inputs
        self.context = context
        self.policy = policy
        self.product = product
        self.release = release
        self.limits = limits
    }
}

/// An audited release ready to be stored (`record` is nil when an input could not be used).
package struct PreparedRelease: Sendable {
    package var outcome: AddOutcome
    package var record: ReleaseRecord?
}

/// What `add` did.
public struct AddOutcome: Sendable {
    public enum Status: Sendable, Hashable {
        /// Audited and stored as a new release.
        case stored
        /// The same product and release were stored from the same inputs before: nothing was written.
        case unchanged
        /// An input could not be used; nothing was written.
        case inputErrors
    }

    public var status: Status
    public var product: String
    public var release: String
    /// The reading diagnostics, for standard error.
    public var diagnostics: [Diagnostic]
    /// The audit, when one ran.
    public var result: AuditResult?
    public var newDocuments: Int
    public var documents: Int
}

extension Portfolio {
    /// Audits inputs and stores them as a release: documents by content, the reach index, the model
    /// lineage, findings and obligations, with the engine, knowledge and policy versions that decided them.
    ///
    /// - Throws: `StoreError.releaseConflict` when the product's release was stored from other inputs.
    public func add(_ request: AddRequest) throws(StoreError) -> AddOutcome {
        let prepared = try prepare(request)
        return try store(prepared)
    }

    /// The first half of `add`: reads and audits the inputs and builds what would be stored, writing nothing.
    package func prepare(_ request: AddRequest) throws(StoreError) -> PreparedRelease {
        let loaded = Pipeline.load(request.inputs, limits: request.limits)
        let documents = Self.storedDocuments(loaded.load, limits: request.limits)
        guard !loaded.hasInputErrors, !loaded.load.documents.isEmpty, documents.count == loaded.load.documents.count else {
            return PreparedRelease(
                outcome: AddOutcome(
                    status: .inputErrors, product: request.product ?? "", release: request.release ?? "",
                    diagnostics: loaded.diagnostics, result: nil, newDocuments: 0, documents: 0),
                record: nil)
        }
        let stated = try Self.json(request.context)
        let inputsSHA256 = SHA256.hex(
            documents.map { $0.path + "\u{0}" + $0.sha256 }.joined(separator: "\n") + "\n" + stated + "\n"
                + (request.policy?.stored.sha256 ?? ""))
        let (run, basis) = ReleaseAuditor.audit(
            loaded, stated: request.context, policy: request.policy, facts: try backend.facts(), knowledge: knowledge,
            today: clock.today)
        let result = run.result
        let product = request.product ?? Self.productName(result)
        let release = request.release ?? Self.releaseVersion(result, inputsSHA256: inputsSHA256)
        let record = ReleaseRecord(
            product: product, version: release, inputsSHA256: inputsSHA256, addedAt: clock.now, documents: documents,
            statedContext: stated, policy: request.policy?.stored, context: ContextColumns(result.context),
            nodes: ReleaseIndex.nodes(of: result, catalog: knowledge.base), ancestors: ReleaseIndex.ancestors(of: result),
            evaluation: EvaluationRecord(
                reason: "add", evaluatedAt: clock.now, basis: basis, summary: result.summary,
                findings: ReleaseAuditor.compare(result.findings, previous: nil), obligations: result.obligations))
        return PreparedRelease(
            outcome: AddOutcome(
                status: .stored, product: product, release: release, diagnostics: loaded.diagnostics, result: result,
                newDocuments: 0, documents: documents.count),
            record: record)
    }

    /// The second half of `add`: stores a prepared release in one transaction, unless it is stored already.
    ///
    /// - Throws: `StoreError.releaseConflict` when the product's release was stored from other inputs.
    package func store(_ prepared: PreparedRelease) throws(StoreError) -> AddOutcome {
        var outcome = prepared.outcome
        guard let record = prepared.record else { return outcome }
        if let existing = try backend.release(product: record.product, version: record.version) {
            guard existing.inputsSHA256 == record.inputsSHA256 else {
                throw StoreError.releaseConflict(product: record.product, release: record.version)
            }
            outcome.status = .unchanged
            return outcome
        }
        outcome.newDocuments = try backend.insert(record).newDocuments
        return outcome
    }

    /// The bytes of every file that was read, as audited (a GGUF larger than the input limit by its header).
    static func storedDocuments(_ load: LoadResult, limits: InputLimits) -> [StoredDocument] {
        load.files.filter { $0.status == .read && $0.document != nil }.compactMap { file in
            if let bytes = try? SafeFile.read(file.path, limits: limits) { return StoredDocument(path: file.path, bytes: bytes) }
            let budget = min(limits.maxFileBytes, InputLoader.modelHeaderBytes)
            return (try? SafeFile.read(file.path, firstBytes: budget)).map { StoredDocument(path: file.path, bytes: $0) }
        }
    }

    /// The product's name: the context's, else the first root's, else "unnamed product".
    static func productName(_ result: AuditResult) -> String {
        if let name = result.context.name, !name.isEmpty { return name }
        let roots = result.components.filter(\.isProduct).sorted { $0.ref < $1.ref }
        return roots.first?.name ?? result.context.roots.first?.rawValue ?? "unnamed product"
    }

    /// The release's version: the product root's, else a short digest of the inputs.
    static func releaseVersion(_ result: AuditResult, inputsSHA256: String) -> String {
        let roots = result.components.filter(\.isProduct).sorted { $0.ref < $1.ref }
        if let version = roots.first?.version, !version.isEmpty { return version }
        return "sha256-" + inputsSHA256.prefix(12)
    }

    static func json(_ value: some Encodable) throws(StoreError) -> String {
        try ReleaseWriter.json(value)
    }
}
