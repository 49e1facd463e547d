import ArgumentParser
import PedigreeCore

struct Notice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "notice (not available in this build)"
    )

    func run() throws {
        printError("pedigree notice: this command is not available in this build yet")
        throw ExitCode(2)
    }
}
