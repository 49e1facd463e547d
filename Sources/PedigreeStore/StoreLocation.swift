/// Where a portfolio lives, from `--store URL`.
///
/// Decisions: a bare path, `sqlite:PATH` or `file:PATH` is an SQLite file (the default, nothing to
/// install); `postgres://` and `postgresql://` name a PostgreSQL server for a team. Anything else with
/// a scheme is refused rather than taken for a file name, so a mistyped URL never creates a stray file.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// The default: `pedigree.db` in the current folder.
    public static let defaultLocation = StoreLocation.sqlite(path: "pedigree.db")

    /// Reads a `--store` value.
    ///
    /// - Throws: `StoreError.badLocation` for an empty value or an unknown scheme.
    public init(_ text: String) throws(StoreError) {
        let lowered = text.lowercased()
        if text.isEmpty { throw StoreError.badLocation(text, "it is empty") }
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if lowered.hasPrefix("sqlite:") {
            self = .sqlite(path: String(text.dropFirst("sqlite:".count)).strippingSlashPair)
        } else if lowered.hasPrefix("file:") {
            self = .sqlite(path: String(text.dropFirst("file:".count)).strippingSlashPair)
        } else if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter || $0 == "+" }),
            text[text.index(after: colon)...].hasPrefix("//")
        {
            throw StoreError.badLocation(text, "the scheme '\(text[..<colon])' is not one Pedigree stores in (use a file path, sqlite:PATH or postgres://…)")
        } else {
            self = .sqlite(path: text)
        }
        if case .sqlite(let path) = self, path.isEmpty { throw StoreError.badLocation(text, "it names no file") }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): Self.redacted(url)
        }
    }

    /// A URL with its password replaced, for messages.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}

extension String {
    /// `sqlite://x.db` and `sqlite:x.db` both name `x.db`.
    fileprivate var strippingSlashPair: String { hasPrefix("//") ? String(dropFirst(2)) : self }
}
