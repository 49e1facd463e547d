import ArgumentParser
import PedigreeCore
import PedigreeStore

/// `pedigree store reaudit`: audits stored releases again and records what changed.
struct StoreReaudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reaudit",
        abstract: "Audit stored releases again and record new and resolved findings, keeping history.",
        discussion: """
            Audits each product's latest release (every release with --all-releases) again from its stored \
            inputs with this build's engine and knowledge, and records the result as a new evaluation; \
            earlier evaluations are kept. With --changed, only releases whose engine, knowledge, policy or \
            facts differ from those that decided them are audited.

            --worker shares the work with other 'reaudit --worker' processes on the same PostgreSQL store: \
            each claims a release (SELECT … FOR UPDATE SKIP LOCKED) before auditing it, so no release is \
            audited twice; it implies --changed. Start as many as there are cores to spare, on any machines.

            --policy audits with a new policy from now on (stored with the release). --relabel records a \
            fact first: COMPONENT is licensed LICENSE, whatever its inputs say (repeatable; preview it with \
            'pedigree store impact').

            Exit codes: 0 no release gained a blocking finding, 1 one did, 2 the store or the policy could \
            not be used, 64 usage error.

            Examples:
              pedigree store reaudit --changed
              pedigree store reaudit --policy pedigree-policy.yaml --product assistant
              pedigree store reaudit --relabel datasets/acme/support-dialogs=CC-BY-NC-4.0 --changed
              pedigree store reaudit --worker --store postgres://pedigree@db.example/portfolio
            """
    )

    @OptionGroup var options: StoreOptions

    @Flag(help: "Only releases whose engine, knowledge, policy or facts changed.")
    var changed = false

    @Flag(help: "Share the work with other workers on a PostgreSQL store (implies --changed).")
    var worker = false

    @Option(help: ArgumentHelp("A policy file to audit with from now on.", valueName: "file"))
    var policy: String?

    @Option(help: ArgumentHelp("Record that a component is licensed so (repeatable).", valueName: "component=license"))
    var relabel: [String] = []

    @Option(help: ArgumentHelp("Only this product.", valueName: "name"))
    var product: String?

    @Flag(name: .customLong("all-releases"), help: "Every stored release, not only each product's latest.")
    var allReleases = false

    @Option(help: "Output format: text or json.")
    var format: PortfolioChangeWriter.Format = .text

    func validate() throws {
        for text in relabel {
            do {
                _ = try LicenseFact(text)
            } catch {
                throw ValidationError(error.message)
            }
        }
    }

    func run() throws {
        let document = try policy.map(StoreAdd.readPolicy)
        let portfolio = try options.open(create: false)
        let report: ReauditReport
        do {
            let facts = try relabel.map { text throws(StoreError) in try LicenseFact(text) }
            report = try portfolio.reaudit(ReauditRequest(
                changedOnly: changed, policy: document, relabel: facts, allReleases: allReleases, product: product,
                worker: worker))
            print(try PortfolioChangeWriter.write(report, format: format), terminator: "")
        } catch {
            StoreOptions.fail(error)
        }
        if report.hasNewBlocking { throw ExitCode(1) }
    }
}
