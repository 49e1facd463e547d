import ArgumentParser
import PedigreeCore

struct Licenses: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "licenses",
        abstract: "licenses (not available in this build)"
    )

    func run() throws {
        printError("pedigree licenses: this command is not available in this build yet")
        throw ExitCode(2)
    }
}
