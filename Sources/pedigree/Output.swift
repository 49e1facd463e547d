#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one line to standard error (file descriptor 2, unbuffered, so it interleaves correctly).
func printError(_ text: String) {
    let line = text + "\n"
    var utf8 = Array(line.utf8)
    var written = 0
    while written < utf8.count {
        let n = utf8.withUnsafeMutableBytes { write(2, $0.baseAddress! + written, $0.count - written) }
        if n <= 0 { return }
        written += n
    }
}
