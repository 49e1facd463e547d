import Foundation
import PedigreeCore
import SafeJSON

/// Parsing a 40 MB CycloneDX document: SafeJSON against Foundation's `JSONSerialization`, on the
/// same bytes, each in its own child process so that each peak memory is its own.
enum JSONParseBench {
    static let fixture = "cyclonedx-1.6-40mb.json"
    static let targetBytes = 40_000_000
    static let runs = 5

    /// Writes the fixture once per bench run; the second case finds it in place.
    static let prepare: @Sendable (BenchContext) throws -> String? = { context in
        let path = context.path(fixture)
        if SafeFile.entry(at: path) == .regularFile { return nil }
        let document = CycloneDXBenchDocument.generate(targetBytes: targetBytes)
        try Data(document.bytes).write(to: URL(fileURLWithPath: path))
        return "fixture: deterministic CycloneDX 1.6 JSON, \(BenchTable.size(document.bytes.count)), "
            + "\(document.components) components"
    }

    static let safeJSON = BenchCase(
        name: "json.parse.safejson", label: "CycloneDX 40 MB, SafeJSON", subject: "SafeJSON",
        baseline: "json.parse.foundation", prepare: prepare
    ) { context in
        let bytes = try SafeFile.read(context.path(fixture))
        var components = 0
        let best = try Stopwatch.best(runs: runs) {
            try JSONParser.parse(bytes, file: fixture)
        } inspect: { root in
            components = countComponents(root)
        }
        return BenchResult(bestSeconds: best, runs: runs, bytes: bytes.count, detail: "\(components) components")
    }

    static let foundation = BenchCase(
        name: "json.parse.foundation", label: "CycloneDX 40 MB, JSONSerialization", subject: "JSONSerialization",
        prepare: prepare
    ) { context in
        let data = try Data(contentsOf: URL(fileURLWithPath: context.path(fixture)))
        var components = 0
        let best = try Stopwatch.best(runs: runs) {
            try JSONSerialization.jsonObject(with: data)
        } inspect: { root in
            components = countComponents(root)
        }
        return BenchResult(bestSeconds: best, runs: runs, bytes: data.count, detail: "\(components) components")
    }

    /// Components at every nesting level: both parsers must have read the same document.
    static func countComponents(_ value: JSONValue) -> Int {
        guard let components = value["components"]?.array else { return 0 }
        return components.reduce(components.count) { $0 + countComponents($1) }
    }

    static func countComponents(_ value: Any) -> Int {
        guard let object = value as? [String: Any], let components = object["components"] as? [Any] else { return 0 }
        return components.reduce(components.count) { $0 + countComponents($1) }
    }
}
