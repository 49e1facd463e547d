import ArgumentParser
import PedigreeCore

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "graph (not available in this build)"
    )

    func run() throws {
        printError("pedigree graph: this command is not available in this build yet")
        throw ExitCode(2)
    }
}
