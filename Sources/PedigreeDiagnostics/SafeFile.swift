#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens input files the hardened way: no symlinks, no FIFOs or devices, size checked before reading.
///
/// The file is opened with `O_NONBLOCK | O_NOFOLLOW` so that a FIFO cannot block the process and a
/// symlink cannot redirect it, then `fstat` on the open descriptor decides: only a regular file
/// within `limits.maxFileBytes` is read, into memory owned by Swift. No path is ever handed to a C
/// parser (libxml2 would inflate gzip behind our back).
public enum SafeFile {
    /// Reads a whole regular file.
    ///
    /// - Throws: `InputError` with codes `input.not-found`, `input.symlink`, `input.not-regular-file`,
    ///   `input.too-large`, `input.unreadable`.
    public static func read(_ path: String, limits: InputLimits = .default) throws(InputError) -> [UInt8] {
        try read(path, limits: limits, prefix: nil)
    }

    /// Reads at most the first `count` bytes of a regular file, whatever its size: for formats whose
    /// header says all Pedigree needs (a GGUF model's metadata before gigabytes of tensors).
    ///
    /// - Throws: as `read(_:limits:)`, except `input.too-large`.
    public static func read(_ path: String, firstBytes count: Int) throws(InputError) -> [UInt8] {
        try read(path, limits: .default, prefix: max(0, count))
    }

    private static func read(_ path: String, limits: InputLimits, prefix: Int?) throws(InputError) -> [UInt8] {
        let location = SourceLocation(file: path, line: 0, column: 0)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ELOOP {
                throw InputError("input.symlink", "'\(path)' is a symbolic link; pass the file it points to", at: location)
            }
            if code == ENOENT {
                throw InputError("input.not-found", "no such file '\(path)'", at: location)
            }
            throw InputError("input.unreadable", "cannot open '\(path)': \(errorText(code))", at: location)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw InputError("input.unreadable", "cannot inspect '\(path)': \(errorText(errno))", at: location)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw InputError(
                "input.not-regular-file",
                "'\(path)' is a \(fileTypeName(info.st_mode)), expected a regular file", at: location)
        }
        var size = Int(info.st_size)
        if let prefix { size = min(size, prefix) }
        guard size <= limits.maxFileBytes || prefix != nil else {
            throw InputError(
                "input.too-large",
                "'\(path)' has \(size) bytes, more than the limit of \(limits.maxFileBytes) bytes", at: location)
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let got = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + filled, size - filled)
            }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw InputError("input.unreadable", "cannot read '\(path)': \(errorText(errno))", at: location)
            }
            if got == 0 { break }
            filled += got
        }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }

    /// What a path is, without following a final symlink.
    public enum Entry: Sendable, Equatable {
        case regularFile, directory, symlink, other(String), missing
    }

    public static func entry(at path: String) -> Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other(fileTypeName(info.st_mode))
        }
    }

    /// Lists the regular files below a directory, recursively, in sorted order.
    ///
    /// Symlinks are never followed (a link could leave the tree or loop); each one skipped is reported
    /// as a warning so that nothing disappears silently. Hidden entries (`.git`, `.build`) are skipped.
    public static func regularFiles(under directory: String, diagnostics: inout DiagnosticCollector) -> [String] {
        var result: [String] = []
        var pending = [directory]
        while let current = pending.popLast() {
            guard let dir = opendir(current) else {
                diagnostics.warning(
                    "input.unreadable-directory", "cannot list '\(current)': \(errorText(errno))",
                    at: SourceLocation(file: current, line: 0, column: 0))
                continue
            }
            var names: [String] = []
            while let item = readdir(dir) {
                let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." || name.hasPrefix(".") { continue }
                names.append(name)
            }
            closedir(dir)
            for name in names.sorted() {
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                switch entry(at: path) {
                case .regularFile: result.append(path)
                case .directory: pending.append(path)
                case .symlink:
                    diagnostics.warning(
                        "input.symlink-skipped", "skipped symbolic link '\(path)': links are not followed in folders",
                        at: SourceLocation(file: path, line: 0, column: 0))
                case .other(let kind):
                    diagnostics.warning(
                        "input.special-file-skipped", "skipped '\(path)': a \(kind), not a regular file",
                        at: SourceLocation(file: path, line: 0, column: 0))
                case .missing: break
                }
            }
        }
        return result.sorted()
    }

    /// The absolute path with every symbolic link resolved, nil when it cannot be resolved (a missing
    /// target, a loop). For callers that follow a link only where it stays inside a known folder.
    public static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The names in a directory (without `.` and `..`), sorted; nil with the reason when it cannot be listed.
    public static func names(in directory: String) -> Result<[String], InputError> {
        guard let dir = opendir(directory) else {
            return .failure(InputError(
                "input.unreadable-directory", "cannot list '\(directory)': \(errorText(errno))",
                at: SourceLocation(file: directory, line: 0, column: 0)))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let item = readdir(dir) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted())
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    static func fileTypeName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "directory"
        case S_IFIFO: "FIFO"
        case S_IFCHR: "character device"
        case S_IFBLK: "block device"
        case S_IFSOCK: "socket"
        case S_IFLNK: "symbolic link"
        default: "special file"
        }
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
