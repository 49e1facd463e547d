/// Which license and exception ids exist, and how their list spells them.
///
/// The strict parser asks this to check ids and to canonicalise their case (SPDX ids match
/// case-insensitively: `apache-2.0` is `Apache-2.0`). `KnowledgeBase` answers from the whole SPDX list plus
/// its own `LicenseRef-…` entries; tests may pass a small table.
public protocol LicenseIDLookup: Sendable {
    /// The list spelling of a license id or known `LicenseRef-…`, matched case-insensitively; nil when unknown.
    func canonicalLicenseID(_ id: String) -> String?

    /// The list spelling of a license exception id, matched case-insensitively; nil when unknown.
    func canonicalExceptionID(_ id: String) -> String?
}

/// A fixed set of ids, for tests and tools that need no knowledge base.
public struct LicenseIDTable: LicenseIDLookup, Sendable, Hashable {
    private var licenses: [String: String]
    private var exceptions: [String: String]

    public init(licenses: [String], exceptions: [String] = []) {
        self.licenses = Dictionary(licenses.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        self.exceptions = Dictionary(exceptions.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func canonicalLicenseID(_ id: String) -> String? { licenses[id.lowercased()] }

    public func canonicalExceptionID(_ id: String) -> String? { exceptions[id.lowercased()] }
}
