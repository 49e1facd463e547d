import ArgumentParser
import PedigreeCore

/// Writes a report to standard output or, safely, to a file (`ReportFile`: a temporary sibling renamed
/// into place, a symbolic link refused); a file that cannot be written ends the run with exit code 2.
enum ReportOutput {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        do {
            try ReportFile.write(text, to: path)
        } catch {
            DiagnosticPrinter.print([error.diagnostic], verbose: true)
            throw ExitCode(2)
        }
    }
}
