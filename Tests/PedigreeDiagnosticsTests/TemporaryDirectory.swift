#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder in the system temp directory for one test, removed with everything in it.
///
/// Removal never follows symlinks (the tests plant links that point back up the tree).
struct TemporaryDirectory: ~Copyable {
    let path: String

    init() throws {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/pedigree-tests.XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let address = buffer.baseAddress, let result = mkdtemp(address) else { return nil }
            return String(cString: result)
        }
        guard let created else { throw TemporaryDirectoryError(message: "mkdtemp failed: errno \(errno)") }
        path = created
    }

    deinit { Self.remove(path) }

    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `bytes` to a new file at `name` (relative to the folder) and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let target = file(name)
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw TemporaryDirectoryError(message: "cannot create \(target): errno \(errno)") }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { raw in raw.isEmpty ? 0 : Self.systemWrite(fd, raw.baseAddress, raw.count) }
        guard written == bytes.count else { throw TemporaryDirectoryError(message: "short write to \(target)") }
        return target
    }

    @discardableResult
    func makeDirectory(_ name: String) throws -> String {
        let target = file(name)
        guard mkdir(target, 0o755) == 0 else { throw TemporaryDirectoryError(message: "mkdir \(target): errno \(errno)") }
        return target
    }

    @discardableResult
    func makeSymlink(_ name: String, to destination: String) throws -> String {
        let target = file(name)
        guard symlink(destination, target) == 0 else {
            throw TemporaryDirectoryError(message: "symlink \(target): errno \(errno)")
        }
        return target
    }

    @discardableResult
    func makeFIFO(_ name: String) throws -> String {
        let target = file(name)
        guard mkfifo(target, 0o644) == 0 else { throw TemporaryDirectoryError(message: "mkfifo \(target): errno \(errno)") }
        return target
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    private static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        if let directory = opendir(path) {
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            for name in names { remove(path + "/" + name) }
        }
        rmdir(path)
    }
}

struct TemporaryDirectoryError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
