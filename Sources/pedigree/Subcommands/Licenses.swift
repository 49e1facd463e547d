import ArgumentParser
import PedigreeCore

/// `pedigree licenses [QUERY]`, `pedigree licenses --check EXPRESSION` and
/// `pedigree licenses --identify FILE… [--format text|json]`.
struct Licenses: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "licenses",
        abstract: "Show what Pedigree knows about a license, check an SPDX license expression, or identify license texts.",
        discussion: """
            With a QUERY (an SPDX id, a name, a Hugging Face id, a license URL or a whole expression), \
            prints how Pedigree reads it and every fact its knowledge base holds: category, aliases, \
            copyleft, commercial use and thresholds, derivatives, output use, flow-down, hosting, \
            attribution, territory, which licenses may absorb it, and the sources of these facts. \
            A QUERY naming a model or package the knowledge base knows (a Hugging Face model id such as \
            THUDM/chatglm2-6b, a purl or a name) prints its known license, the base it was made from, its \
            notes and sources, then the facts of that license.
            Without a QUERY, lists every license Pedigree has terms for.

            --check validates an expression strictly against SPDX 2.3/3.0 (operators in upper case, ids \
            from the SPDX License List or LicenseRef-…) and prints its canonical form; an invalid one is \
            reported with the column of the first bad token and a caret under it.

            --identify names the license each FILE's text is (exactly, after normalising case, \
            whitespace, punctuation, bullets, copyright lines and Markdown, or approximately with a \
            confidence of at least 80%), or, for a text that matches no known license, lists the clauses \
            read from it (non-commercial, no-derivatives, no-redistribution, usage-threshold, naming, \
            attribution, use-restriction, share-alike) with the sentence and line of each. --format json \
            prints one object per file: file, license, confidence, matchedBy, clauses.

            Exit codes: 0 the query was found, the expression is valid or every file was read; 2 the query \
            names no license Pedigree knows, the expression is invalid or a file could not be read (an \
            input that can't be used, as in 'pedigree audit'); 64 usage error.

            Examples:
              pedigree licenses Apache-2.0
              pedigree licenses "Apache License, Version 2.0"
              pedigree licenses llama3.1
              pedigree licenses "MIT or GPLv3"
              pedigree licenses https://www.apache.org/licenses/LICENSE-2.0
              pedigree licenses --check "GPL-2.0-only WITH Classpath-exception-2.0 OR MIT"
              pedigree licenses --check "MIT and Apache-2.0"
              pedigree licenses --identify LICENSE models/acme/LICENSE.md --format json
            """
    )

    @Argument(help: "A license id, name, alias, URL or expression; omit it to list every license with terms.")
    var query: String?

    @Option(name: .long, help: ArgumentHelp("Validate an SPDX license expression strictly.", valueName: "expression"))
    var check: String?

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Identify the license text in each file.", valueName: "file"))
    var identify: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output of --identify: text or json.", valueName: "format"))
    var format: IdentifyFormat = .text

    enum IdentifyFormat: String, CaseInsensitiveArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        let modes = [query != nil, check != nil, !identify.isEmpty].filter { $0 }.count
        if modes > 1 {
            throw ValidationError("give one of a QUERY, --check EXPRESSION or --identify FILE…")
        }
        if format != .text && identify.isEmpty {
            throw ValidationError("--format applies to --identify only")
        }
    }

    func run() throws {
        if !identify.isEmpty { return try runIdentify() }
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

    private func runIdentify() throws {
        let identifier: LicenseTextIdentifier
        switch LicenseTextIdentifier.shared {
        case .success(let loaded): identifier = loaded
        case .failure(let error):
            printError("pedigree: \(error)")
            throw ExitCode(2)
        }
        let files = IdentifiedLicenseFile.identify(identify, identifier: identifier)
        let items = files.map { LicenseIdentificationWriter.Item(file: $0.path, result: $0.result) }
        let writer = LicenseIdentificationWriter()
        print(format == .json ? writer.json(items) : writer.text(items), terminator: "")
        var unreadable = false
        for case .failure(let error) in files.map(\.result) {
            printError(error.description)
            unreadable = true
        }
        if unreadable { throw ExitCode(2) }
    }
}
