import PedigreeCore

/// Why a store command could not do its work; each becomes one diagnostic and exit code 2.
public enum StoreError: Error, Sendable, Equatable {
    /// `--store` names nothing Pedigree can open.
    case badLocation(String, String)
    /// The database refused an operation (a file that is not a store, a full disk, a lock held).
    case database(String, String)
    /// The store was written by a newer Pedigree (its schema has migrations this build does not know).
    case newerSchema(String)
    /// The same product and release were stored before from other inputs.
    case releaseConflict(product: String, release: String)
    /// The store file does not exist (only `init` and `add` create one).
    case missing(String)
    /// A product or release named on the command line is not in the store.
    case notFound(String)
    /// A stored document or policy no longer reads (the store was edited by hand).
    case damaged(String)
    /// `COMPONENT=LICENSE` was malformed.
    case badRelabel(String)
    /// This build has no driver for the store's kind.
    case unsupported(String)

    public var code: String {
        switch self {
        case .badLocation: "store.bad-location"
        case .database: "store.database"
        case .newerSchema: "store.newer-schema"
        case .releaseConflict: "store.release-conflict"
        case .missing: "store.missing"
        case .notFound: "store.not-found"
        case .damaged: "store.damaged"
        case .badRelabel: "store.bad-relabel"
        case .unsupported: "store.unsupported"
        }
    }

    public var message: String {
        switch self {
        case .badLocation(let text, let why): "cannot use the store '\(text)': \(why)"
        case .database(let store, let why): "the store '\(store)' failed: \(why)"
        case .newerSchema(let store): "the store '\(store)' was written by a newer Pedigree; upgrade Pedigree to use it"
        case .releaseConflict(let product, let release):
            "release '\(release)' of '\(product)' is already stored from other inputs; a release is never overwritten, give another --release"
        case .missing(let path): "there is no store at '\(path)'; create it with 'pedigree store init' or 'pedigree store add'"
        case .notFound(let what): "\(what) is not in the store"
        case .damaged(let what): "the store is damaged: \(what)"
        case .badRelabel(let text): "expected COMPONENT=LICENSE, found '\(text)'"
        case .unsupported(let what): what
        }
    }

    /// The error as the CLI prints it.
    public var diagnostic: Diagnostic { .error(code, message) }
}
