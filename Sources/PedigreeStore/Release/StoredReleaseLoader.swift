import Foundation
import PedigreeCore

/// A stored release made ready for the engine again: its documents read, its context and policy.
struct ReopenedRelease {
    var release: StoredRelease
    var loaded: LoadedLineage
    var stated: ProductContext
    var policy: PolicyDocument?
}

extension Portfolio {
    /// Reads a release's stored documents, context and policy (or `policy` in place of the stored one).
    func reopen(_ release: StoredRelease, policy override: PolicyDocument? = nil) throws(StoreError) -> ReopenedRelease {
        let documents = try backend.documents(of: release.handle)
        let loaded = ReleaseAuditor.load(documents)
        if loaded.hasInputErrors || loaded.load.documents.isEmpty {
            throw StoreError.damaged(
                "the documents of release '\(release.version)' of '\(release.product)' no longer read as they did when stored")
        }
        let stated: ProductContext
        do {
            stated = try JSONDecoder().decode(ProductContext.self, from: Data(release.statedContext.utf8))
        } catch {
            throw StoreError.damaged("the stated context of release '\(release.version)' of '\(release.product)' does not decode")
        }
        var policy = override
        if policy == nil, let id = release.policyDocumentID {
            guard var stored = try backend.document(id: id) else {
                throw StoreError.damaged("the policy of release '\(release.version)' of '\(release.product)' is missing")
            }
            stored.path = release.policyPath ?? "policy"
            policy = try PolicyDocument.parse(stored, catalog: knowledge.base)
        }
        return ReopenedRelease(release: release, loaded: loaded, stated: stated, policy: policy)
    }

    /// Audits a reopened release with these facts laid over it.
    func audit(_ reopened: ReopenedRelease, facts: [LicenseFact]) -> (run: AuditRun, basis: EvaluationBasis) {
        ReleaseAuditor.audit(
            reopened.loaded, stated: reopened.stated, policy: reopened.policy, facts: facts, knowledge: knowledge,
            today: clock.today)
    }
}
