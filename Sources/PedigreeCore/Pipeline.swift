/// What the user asked for: the inputs, the product context the flags state, and the policy.
public struct AuditRequest: Sendable {
    public var inputs: [String]
    /// Context from command-line flags; it overrides the manifest's, which overrides the policy's.
    public var context: ProductContext
    public var policy: AuditPolicy
    /// Whether the policy file stated `interpretation` (otherwise the manifest's applies).
    public var policyStatesInterpretation: Bool
    public var options: AuditOptions
    public var limits: InputLimits

    public init(
        inputs: [String], context: ProductContext = ProductContext(), policy: AuditPolicy = AuditPolicy(),
        policyStatesInterpretation: Bool = false, options: AuditOptions = AuditOptions(),
        limits: InputLimits = .default
    ) {
        self.inputs = inputs
        self.context = context
        self.policy = policy
        self.policyStatesInterpretation = policyStatesInterpretation
        self.options = options
        self.limits = limits
    }
}

/// The inputs read and merged: the first half of every command.
public struct LoadedLineage: Sendable {
    public var load: LoadResult
    public var lineage: MergedLineage
    /// The project manifest, when one of the inputs (or an include) is `pedigree.yaml`.
    public var manifest: Manifest?
    /// Reading and merging diagnostics, in input order.
    public var diagnostics: [Diagnostic]

    /// Whether an input could not be used: the CLI exits with 2.
    public var hasInputErrors: Bool { load.hasInputErrors }
}

/// One audit from inputs to result.
public struct AuditRun: Sendable {
    public var inputs: LoadedLineage
    public var result: AuditResult
    /// Input and merge diagnostics, then the engine's (license readings, cycles), in that order.
    public var diagnostics: [Diagnostic] { inputs.diagnostics + result.diagnostics }
}

/// The pipeline: read → merge → propagate and evaluate; rendering is left to the caller.
public enum Pipeline {
    /// Reads every input (folders recursively, manifest includes once each) and merges the documents.
    public static func load(_ paths: [String], limits: InputLimits = .default) -> LoadedLineage {
        lineage(of: InputLoader(limits: limits).load(paths))
    }

    /// Merges documents already read (from paths, or from bytes a portfolio store kept).
    public static func lineage(of load: LoadResult) -> LoadedLineage {
        let lineage = LineageGraphBuilder.build(load.documents)
        let manifests = load.documents.compactMap(\.manifest)
        return LoadedLineage(
            load: load, lineage: lineage, manifest: manifests.first,
            diagnostics: load.allDiagnostics + lineage.diagnostics + manifestConflicts(load.documents))
    }

    /// Reads, merges and audits.
    public static func audit(_ request: AuditRequest, catalog: any LicenseCatalog = KnowledgeBase.shared) -> AuditRun {
        audit(request, inputs: load(request.inputs, limits: request.limits), catalog: catalog)
    }

    /// Audits inputs already read and merged; `request.inputs` is not read again.
    public static func audit(
        _ request: AuditRequest, inputs: LoadedLineage, catalog: any LicenseCatalog = KnowledgeBase.shared
    ) -> AuditRun {
        var inputs = inputs
        let texts = InputLicenseTexts.catalog(for: inputs.load.documents, base: catalog)
        inputs.diagnostics += texts.diagnostics
        var policy = request.policy
        var context = request.context
        if let manifest = inputs.manifest {
            context = manifest.product.overridden(by: request.context)
            if !request.policyStatesInterpretation {
                policy.interpretation = interpretation(manifest.interpretation, over: policy.interpretation)
            }
        }
        let result = Engine.audit(
            graph: inputs.lineage.graph, context: context, policy: policy, catalog: texts.catalog, options: request.options)
        return AuditRun(inputs: inputs, result: result)
    }

    /// The manifest's `interpretation` values over the policy's; values the manifest reader has
    /// already validated, so an unknown one cannot reach here and is ignored.
    static func interpretation(_ stated: [String: String], over base: Interpretation) -> Interpretation {
        var result = base
        if let value = stated["training-data"], let parsed = Interpretation.TrainingData(rawValue: value) {
            result.trainingData = parsed
        }
        if let value = stated["default-dependency"], let parsed = Interpretation.DefaultDependency(rawValue: value) {
            result.defaultDependency = parsed
        }
        return result
    }

    /// Only the first manifest's product context is used; later ones are reported, not merged.
    static func manifestConflicts(_ documents: [SBOMDocument]) -> [Diagnostic] {
        let manifests = documents.filter { $0.manifest != nil }
        return manifests.dropFirst().map { extra in
            .warning(
                "manifest.ignored",
                "more than one pedigree manifest: '\(extra.path)' is read for its components and relationships, but its product context is ignored in favour of '\(manifests[0].path)'",
                at: SourceLocation(file: extra.path, line: 1, column: 1))
        }
    }
}
