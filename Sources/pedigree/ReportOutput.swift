#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import PedigreeCore

/// Writes a report to standard output or, safely, to a file.
///
/// A file is written to a temporary sibling and renamed into place, so a reader never sees half a
/// report; a path that is a symbolic link is refused rather than followed.
enum ReportOutput {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        if case .symlink = SafeFile.entry(at: path) {
            printError("error: [output.symlink] refusing to write the report through the symbolic link '\(TerminalText.escape(path))'")
            throw ExitCode(2)
        }
        let temporary = path + ".pedigree-tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            printError("error: [output.unwritable] cannot write '\(TerminalText.escape(path))': \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
        var bytes = Array(text.utf8)
        var written = 0
        var failed = false
        while written < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { failed = true; break }
            written += n
        }
        if close(fd) != 0 { failed = true }
        if failed || rename(temporary, path) != 0 {
            unlink(temporary)
            printError("error: [output.unwritable] cannot write '\(TerminalText.escape(path))': \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
    }
}
