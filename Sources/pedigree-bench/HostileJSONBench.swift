import PedigreeCore
import SafeJSON

/// How long each hostile input of the SafeJSON test suite takes to be rejected. The inputs are
/// built at full size here (the tests use the same shapes) to show the rejection stays far below
/// 100 ms without a timed unit test.
enum HostileJSONBench {
    static let runs = 20

    static let deepArray = rejection(
        name: "json.reject.deep-array", label: "reject 10,000-deep array", code: "json.too-deep"
    ) {
        Array(repeating: UInt8(ascii: "["), count: 10_000)
    }

    /// A 1 MB string of valid two-byte characters whose last sequence is an overlong `/`: every byte
    /// is validated before the error.
    static let invalidUTF8 = rejection(
        name: "json.reject.invalid-utf8", label: "reject 1 MB UTF-8, bad last bytes", code: "json.invalid-utf8"
    ) {
        var bytes = Array("[\"".utf8)
        for _ in 0..<500_000 { bytes.append(contentsOf: [0xC3, 0xA9]) }
        bytes.append(contentsOf: [0xC0, 0xAF])
        bytes.append(contentsOf: Array("\"]".utf8))
        return bytes
    }

    /// One key 100,000 times: rejected at its second occurrence, the rest is never read.
    static let repeatedKey = rejection(
        name: "json.reject.repeated-key", label: "reject 100k copies of one key", code: "json.duplicate-key"
    ) {
        Array(("{" + Array(repeating: "\"name\":1", count: 100_000).joined(separator: ",") + "}").utf8)
    }

    /// 100,000 distinct keys, then the first one again: the worst case, the duplicate check must stay linear.
    static let manyKeys = rejection(
        name: "json.reject.duplicate-keys", label: "reject 100k keys + 1 duplicate", code: "json.duplicate-key"
    ) {
        var text = "{"
        for index in 0..<100_000 { text += "\"k\(index)\":0," }
        return Array((text + "\"k0\":1}").utf8)
    }

    /// 50 MB of string: rejected once the scanner passes the 1 MiB limit, not at the end.
    static let hugeString = rejection(
        name: "json.reject.huge-string", label: "reject 50 MB string, 1 MiB limit", code: "json.string-too-long"
    ) {
        var bytes = Array("[\"".utf8)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "x"), count: 50_000_000))
        bytes.append(contentsOf: Array("\"]".utf8))
        return bytes
    }

    static func rejection(
        name: String, label: String, code expectedCode: String, input: @escaping @Sendable () -> [UInt8]
    ) -> BenchCase {
        BenchCase(name: name, label: label) { _ in
            let bytes = input()
            var outcome = ""
            let best = try Stopwatch.best(runs: runs) { () -> String in
                do throws(InputError) {
                    _ = try JSONParser.parse(bytes, file: "hostile.json")
                    return "accepted"
                } catch {
                    return "\(error.diagnostic.code) \(error.diagnostic.location.map { "\($0.line):\($0.column)" } ?? "")"
                }
            } inspect: { outcome = $0 }
            guard outcome.hasPrefix(expectedCode + " ") else {
                throw BenchFailure("expected \(expectedCode), got \(outcome)")
            }
            return BenchResult(bestSeconds: best, runs: runs, detail: outcome)
        }
    }
}
