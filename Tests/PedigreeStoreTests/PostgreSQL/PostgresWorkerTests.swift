#if PostgreSQL
import Foundation
import PedigreeCore
import PedigreeStorePostgres
import Testing

@testable import PedigreeStore

extension PostgresStoreTests {
    /// A portfolio on the same database whose knowledge differs, so that every release is stale for it.
    static func newerKnowledge(_ url: String) throws -> Portfolio {
        let bundled = try StoreKnowledge.bundled()
        return try TwinStores.open(url, knowledge: StoreKnowledge(base: bundled.base, digest: SHA256.hex("a later knowledge base")))
    }

    @Test("a release one worker holds is skipped by another, and once re-audited it is not claimed again")
    func claimSkipsLocked() throws {
        let stores = try TwinStores()
        let first = try Self.newerKnowledge(stores.url)
        let second = try Self.newerKnowledge(stores.url)
        let release = try #require(try first.backend.releases(ReleaseFilter(product: "Tool"), touching: nil).first)
        var secondClaimed: Bool?
        let firstClaimed = try first.backend.claim(release) { () throws(StoreError) in
            secondClaimed = try second.backend.claim(release) { () throws(StoreError) in }
            let evaluation = EvaluationRecord(
                reason: "reaudit", evaluatedAt: ScratchStore.clock.now, basis: release.basis, summary: release.summary,
                findings: [], obligations: [])
            try first.backend.append(evaluation, to: release, policy: nil, context: release.context)
        }
        #expect(firstClaimed)
        #expect(secondClaimed == false, "SKIP LOCKED passes over a release another worker holds")
        #expect(try second.backend.claim(release) { () throws(StoreError) in } == false, "its evaluation is no longer the one read")
        #expect(try stores.postgres.statistics().evaluations == 5, "the first worker's evaluation was committed with its claim")
    }

    @Test("two workers at once re-audit every stale release exactly once between them")
    func workersShareTheWork() async throws {
        let stores = try TwinStores()
        for index in 0..<6 {
            let outcome = try stores.postgres.add(
                AddRequest(inputs: [ScratchStore.fixture("tool-0.1")], product: "Tool \(index)", release: "1"))
            #expect(outcome.status == .stored)
        }
        let url = stores.url
        let reports = try await withThrowingTaskGroup(of: ReauditReport.self) { group in
            for _ in 0..<2 {
                group.addTask { try Self.newerKnowledge(url).reaudit(ReauditRequest(worker: true)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let processed = reports.map { Set($0.reaudited.map { "\($0.product) \($0.release)" }) }
        #expect(processed[0].isDisjoint(with: processed[1]), "no release was audited by both workers")
        #expect(processed[0].union(processed[1]).count == 9, "the 3 latest example releases and the 6 added")
        #expect(reports.allSatisfy { $0.reaudited.allSatisfy { $0.evaluation == 2 } })
        #expect(try stores.postgres.statistics().evaluations == 10 + 9)
        #expect(try Self.newerKnowledge(url).reaudit(ReauditRequest(worker: true)).reaudited.isEmpty)
    }
}
#endif
