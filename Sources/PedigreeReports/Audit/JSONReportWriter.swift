import PedigreeDiagnostics
import PedigreeEngine
import PedigreeModel

/// Writes the audit as JSON, as `Schemas/report.schema.json` describes (DOMAIN.md §7).
///
/// Keys come in a fixed order, arrays in the result's (deterministic) order, and nothing depends on
/// the clock, so that two runs over the same inputs give the same bytes.
public struct JSONReportWriter: ReportWriter {
    public static let schemaVersion = 1

    public init() {}

    public func write(_ report: AuditReport) -> String { node(report).rendered() }

    public func node(_ report: AuditReport) -> JSONNode {
        let result = report.result
        return .object([
            .init("schemaVersion", .int(Self.schemaVersion)),
            .init("tool", .object([.init("name", .string(report.toolName)), .init("version", .string(report.toolVersion))])),
            .init("inputs", .array(report.inputs.map { input in
                .object([
                    .init("path", .string(input.path)), .init("format", .string(input.format.rawValue)),
                    .init("specVersion", .optional(input.specVersion)),
                ])
            })),
            .init("product", product(result.context)),
            .init("summary", summary(result.summary)),
            .init("components", .array(result.components.map(component))),
            .init("relationships", .array(result.relationships.map(relationship))),
            .init("findings", .array(result.findings.map(finding))),
            .init("choices", .array(result.choices.map(choice))),
            .init("obligations", .array(result.obligations.map(obligation))),
            .init("diagnostics", .array(result.diagnostics.map(diagnostic))),
            .init("baseline", result.baseline.map(baseline) ?? .null),
        ])
    }

    func baseline(_ comparison: BaselineComparison) -> JSONNode {
        .object([
            .init("source", .string(comparison.source)),
            .init("new", .array(comparison.new.map(JSONNode.string))),
            .init("unchanged", .array(comparison.unchanged.map(JSONNode.string))),
            .init("resolved", .array(comparison.resolved.map { entry in
                .object([
                    .init("fingerprint", .string(entry.fingerprint)), .init("rule", .optional(entry.rule)),
                    .init("severity", .optional(entry.severity)), .init("component", .optional(entry.component)),
                    .init("message", .optional(entry.message)),
                ])
            })),
        ])
    }

    func product(_ context: ResolvedContext) -> JSONNode {
        .object([
            .init("name", .optional(context.name)),
            .init("commercial", .bool(context.commercial)),
            .init("distribution", .array(context.distribution.map { .string($0.rawValue) })),
            .init("license", .optional(context.license)),
            .init("monthlyActiveUsers", context.monthlyActiveUsers.map(JSONNode.int) ?? .null),
            .init("dailyActiveUsers", context.dailyActiveUsers.map(JSONNode.int) ?? .null),
            .init("annualRevenueUSD", context.annualRevenueUSD.map(JSONNode.double) ?? .null),
            .init("regions", context.regions.map { .array($0.map(JSONNode.string)) } ?? .null),
            .init("interpretation", .object([
                .init("trainingData", .string(context.interpretation.trainingData.rawValue)),
                .init("defaultDependency", .string(context.interpretation.defaultDependency.rawValue)),
            ])),
            .init("roots", .array(context.roots.map { .string($0.rawValue) })),
            .init("rootsAreInferred", .bool(context.rootsAreInferred)),
            .init("attached", .array(context.attached.map { .string($0.rawValue) })),
            .init("assumptions", .array(context.assumptions.map(JSONNode.string))),
        ])
    }

    func summary(_ summary: AuditSummary) -> JSONNode {
        .object([
            .init("components", .int(summary.components)),
            .init("relationships", .int(summary.relationships)),
            .init("findings", .object([
                .init("error", .int(summary.errors)), .init("warning", .int(summary.warnings)),
                .init("info", .int(summary.infos)),
            ])),
            .init("waived", .int(summary.waived)),
            .init("blocking", .int(summary.blocking)),
        ])
    }

