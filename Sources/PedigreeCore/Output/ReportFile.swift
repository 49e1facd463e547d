#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report file the hardened way (HARDENING.md §Opening files): to a new temporary file in
/// the target's directory, then renamed over the target, so a reader never sees half a report and an
/// interrupted run leaves the old one; an output path that is a symbolic link is refused, so a link
/// planted in a shared CI workspace cannot redirect the write (and `rename` replaces a link created
/// after the check rather than following it).
public enum ReportFile {
    /// Writes `text` to `path` atomically.
    ///
    /// - Throws: `InputError` with codes `output.symlink`, `output.not-regular-file`, `output.unwritable`.
    public static func write(_ text: String, to path: String) throws(InputError) {
        let location = SourceLocation(file: path, line: 0, column: 0)
        switch SafeFile.entry(at: path) {
        case .symlink:
            throw InputError("output.symlink", "'\(path)' is a symbolic link; refusing to write a report through it", at: location)
        case .directory:
            throw InputError("output.not-regular-file", "'\(path)' is a directory, expected a file name for the report", at: location)
        case .other(let kind):
            throw InputError("output.not-regular-file", "'\(path)' is a \(kind), expected a regular file", at: location)
        case .regularFile, .missing:
            break
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array(((directory.isEmpty ? "" : directory) + "/." + name + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw InputError("output.unwritable", "cannot create a file in '\(directory.isEmpty ? "/" : directory)': \(errorText(errno))", at: location)
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                let code = errno
                unlink(temporary)
                throw InputError("output.unwritable", "cannot write '\(path)': \(errorText(code))", at: location)
            }
            written += n
        }
        // mkstemp creates the file 0600; a report is meant to be read by others, as a plain file would be.
        _ = fchmod(fd, 0o644)
        closed = true
        if close(fd) != 0 || rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw InputError("output.unwritable", "cannot write '\(path)': \(errorText(code))", at: location)
        }
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
