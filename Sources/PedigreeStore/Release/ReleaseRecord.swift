import PedigreeCore

/// A file a release was audited from, kept whole and addressed by its SHA-256.
public struct StoredDocument: Sendable, Hashable {
    /// The path as the user gave it (Hugging Face cards take their id from their folder).
    public var path: String
    public var sha256: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        sha256 = SHA256.hex(bytes)
    }
}

/// One component of a release, with where the reach index places it.
package struct NodeRecord: Sendable, Hashable {
    var ref: String
    /// The version-free identity (purl without version, else the name), shared across releases.
    var identity: String
    var name: String
    var kind: String
    var version: String?
    var license: String?
    var licenseIDs: [String]
    var ships: Bool
    /// Hops from the product along the shortest path; nil when nothing reaches it.
    var depth: Int?
    var parentRef: String?
    var edgeKind: String?
    var attached: Bool
}

/// A model-lineage pair: `descendantRef` derives (over `depth` derivative edges) from the component
/// whose identity is `ancestorIdentity`; `nextRef` is the first hop towards it.
package struct AncestorRecord: Sendable, Hashable {
    var ancestorIdentity: String
    var descendantRef: String
    var depth: Int
    var nextRef: String
    var nextKind: String
}

/// A finding as stored: what the engine said, and how it compares with the previous evaluation.
public struct StoredFinding: Sendable, Hashable, Codable {
    public enum Change: String, Sendable, Hashable, Codable {
        case new, unchanged, resolved
    }

    public var change: Change
    public var fingerprint: String
    public var rule: String
    public var severity: String
    public var component: String
    public var firedAt: String
    public var licenses: [String]
    public var message: String
    public var path: [PathStep]
    public var waived: Bool
    /// The component whose license carries the term (DOMAIN §8.5): the base model of a derivative's
    /// finding, else `component` itself; nil in evaluations stored before the store recorded it.
    public var source: String?
    /// Where `source`'s license is stated, when `source` is not `component`.
    public var sourceLocation: SourceLocation?

    init(_ finding: Finding, change: Change) {
        self.change = change
        fingerprint = finding.fingerprint
        rule = finding.rule.rawValue
        severity = finding.severity.rawValue
        component = finding.component.rawValue
        firedAt = finding.firedAt.rawValue
        licenses = finding.licenses
        message = finding.message
        path = finding.path
        waived = finding.waived
        source = finding.source.rawValue
        sourceLocation = finding.source == finding.component ? nil : finding.sourceLocation
    }

    init(
        change: Change, fingerprint: String, rule: String, severity: String, component: String, firedAt: String,
        licenses: [String], message: String, path: [PathStep], waived: Bool, source: String?, sourceLocation: SourceLocation?
    ) {
        self.change = change
        self.fingerprint = fingerprint
        self.rule = rule
        self.severity = severity
        self.component = component
        self.firedAt = firedAt
        self.licenses = licenses
        self.message = message
        self.path = path
        self.waived = waived
        self.source = source
        self.sourceLocation = sourceLocation
    }

    /// `the license 'L' of 'X'` when another component's license imposes the term, as the audit's
    /// reports say it after "because of"; nil when the component holds the term or no source was recorded.
    public var cause: String? {
        guard let source, source != component else { return nil }
        return SourceText.phrase(license: licenses.first, of: source)
    }

    /// Blocking as the audit means it: an error that is not waived.
    public var isBlocking: Bool { severity == FindingSeverity.error.rawValue && !waived && change != .resolved }
}

/// The versions that decided an evaluation: when one differs from the current, the verdicts may be stale.
public struct EvaluationBasis: Sendable, Hashable, Codable {
    public var engineVersion: String
    public var knowledgeSHA256: String
    public var policySHA256: String
    public var factsSHA256: String

    /// The names of the parts that differ from `other`, for messages (`knowledge`, `policy`…).
    public func changes(from other: EvaluationBasis) -> [String] {
        var changed: [String] = []
        if engineVersion != other.engineVersion { changed.append("engine") }
        if knowledgeSHA256 != other.knowledgeSHA256 { changed.append("knowledge") }
        if policySHA256 != other.policySHA256 { changed.append("policy") }
        if factsSHA256 != other.factsSHA256 { changed.append("facts") }
        return changed
    }
}

/// One run of the engine over a release.
package struct EvaluationRecord: Sendable {
    var reason: String
    var evaluatedAt: String
    var basis: EvaluationBasis
    var summary: AuditSummary
    /// Present findings (new or unchanged), then the resolved ones.
    var findings: [StoredFinding]
    var obligations: [Obligation]

    var newCount: Int { findings.count { $0.change == .new } }
    var resolvedCount: Int { findings.count { $0.change == .resolved } }
}

/// The product context a release was audited in, as the query filters read it.
package struct ContextColumns: Sendable, Hashable {
    var commercial: Bool
    var distributionMask: Int
    var monthlyActiveUsers: Int?
    var dailyActiveUsers: Int?
    var annualRevenueUSD: Double?
    var regions: String

    init(_ context: ResolvedContext) {
        commercial = context.commercial
        distributionMask = Self.mask(context.distribution)
        monthlyActiveUsers = context.monthlyActiveUsers
        dailyActiveUsers = context.dailyActiveUsers
        annualRevenueUSD = context.annualRevenueUSD
        regions = (context.regions ?? []).joined(separator: ",")
    }

    init(commercial: Bool, distributionMask: Int, monthlyActiveUsers: Int?, dailyActiveUsers: Int?, annualRevenueUSD: Double?, regions: String) {
        self.commercial = commercial
        self.distributionMask = distributionMask
        self.monthlyActiveUsers = monthlyActiveUsers
        self.dailyActiveUsers = dailyActiveUsers
        self.annualRevenueUSD = annualRevenueUSD
        self.regions = regions
    }

    /// One bit per distribution kind, in `Distribution.allCases` order.
    static func mask(_ kinds: some Sequence<ProductContext.Distribution>) -> Int {
        kinds.reduce(0) { mask, kind in mask | (1 << (ProductContext.Distribution.allCases.firstIndex(of: kind) ?? 0)) }
    }

    static func kinds(_ mask: Int) -> [ProductContext.Distribution] {
        ProductContext.Distribution.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
    }

    var distribution: [ProductContext.Distribution] { Self.kinds(distributionMask) }
}

/// Everything `add` writes for one release, in one transaction.
package struct ReleaseRecord: Sendable {
    var product: String
    var version: String
    var inputsSHA256: String
    var addedAt: String
    var documents: [StoredDocument]
    /// The context the flags stated (JSON), re-applied when the release is audited again.
    var statedContext: String
    var policy: StoredDocument?
    var context: ContextColumns
    var nodes: [NodeRecord]
    var ancestors: [AncestorRecord]
    var evaluation: EvaluationRecord
}
