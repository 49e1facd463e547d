import PedigreeDiagnostics
import PedigreeEngine

/// Which findings a SARIF log carries as results, and what it leaves out.
///
/// Decisions: findings are ranked by what a reviewer must act on — neither waived nor accepted in the
/// baseline first, then by severity (so blocking errors lead), then in report order; the best-ranked
/// are kept, and written in report order. Info findings are left out unless asked for.
struct SARIFSelection {
    /// Indices into the report's findings, in report order.
    private(set) var kept: [Int]
    /// The rank of each kept finding (0 is the most important), parallel to `kept`.
    private var ranks: [Int]
    /// The related locations each kept finding asks for (its lineage steps and the places it cites),
    /// parallel to `kept`.
    private var pathLengths: [Int]
    let infoLeftOut: Int
    let beyondResultLimit: Int
    private(set) var beyondSizeLimit = 0

    init(findings: [Finding], includeInfo: Bool, limit: Int) {
        let candidates = findings.indices.filter { includeInfo || findings[$0].severity != .info }
        infoLeftOut = findings.count - candidates.count
        let ranked = candidates.sorted { l, r in
            let left = Self.rankKey(findings[l])
            let right = Self.rankKey(findings[r])
            return left != right ? left.lexicographicallyPrecedes(right) : l < r
        }
        let top = ranked.prefix(max(0, limit))
        beyondResultLimit = ranked.count - top.count
        var rankOf: [Int: Int] = [:]
        for (position, index) in top.enumerated() { rankOf[index] = position }
        kept = top.sorted()
        ranks = kept.map { rankOf[$0] ?? 0 }
        pathLengths = kept.map { findings[$0].path.count + SARIFReportWriter.citedLocations(findings[$0], name: \.rawValue).count }
    }

    /// Excused (waived or in the baseline) last, then error, warning, info.
    static func rankKey(_ finding: Finding) -> [Int] {
        let severity: Int =
            switch finding.severity {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        return [finding.waived || finding.inBaseline ? 1 : 0, severity]
    }

    /// Leaves out the lowest-ranked results until the sizes of the rest fit in `bytes` (at least one is
    /// left out, so that a caller that measured too little still gets closer).
    ///
    /// - Returns: the positions in `kept` (before the call) that stay, in order.
    mutating func keepWithin(bytes: Int, sizes: [Int]) -> [Int] {
        var total = sizes.reduce(0, +)
        var dropped = Set<Int>()
        for position in kept.indices.sorted(by: { ranks[$0] > ranks[$1] }) where total > bytes || dropped.isEmpty {
            dropped.insert(position)
            total -= sizes[position]
        }
        let stay = kept.indices.filter { !dropped.contains($0) }
        beyondSizeLimit += dropped.count
        kept = stay.map { kept[$0] }
        ranks = stay.map { ranks[$0] }
        pathLengths = stay.map { pathLengths[$0] }
        return stay
    }

    /// The run property that says what the log leaves out, always present so that readers can rely on it.
    func omitted(limits: SARIFLimits) -> JSONNode {
        let cutPaths = pathLengths.filter { $0 > limits.relatedLocationsPerResult }.count
        return .object([
            .init("infoFindings", .int(infoLeftOut)),
            .init("beyondResultLimit", .int(beyondResultLimit)),
            .init("beyondSizeLimit", .int(beyondSizeLimit)),
            .init("cutLineagePaths", .int(cutPaths)),
            .init(
                "limits",
                .object([
                    .init("results", .int(limits.resultsPerRun)),
                    .init("relatedLocationsPerResult", .int(limits.relatedLocationsPerResult)),
                    .init("bytes", .int(limits.bytes)),
                ])),
            .init(
                "reason",
                .string(
                    "info findings (attribution, source offers) are obligations listed in the NOTICE file and the "
                        + "JSON report; --include-info writes them as results. Beyond the limits the lowest ranked are left "
                        + "out: waived or baseline-accepted findings first, then info, then warnings; the JSON report "
                        + "has every finding")),
        ])
    }

    /// A warning for code scanning's tool status when results were left out to fit the limits.
    func notifications(limits: SARIFLimits) -> [JSONNode] {
        let count = beyondResultLimit + beyondSizeLimit
        guard count > 0 else { return [] }
        let message =
            "\(count) lower-ranked results were left out to stay within code scanning's limits "
            + "(\(limits.resultsPerRun) results, \(limits.bytes) bytes); the JSON report has every finding"
        return [
            .object([
                .init("descriptor", .object([.init("id", .string("sarif.results-left-out"))])),
                .init("level", .string("warning")),
                .init("message", .object([.init("text", .string(message))])),
            ])
        ]
    }
}
