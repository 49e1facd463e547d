import ArgumentParser
import PedigreeCore

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "explain (not available in this build)"
    )

    func run() throws {
        printError("pedigree explain: this command is not available in this build yet")
        throw ExitCode(2)
    }
}
