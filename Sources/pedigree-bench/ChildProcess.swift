#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs this executable again for one case and collects what it printed and how much memory it used.
///
/// The child is started with `posix_spawn` from `/proc/self/exe` (the binary that is running, even
/// if the path it was started from has changed since), its standard output comes back through a
/// pipe, and `wait4` returns the child's own resource usage, so `ru_maxrss` is that child's peak
/// alone, not the largest of all children as `getrusage(RUSAGE_CHILDREN)` would give.
struct ChildProcess {
    var output: String
    var exitStatus: Int32
    /// Peak resident memory in bytes as the kernel accounted it for this child.
    var peakResidentBytes: Int

    static func run(arguments: [String]) throws -> ChildProcess {
        #if os(Linux)
        let executable = "/proc/self/exe"
        #else
        let executable = CommandLine.arguments[0]
        #endif
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw BenchFailure("cannot create a pipe: errno \(errno)") }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let status = (argv + [nil]).withUnsafeBufferPointer { pointers -> Int32 in
            guard let arguments = pointers.baseAddress else { return EINVAL }
            return posix_spawn(&pid, executable, &actions, nil, arguments, environ)
        }
        close(writeEnd)
        guard status == 0 else {
            close(readEnd)
            throw BenchFailure("cannot start \(executable): error \(status)")
        }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            output.append(contentsOf: chunk[0..<count])
        }
        close(readEnd)

        var waitStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &waitStatus, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchFailure("cannot wait for the child: errno \(errno)") }
        }
        // Linux reports ru_maxrss in KiB (macOS in bytes).
        #if os(Linux)
        let peak = Int(usage.ru_maxrss) * 1024
        #else
        let peak = Int(usage.ru_maxrss)
        #endif
        let exited = waitStatus & 0x7F == 0
        return ChildProcess(
            output: String(decoding: output, as: UTF8.self),
            exitStatus: exited ? (waitStatus >> 8) & 0xFF : 128 + (waitStatus & 0x7F),
            peakResidentBytes: peak)
    }
}
