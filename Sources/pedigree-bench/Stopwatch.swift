#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock timing: best of several runs, which filters out the noise of a shared machine.
enum Stopwatch {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `body` `runs` times and returns the shortest duration.
    ///
    /// Each run's value is handed to `inspect` after the clock stops and released before the next
    /// run starts: tearing down a parsed tree is not parsing, and two trees alive at once would
    /// double the peak memory that the case reports.
    static func best<T>(runs: Int, _ body: () throws -> T, inspect: (T) throws -> Void = { _ in }) throws -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, runs) {
            let start = now()
            let value = try body()
            let elapsed = now() - start
            try withExtendedLifetime(value) { try inspect(value) }
            best = min(best, elapsed)
        }
        return best
    }

    /// This process's peak resident memory in bytes (`VmHWM` in `/proc/self/status`), or nil where
    /// the kernel does not report it.
    static func peakResidentBytes() -> Int? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasPrefix("VmHWM:") else { continue }
            let digits = text.dropFirst(6).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
