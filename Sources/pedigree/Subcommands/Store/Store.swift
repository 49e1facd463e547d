#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import PedigreeCore
import PedigreeStore
#if PostgreSQL
import PedigreeStorePostgres
#endif

/// `pedigree store …`: the portfolio of audited releases (DOMAIN §9).
struct Store: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Keep audited releases in a database and ask questions across products.",
        discussion: """
            A store keeps every audited release: its inputs (by content), its lineage graph as a reach \
            index, its findings and obligations, and the engine, knowledge and policy versions that decided \
            them. It answers across products: which reach a component, a license or anything derived from \
            a model (query); what a relabelled license would change (impact); which releases must be \
            re-checked after the knowledge, a policy or a fact changed (reaudit).

            --store takes a file path (SQLite, the default 'pedigree.db' in the current folder; created by \
            init or add) or a PostgreSQL URL for a team, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE \
            (?sslmode=disable|prefer|require; init or add create the tables in that database). The engine decides every verdict; the database only narrows which releases a \
            question concerns.

            Examples:
              pedigree store add Samples/hf-finetune-stack --product assistant --release 1.0
              pedigree store query --license non-commercial --commercial
              pedigree store query --derived-from meta-llama/Llama-3.1-8B --mau-over 700000000
              pedigree store impact --relabel datasets/acme/support-dialogs=CC-BY-NC-4.0
              pedigree store reaudit --changed
              pedigree store export --format html --output portfolio.html
            """,
        subcommands: [StoreInit.self, StoreAdd.self, StoreQuery.self, StoreImpact.self, StoreReaudit.self, StoreExport.self]
    )
}

/// `--store`, and opening the store it names; a store that cannot be used ends the run with exit code 2.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The store: a file path, sqlite:PATH or postgres://USER@HOST/DATABASE (default: pedigree.db).", valueName: "url"))
    var store: String = "pedigree.db"

    func validate() throws {
        do {
            _ = try StoreLocation(store)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func open(create: Bool) throws -> Portfolio {
        do {
            #if PostgreSQL
            return try PortfolioStores.open(
                try StoreLocation(store), create: create, knowledge: try StoreKnowledge.bundled(),
                clock: StoreClock(unixSeconds: Self.now()))
            #else
            return try Portfolio(
                location: try StoreLocation(store), create: create, knowledge: try StoreKnowledge.bundled(),
                clock: StoreClock(unixSeconds: Self.now()))
            #endif
        } catch {
            Self.fail(error)
        }
    }

    /// Prints a store error and exits with code 2.
    static func fail(_ error: StoreError) -> Never {
        DiagnosticPrinter.print([error.diagnostic], verbose: true)
        Store.exit(withError: ExitCode(2))
    }

    /// `SOURCE_DATE_EPOCH` when set (reproducible runs), else the clock.
    static func now() -> Int64 {
        if let epoch = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }), let seconds = Int64(epoch) { return seconds }
        return Int64(time(nil))
    }
}

/// `pedigree store init`: creates an empty store (or brings an older one up to this version's schema).
struct StoreInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the store, or update an existing one to this version's schema.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let portfolio = try options.open(create: true)
        print("store ready: \(TerminalText.escape(portfolio.location.description))")
    }
}
