import PedigreeDiagnostics
import PedigreeModel

/// A component as the report shows it: what was stated, and the license in force.
public struct AuditedComponent: Sendable, Hashable, Codable {
    public var ref: ComponentRef
    public var name: String
    public var version: String?
    public var kind: ComponentKind
    public var purl: String?
    public var declaredLicense: String?
    public var concludedLicense: String?
    /// The license the rules used (after reading and any `OR` choice), nil when unknown.
    public var license: String?
    /// Set when declared and concluded licenses both say something and differ (shown, not raised).
    public var licensesDiffer: Bool
    public var location: SourceLocation?
    /// False for components only development, build or tests bring in.
    public var ships: Bool
    public var isProduct: Bool
    /// The copyright lines the inputs state, as written (for NOTICE files).
    public var copyright: String?

    public init(
        ref: ComponentRef, name: String, version: String? = nil, kind: ComponentKind, purl: String? = nil,
        declaredLicense: String? = nil, concludedLicense: String? = nil, license: String? = nil,
        licensesDiffer: Bool = false, location: SourceLocation? = nil, ships: Bool = true, isProduct: Bool = false,
        copyright: String? = nil
    ) {
        self.ref = ref
        self.name = name
        self.version = version
        self.kind = kind
        self.purl = purl
        self.declaredLicense = declaredLicense
        self.concludedLicense = concludedLicense
        self.license = license
        self.licensesDiffer = licensesDiffer
        self.location = location
        self.ships = ships
        self.isProduct = isProduct
        self.copyright = copyright
    }
}

/// A relationship as the report shows it.
public struct AuditedRelationship: Sendable, Hashable, Codable {
    public var from: ComponentRef
    public var to: ComponentRef
    public var kind: EdgeKind
    /// How the input named it, or `attached-to-product` for edges Pedigree added.
    public var origin: String?
    public var location: SourceLocation?
    public var attached: Bool

    public init(
        from: ComponentRef, to: ComponentRef, kind: EdgeKind, origin: String? = nil, location: SourceLocation? = nil,
        attached: Bool = false
    ) {
        self.from = from
        self.to = to
        self.kind = kind
        self.origin = origin
        self.location = location
        self.attached = attached
    }
}

/// Counts for the report's summary and the exit code.
public struct AuditSummary: Sendable, Hashable, Codable {
    public var components: Int
    public var relationships: Int
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var waived: Int
    /// Errors neither waived nor in the baseline.
    public var blocking: Int

    public init(components: Int, relationships: Int, errors: Int, warnings: Int, infos: Int, waived: Int, blocking: Int) {
        self.components = components
        self.relationships = relationships
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.waived = waived
        self.blocking = blocking
    }
}

/// Everything one audit concluded; report writers only render this.
public struct AuditResult: Sendable {
    public var context: ResolvedContext
    public var components: [AuditedComponent]
    public var relationships: [AuditedRelationship]
    /// Sorted by location, rule, then fingerprint.
    public var findings: [Finding]
    public var choices: [LicenseChoice]
    public var obligations: [Obligation]
    /// License reading warnings, cycles, waiver problems.
    public var diagnostics: [Diagnostic]
    public var summary: AuditSummary
    /// New, unchanged and resolved findings, when the audit ran against a baseline.
    public var baseline: BaselineComparison?
    let ruleContext: RuleContext?

    init(
        context: ResolvedContext, components: [AuditedComponent], relationships: [AuditedRelationship],
        findings: [Finding], choices: [LicenseChoice], obligations: [Obligation], diagnostics: [Diagnostic],
        ruleContext: RuleContext?
    ) {
        self.context = context
        self.components = components
        self.relationships = relationships
        self.findings = findings
        self.choices = choices
        self.obligations = obligations
        self.diagnostics = diagnostics
        self.ruleContext = ruleContext
        var counts = (errors: 0, warnings: 0, infos: 0, waived: 0, blocking: 0)
        for finding in findings {
            switch finding.severity {
            case .error: counts.errors += 1
            case .warning: counts.warnings += 1
            case .info: counts.infos += 1
            }
            if finding.waived { counts.waived += 1 }
            if finding.isBlocking { counts.blocking += 1 }
        }
        summary = AuditSummary(
            components: components.count, relationships: relationships.count, errors: counts.errors,
            warnings: counts.warnings, infos: counts.infos, waived: counts.waived, blocking: counts.blocking)
    }

    /// The findings that block a release.
    public var blocking: [Finding] { findings.filter(\.isBlocking) }

    /// Every term that reaches a component (named by ref, name or purl) and how; nil when no component matches.
    public func explain(component: String) -> Explanation? {
        guard let context = ruleContext else { return nil }
        let components = context.components
        let match =
            components.firstIndex { $0.ref.rawValue == component }
            ?? components.firstIndex { $0.purl == component }
            ?? components.firstIndex { $0.name == component }
            ?? components.firstIndex { $0.purl.map { Fingerprint.identity(purl: $0, name: "") } == component.lowercased() }
        guard let node = match else { return nil }
        return Explainer.explain(node, context: context, findings: findings)
    }
}
