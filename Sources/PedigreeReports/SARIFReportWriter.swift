import PedigreeDiagnostics
import PedigreeEngine
import PedigreeModel

/// Writes an audit as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), so that code
/// scanning annotates the SBOM lines whose components raise findings.
///
/// Decisions:
/// - One rule descriptor per rule of the catalogue, in catalogue order, whether or not it fired, so
///   that `ruleIndex` is stable across runs; the default level is the rule's default severity.
/// - A result is located at its finding's location (the component's line and column in the SBOM);
///   `artifactLocation.uri` is relative to the working directory (with `uriBaseId` `%SRCROOT%`) when
///   the file lies below it, a `file:` URI otherwise. Columns count Unicode code points, as Pedigree's
///   readers do, which the run states with `columnKind`.
/// - The lineage path becomes `relatedLocations`, one per step whose component has a location.
/// - `partialFingerprints["pedigree/v1"]` carries the finding's fingerprint, so code scanning tracks
///   the same problem across commits; a waived finding carries an accepted external suppression with
///   the waiver's reason; with a baseline, `baselineState` is `new` or `unchanged`.
/// - Messages are plain `text` (HARDENING.md §Output): no Markdown, so input cannot inject links.
/// - Input diagnostics (unreadable licenses, expired or stale waivers) are tool execution notifications.
/// - Info findings (attribution, source offers) are obligations, not problems: they stay in the NOTICE
///   file and the other reports unless `includeInfo` asks for them, so code scanning lists only what
///   must change.
/// - The file stays within `limits` (GitHub's, by default): results are ranked blocking first, then by
///   severity, waived and baseline-accepted ones last, and the lowest are left out; the run's
///   `properties.omitted` counts what was left out and why, and a notification says so.
public struct SARIFReportWriter: ReportWriter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The key of Pedigree's fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "pedigree/v1"

    /// An absolute path; files below it are written relative to it. Nil keeps paths as given.
    public var workingDirectory: String?
    /// Whether info findings (attribution, source offers) become results.
    public var includeInfo: Bool
    public var limits: SARIFLimits

    public init(workingDirectory: String? = nil, includeInfo: Bool = false, limits: SARIFLimits = .gitHub) {
        self.workingDirectory = workingDirectory
        self.includeInfo = includeInfo
        self.limits = limits
    }

    public func write(_ report: AuditReport) -> String {
        let result = report.result
        let components = Dictionary(result.components.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        var selection = SARIFSelection(findings: result.findings, includeInfo: includeInfo, limit: limits.resultsPerRun)
        var nodes = selection.kept.map { self.result(result.findings[$0], components: components, baseline: result.baseline != nil) }
        var text = log(report, results: nodes, selection: selection)
        var sizes: [Int]?
        while text.utf8.count > limits.bytes, !nodes.isEmpty {
            // Rendered apart, a result is as long as in the log less the log's indentation of its lines.
            let measured = sizes ?? nodes.map { node in
                let alone = node.rendered()
                return alone.utf8.count + 6 * alone.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } + 1
            }
            sizes = measured
            let keep = selection.keepWithin(bytes: limits.bytes - (text.utf8.count - measured.reduce(0, +)), sizes: measured)
            nodes = keep.map { nodes[$0] }
            sizes = keep.map { measured[$0] }
            text = log(report, results: nodes, selection: selection)
        }
        return text
    }

    /// The whole log with these results.
    func log(_ report: AuditReport, results: [JSONNode], selection: SARIFSelection) -> String {
        let result = report.result
        let toolVersion = report.toolVersion
        let rules = RuleID.allCases
        let notifications = result.diagnostics.map(notification) + selection.notifications(limits: limits)
        var run: [(String, JSONNode?)] = [
            (
                "tool",
                fields([
                    (
                        "driver",
                        fields([
                            ("name", .string("Pedigree")),
                            ("version", .string(toolVersion)),
                            ("semanticVersion", .string(toolVersion)),
                            ("rules", .array(rules.map(descriptor))),
                        ])
                    )
                ])
            ),
            (
                "invocations",
                .array([
                    fields([
                        ("executionSuccessful", .bool(true)),
                        ("toolExecutionNotifications", notifications.isEmpty ? nil : .array(notifications)),
                    ])
                ])
            ),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ]
        run.append(("properties", properties(result, omitted: selection.omitted(limits: limits))))
        let log = fields([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([fields(run)])),
        ])
        return log.rendered()
    }

    // MARK: Parts

    func descriptor(_ rule: RuleID) -> JSONNode {
        let documentation = RuleDocumentation.of(rule)
        return fields([
            ("id", .string(rule.rawValue)),
            ("name", .string(documentation.name)),
            ("shortDescription", fields([("text", .string(documentation.summary))])),
            ("fullDescription", fields([("text", .string(documentation.description))])),
            ("help", fields([("text", .string(documentation.description + " How to fix: " + documentation.remediation))])),
            ("defaultConfiguration", fields([("level", .string(Self.level(rule.defaultSeverity)))])),
            ("properties", fields([("tags", .array([.string("license"), .string("compliance")]))])),
        ])
    }

    func result(_ finding: Finding, components: [ComponentRef: AuditedComponent], baseline: Bool) -> JSONNode {
        let location = finding.location ?? components[finding.component]?.location
        let related = relatedLocations(finding, components: components)
        var text = finding.message
        if !text.hasSuffix(".") { text += "." }
        text += " Fix: " + finding.remediation
        if !text.hasSuffix(".") { text += "." }
        let locations: JSONNode? = location.flatMap(physicalLocation).map { physical in
            .array([
                fields([
                    ("physicalLocation", physical),
                    (
                        "logicalLocations",
                        .array([
                            fields([
                                ("name", .string(Self.name(finding.component, components))),
                                ("fullyQualifiedName", .string(finding.component.rawValue)),
                            ])
                        ])
                    ),
                ])
            ])
        }
        let suppressions: JSONNode? =
            finding.waived
            ? .array([
                fields([
                    ("kind", .string("external")),
                    ("status", .string("accepted")),
                    ("justification", finding.waiverReason.map(JSONNode.string)),
                ])
            ]) : nil
        return fields([
            ("ruleId", .string(finding.rule.rawValue)),
            ("ruleIndex", .int(finding.rule.catalogueIndex)),
            ("level", .string(Self.level(finding.severity))),
            ("message", fields([("text", .string(text))])),
            ("locations", locations),
            ("relatedLocations", related.isEmpty ? nil : .array(related)),
            ("partialFingerprints", fields([(Self.fingerprintKey, .string(finding.fingerprint))])),
            ("baselineState", baseline ? .string(finding.inBaseline ? "unchanged" : "new") : nil),
            ("suppressions", suppressions),
            (
                "properties",
                fields([
                    ("component", .string(finding.component.rawValue)),
                    ("source", .string(finding.source.rawValue)),
                    ("licenses", .array(finding.licenses.map(JSONNode.string))),
                    ("path", .array(finding.path.map { .string($0.ref.rawValue) })),
                    ("blocking", .bool(finding.isBlocking)),
                    ("notes", finding.notes.isEmpty ? nil : .array(finding.notes.map(JSONNode.string))),
                ])
            ),
        ])
    }

    /// The lineage steps (ids 1…n), then the places the finding cites beside its component (the license
    /// imposing a derivative's term, the other side of a conflict), all within the per-result limit.
    func relatedLocations(_ finding: Finding, components: [ComponentRef: AuditedComponent]) -> [JSONNode] {
        let cited = Self.citedLocations(finding, name: { Self.name($0, components) })
            .compactMap { cite in physicalLocation(cite.location).map { (physical: $0, text: cite.text) } }
            .prefix(limits.relatedLocationsPerResult)
        let stepLimit = limits.relatedLocationsPerResult - cited.count
        var related: [JSONNode] = []
        for (position, step) in finding.path.prefix(max(0, stepLimit)).enumerated() {
            guard let stepLocation = components[step.ref]?.location, let physical = physicalLocation(stepLocation) else { continue }
            var text = Self.name(step.ref, components)
            if let edge = step.edge { text += " (\(edge.rawValue)\(step.attached ? ", attached" : ""))" }
            related.append(fields([
                ("id", .int(position + 1)),
                ("physicalLocation", physical),
                ("message", fields([("text", .string("lineage step \(position + 1): " + text))])),
            ]))
        }
        for (offset, cite) in cited.enumerated() {
            related.append(fields([
                ("id", .int(finding.path.count + 1 + offset)),
                ("physicalLocation", cite.physical),
                ("message", fields([("text", .string(cite.text))])),
            ]))
        }
        return related
    }

    /// The places a finding names besides its component and its lineage: where the license of `source` is
    /// stated when the finding blames a derivative, and each other party of a conflict.
    static func citedLocations(_ finding: Finding, name: (ComponentRef) -> String) -> [(location: SourceLocation, text: String)] {
        var cited: [(location: SourceLocation, text: String)] = []
        if finding.source != finding.component, let location = finding.sourceLocation, !location.file.isEmpty,
            let cause = SourceText.phrase(finding, name: name)
        {
            cited.append((location, "because of " + cause))
        }
        for party in finding.parties where party.component != finding.component {
            guard let location = party.location, !location.file.isEmpty else { continue }
            cited.append((location, "meets '\(party.license)' of '\(name(party.component))'"))
        }
        return cited
    }

    func notification(_ diagnostic: Diagnostic) -> JSONNode {
        let level: String =
            switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "note"
            }
        let locations: JSONNode? = diagnostic.location.flatMap(physicalLocation).map { .array([fields([("physicalLocation", $0)])]) }
        return fields([
            ("descriptor", fields([("id", .string(diagnostic.code))])),
            ("level", .string(level)),
            ("message", fields([("text", .string(diagnostic.message))])),
            ("locations", locations),
        ])
    }

    func properties(_ result: AuditResult, omitted: JSONNode) -> JSONNode {
        let summary = result.summary
        var baseline: JSONNode?
        if let comparison = result.baseline {
            baseline = fields([
                ("source", .string(comparison.source)),
                ("new", .int(comparison.new.count)),
                ("unchanged", .int(comparison.unchanged.count)),
                ("resolved", .int(comparison.resolved.count)),
            ])
        }
        return fields([
            ("product", (result.context.name ?? result.context.roots.first?.rawValue).map(JSONNode.string)),
            ("roots", .array(result.context.roots.map { .string($0.rawValue) })),
            ("rootsAreInferred", .bool(result.context.rootsAreInferred)),
            ("attached", .array(result.context.attached.map { .string($0.rawValue) })),
            ("assumptions", .array(result.context.assumptions.map(JSONNode.string))),
            (
                "summary",
                fields([
                    ("components", .int(summary.components)),
                    ("relationships", .int(summary.relationships)),
                    ("errors", .int(summary.errors)),
                    ("warnings", .int(summary.warnings)),
                    ("infos", .int(summary.infos)),
                    ("waived", .int(summary.waived)),
                    ("blocking", .int(summary.blocking)),
                ])
            ),
            ("baseline", baseline),
            ("omitted", omitted),
        ])
    }

    /// `artifactLocation` and `region`: the line and column, else the byte offset, else line 1 (code
    /// scanning needs a region to annotate); nil without a file.
    func physicalLocation(_ location: SourceLocation) -> JSONNode? {
        guard !location.file.isEmpty else { return nil }
        let (uri, base) = artifactURI(location.file)
        let region: JSONNode
        if location.hasLineAndColumn {
            region = fields([
                ("startLine", .int(location.line)),
                ("startColumn", location.column > 0 ? .int(location.column) : nil),
            ])
        } else if let offset = location.byteOffset {
            region = fields([("byteOffset", .int(offset))])
        } else {
            region = fields([("startLine", .int(1))])
        }
        return fields([
            ("artifactLocation", fields([("uri", .string(uri)), ("uriBaseId", base.map(JSONNode.string))])),
            ("region", region),
        ])
    }

    /// The file as a URI reference: relative (to `%SRCROOT%`) when it can be, `file://` otherwise.
    func artifactURI(_ path: String) -> (String, String?) {
        var relative = path
        if path.hasPrefix("/") {
            guard var root = workingDirectory, root.hasPrefix("/") else { return ("file://" + Self.percentEncoded(path), nil) }
            if !root.hasSuffix("/") { root += "/" }
            guard path.hasPrefix(root) else { return ("file://" + Self.percentEncoded(path), nil) }
            relative = String(path.dropFirst(root.count))
        }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return (Self.percentEncoded(relative), "%SRCROOT%")
    }

    /// RFC 3986 path encoding: unreserved characters and `/` stay, every other byte is `%XX`.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// An object of the members whose value is present (SARIF wants absent keys, not nulls).
    func fields(_ members: [(String, JSONNode?)]) -> JSONNode {
        .object(members.compactMap { key, value in value.map { JSONNode.Member(key, $0) } })
    }

    static func level(_ severity: FindingSeverity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func name(_ ref: ComponentRef, _ components: [ComponentRef: AuditedComponent]) -> String {
        guard let component = components[ref], !component.name.isEmpty else { return ref.rawValue }
        return component.name
    }
}
