import ArgumentParser
import PedigreeCore

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "audit (not available in this build)"
    )

    func run() throws {
        printError("pedigree audit: this command is not available in this build yet")
        throw ExitCode(2)
    }
}
