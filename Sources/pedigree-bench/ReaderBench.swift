import Foundation
import PedigreeCore

/// Reading an SBOM until its lineage graph is built: `InputLoader` loads the file (read, detect,
/// parse, map) and `LineageGraphBuilder` merges it, for generated products of 1k, 10k and 100k
/// components with three edges each, in CycloneDX JSON and XML and SPDX 2.3 JSON and tag-value.
///
/// Each case prints the file size and its peak memory as a multiple of it, because what bounds the
/// largest SBOM Pedigree can read is memory rather than time. Goal on a 2-core machine: 100k
/// components of CycloneDX JSON under 1.5 s and under 4x the file size.
enum ReaderBench {
    enum Format: String, CaseIterable {
        case cycloneDXJSON = "cyclonedx-json"
        case cycloneDXXML = "cyclonedx-xml"
        case spdxJSON = "spdx-json"
        case spdxTagValue = "spdx-tv"

        var label: String {
            switch self {
            case .cycloneDXJSON: "CycloneDX JSON"
            case .cycloneDXXML: "CycloneDX XML"
            case .spdxJSON: "SPDX 2.3 JSON"
            case .spdxTagValue: "SPDX 2.3 tag-value"
            }
        }

        var fileExtension: String {
            switch self {
            case .cycloneDXJSON: "cdx.json"
            case .cycloneDXXML: "cdx.xml"
            case .spdxJSON: "spdx.json"
            case .spdxTagValue: "spdx"
            }
        }

        func write(_ product: ReaderBenchProduct) -> [UInt8] {
            switch self {
            case .cycloneDXJSON: product.cycloneDXJSON()
            case .cycloneDXXML: product.cycloneDXXML()
            case .spdxJSON: product.spdxJSON()
            case .spdxTagValue: product.spdxTagValue()
            }
        }
    }

    static let sizes: [(count: Int, label: String, runs: Int)] = [(1_000, "1k", 5), (10_000, "10k", 3), (100_000, "100k", 2)]

    static func fixture(_ format: Format, count: Int) -> String { "product-\(count).\(format.fileExtension)" }

    static func readCase(_ format: Format, count: Int, label: String, runs: Int) -> BenchCase {
        let name = fixture(format, count: count)
        return BenchCase(
            name: "read.\(format.rawValue).\(label)", label: "read+graph \(format.label) \(label)",
            comparesPeakWithInput: true,
            prepare: { context in
                let path = context.path(name)
                if SafeFile.entry(at: path) == .regularFile { return nil }
                let bytes = format.write(ReaderBenchProduct(count: count))
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                return "fixture: \(name), \(BenchTable.size(bytes.count))"
            }
        ) { context in
            let path = context.path(name)
            // Three edges from each component but the last three (not regenerated: that would add to the peak).
            let expectedEdges = 3 * count - 6
            let size = try SafeFile.read(path).count
            var detail = ""
            var failure: String?
            let best = try Stopwatch.best(runs: runs) {
                let file = InputLoader().loadFile(path)
                return (file, LineageGraphBuilder.build(file.document.map { [$0] } ?? []))
            } inspect: { file, merged in
                let graph = merged.graph
                if file.status != .read || graph.components.count != count || graph.edges.count != expectedEdges {
                    let first = (file.diagnostics + merged.diagnostics).first.map { " (\($0))" } ?? ""
                    failure = "\(graph.components.count) components, \(graph.edges.count) edges\(first)"
                }
                detail = "\(graph.components.count) comp., \(graph.edges.count) edges"
            }
            if let failure { throw BenchFailure("expected \(count) components and \(expectedEdges) edges, got \(failure)") }
            return BenchResult(bestSeconds: best, runs: runs, bytes: size, detail: detail)
        }
    }

    static let cases: [BenchCase] = sizes.flatMap { size in
        Format.allCases.map { readCase($0, count: size.count, label: size.label, runs: size.runs) }
    }
}
