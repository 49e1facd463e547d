import PedigreeCore

/// A policy as a store keeps it: the bytes it was read from, and what they say.
public struct PolicyDocument: Sendable {
    public var stored: StoredDocument
    public var file: PolicyFile

    /// Reads a policy file; the caller prints `file.diagnostics` and stops on `file.hasErrors`.
    ///
    /// - Throws: `InputError` when the file cannot be read or is not YAML or JSON.
    public static func read(path: String, catalog: KnowledgeBase = .shared) throws(InputError) -> PolicyDocument {
        let bytes = try SafeFile.read(path, limits: .default)
        return PolicyDocument(
            stored: StoredDocument(path: path, bytes: bytes), file: try PolicyFileReader.parse(bytes, path: path, catalog: catalog))
    }

    /// Reads a stored policy again.
    static func parse(_ stored: StoredDocument, catalog: KnowledgeBase) throws(StoreError) -> PolicyDocument {
        do {
            let file = try PolicyFileReader.parse(stored.bytes, path: stored.path, catalog: catalog)
            if file.hasErrors { throw StoreError.damaged("the stored policy '\(stored.path)' no longer reads") }
            return PolicyDocument(stored: stored, file: file)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.damaged("the stored policy '\(stored.path)' no longer reads: \(error)")
        }
    }

    /// The digest an evaluation records for "no policy".
    static let noneDigest = SHA256.hex("")
}

/// Runs the engine over a release: the same pipeline as `pedigree audit`, with the store's facts laid
/// over the graph.
enum ReleaseAuditor {
    static func audit(
        _ loaded: LoadedLineage, stated: ProductContext, policy: PolicyDocument?, facts: [LicenseFact],
        knowledge: StoreKnowledge, today: CalendarDate
    ) -> (run: AuditRun, basis: EvaluationBasis) {
        var inputs = loaded
        let factsDigest = FactOverlay.digest(facts, over: loaded.lineage.graph)
        inputs.lineage.graph = FactOverlay.apply(facts, to: loaded.lineage.graph)
        let request = AuditRequest(
            inputs: [], context: stated, policy: policy?.file.policy ?? AuditPolicy(),
            policyStatesInterpretation: policy?.file.statesInterpretation ?? false, options: AuditOptions(today: today))
        let run = Pipeline.audit(request, inputs: inputs, catalog: knowledge.base)
        let basis = EvaluationBasis(
            engineVersion: PedigreeVersion.current, knowledgeSHA256: knowledge.digest,
            policySHA256: policy?.stored.sha256 ?? PolicyDocument.noneDigest, factsSHA256: factsDigest)
        return (run, basis)
    }

    /// Reads a release's stored documents again.
    static func load(_ documents: [StoredDocument]) -> LoadedLineage {
        Pipeline.lineage(of: InputLoader().load(contents: documents.map { ($0.path, $0.bytes) }))
    }

    /// The findings of a run compared with the previous evaluation's: new, unchanged, then resolved.
    static func compare(_ findings: [Finding], previous: [StoredFinding]?) -> [StoredFinding] {
        guard let previous else { return findings.map { StoredFinding($0, change: .new) } }
        let before = Set(previous.filter { $0.change != .resolved }.map(\.fingerprint))
        let now = Set(findings.map(\.fingerprint))
        var result = findings.map { StoredFinding($0, change: before.contains($0.fingerprint) ? .unchanged : .new) }
        for old in previous where old.change != .resolved && !now.contains(old.fingerprint) {
            var resolved = old
            resolved.change = .resolved
            result.append(resolved)
        }
        return result
    }
}
