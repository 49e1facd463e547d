#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
            throw ExitCode.unusableInput
        }
    }

    /// Checked before anything is read: an `--output` whose folder does not exist is a mistake on the
    /// command line (exit 64), not found out after a long audit.
    static func checkFolder(of path: String?) throws {
        guard let path else { return }
        if path.isEmpty { throw ValidationError("--output needs a file name") }
        let folder = path.hasSuffix("/") ? path : (path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ".")
        var info = stat()
        guard stat(folder.isEmpty ? "/" : folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw ValidationError("the folder '\(TerminalText.escape(folder))' of --output does not exist; create it first")
        }
        if path.hasSuffix("/") { throw ValidationError("--output '\(TerminalText.escape(path))' is a folder; name a file in it") }
    }
}