    func component(_ component: AuditedComponent) -> JSONNode {
        .object([
            .init("ref", .string(component.ref.rawValue)),
            .init("name", .string(component.name)),
            .init("version", .optional(component.version)),
            .init("kind", .string(component.kind.rawValue)),
            .init("purl", .optional(component.purl)),
            .init("declaredLicense", .optional(component.declaredLicense)),
            .init("concludedLicense", .optional(component.concludedLicense)),
            .init("license", .optional(component.license)),
            .init("licensesDiffer", .bool(component.licensesDiffer)),
            .init("ships", .bool(component.ships)),
            .init("isProduct", .bool(component.isProduct)),
            .init("location", location(component.location)),
        ])
    }

    func relationship(_ relationship: AuditedRelationship) -> JSONNode {
        .object([
            .init("from", .string(relationship.from.rawValue)),
            .init("to", .string(relationship.to.rawValue)),
            .init("kind", .string(relationship.kind.rawValue)),
            .init("origin", .optional(relationship.origin)),
            .init("attached", .bool(relationship.attached)),
            .init("location", location(relationship.location)),
        ])
    }

    func finding(_ finding: Finding) -> JSONNode {
        .object([
            .init("rule", .string(finding.rule.rawValue)),
            .init("severity", .string(finding.severity.rawValue)),
            .init("message", .string(finding.message)),
            .init("component", .string(finding.component.rawValue)),
            .init("source", .string(finding.source.rawValue)),
            .init("firedAt", .string(finding.firedAt.rawValue)),
            .init("licenses", .array(finding.licenses.map(JSONNode.string))),
            .init("path", .array(finding.path.map(step))),
            .init("location", location(finding.location)),
            .init("sourceLocation", location(finding.source == finding.component ? nil : finding.sourceLocation)),
            .init("remediation", .string(finding.remediation)),
            .init("fingerprint", .string(finding.fingerprint)),
            .init("parties", .array(finding.parties.map(party))),
            .init("notes", .array(finding.notes.map(JSONNode.string))),
            .init("waived", .bool(finding.waived)),
            .init("waiverReason", .optional(finding.waiverReason)),
            .init("inBaseline", .bool(finding.inBaseline)),
            .init("blocking", .bool(finding.isBlocking)),
        ])
    }

    func party(_ party: FindingParty) -> JSONNode {
        .object([
            .init("component", .string(party.component.rawValue)),
            .init("license", .string(party.license)),
            .init("location", location(party.location)),
        ])
    }

    func step(_ step: PathStep) -> JSONNode {
        .object([
            .init("ref", .string(step.ref.rawValue)),
            .init("edge", .optional(step.edge?.rawValue)),
            .init("attached", .bool(step.attached)),
        ])
    }

    func choice(_ choice: LicenseChoice) -> JSONNode {
        .object([
            .init("component", .string(choice.component.rawValue)),
            .init("expression", .string(choice.expression)),
            .init("chosen", .string(choice.chosen)),
            .init("reason", .string(choice.reason)),
            .init("alternatives", .array(choice.alternatives.map { alternative in
                .object([
                    .init("expression", .string(alternative.expression)),
                    .init("errors", .int(alternative.errors)),
                    .init("warnings", .int(alternative.warnings)),
                    .init("infos", .int(alternative.infos)),
                    .init("rules", .array(alternative.rules.map { .string($0.rawValue) })),
                ])
            })),
        ])
    }

    func obligation(_ obligation: Obligation) -> JSONNode {
        .object([
            .init("kind", .string(obligation.kind.rawValue)),
            .init("license", .string(obligation.license)),
            .init("text", .optional(obligation.text)),
            .init("components", .array(obligation.components.map { .string($0.rawValue) })),
        ])
    }

    func diagnostic(_ diagnostic: Diagnostic) -> JSONNode {
        .object([
            .init("severity", .string(diagnostic.severity.rawValue)),
            .init("code", .string(diagnostic.code)),
            .init("message", .string(diagnostic.message)),
            .init("location", location(diagnostic.location)),
            .init("notes", .array(diagnostic.notes.map(JSONNode.string))),
        ])
    }

    func location(_ location: SourceLocation?) -> JSONNode {
        guard let location else { return .null }
        var members: [JSONNode.Member] = [
            .init("file", .string(location.file)), .init("line", .int(location.line)), .init("column", .int(location.column)),
        ]
        if let offset = location.byteOffset { members.append(.init("byteOffset", .int(offset))) }
        return .object(members)
    }
}
