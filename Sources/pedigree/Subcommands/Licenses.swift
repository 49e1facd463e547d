import ArgumentParser
import PedigreeCore

/// `pedigree licenses [QUERY]` and `pedigree licenses --check EXPRESSION`.
struct Licenses: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "licenses",
        abstract: "Show what Pedigree knows about a license, or check an SPDX license expression.",
        discussion: """
            With a QUERY (an SPDX id, a name, a Hugging Face id, a license URL or a whole expression), \
            prints how Pedigree reads it and every fact its knowledge base holds: category, aliases, \
            copyleft, commercial use and thresholds, derivatives, output use, flow-down, hosting, \
            attribution, territory, which licenses may absorb it, and the sources of these facts.
            Without a QUERY, lists every license Pedigree has terms for.

            --check validates an expression strictly against SPDX 2.3/3.0 (operators in upper case, ids \
            from the SPDX License List or LicenseRef-…) and prints its canonical form; an invalid one is \
            reported with the column of the first bad token and a caret under it.

            Exit codes: 0 the query was found or the expression is valid; 2 the query names no license \
            Pedigree knows, or the expression is invalid (an input that can't be used, as in 'pedigree \
            audit'); 64 usage error.

            Examples:
              pedigree licenses Apache-2.0
              pedigree licenses "Apache License, Version 2.0"
              pedigree licenses llama3.1
              pedigree licenses "MIT or GPLv3"
              pedigree licenses https://www.apache.org/licenses/LICENSE-2.0
              pedigree licenses --check "GPL-2.0-only WITH Classpath-exception-2.0 OR MIT"
              pedigree licenses --check "MIT and Apache-2.0"
            """
    )

    @Argument(help: "A license id, name, alias, URL or expression; omit it to list every license with terms.")
    var query: String?

    @Option(name: .long, help: ArgumentHelp("Validate an SPDX license expression strictly.", valueName: "expression"))
    var check: String?

    func validate() throws {
        if query != nil && check != nil {
            throw ValidationError("give either a QUERY or --check EXPRESSION, not both")
        }
    }

    func run() throws {
        let knowledge = KnowledgeBase.shared
        if let check {
            let result = LicenseReportText.check(check, knowledge: knowledge)
            result.output.forEach { print($0) }
            result.errors.forEach(printError)
            if !result.isValid { throw ExitCode(2) }
            return
        }
        guard let query else {
            LicenseReportText.list(knowledge: knowledge).forEach { print($0) }
            return
        }
        let result = LicenseReportText.describe(query: query, knowledge: knowledge)
        result.lines.forEach { print($0) }
        if !result.found { throw ExitCode(2) }
    }
}
