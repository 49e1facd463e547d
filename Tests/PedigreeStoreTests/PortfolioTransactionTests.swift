import PedigreeCore
import Testing

@testable import PedigreeStore

@Suite("Store: one transaction per release")
struct PortfolioTransactionTests {
    @Test("a release that fails half-way leaves nothing of itself, and the stored release stays the latest")
    func rollsBack() throws {
        let store = try ScratchStore()
        try store.add("assistant-1.1")
        let before = try store.statistics
        // Written out of order on purpose: a new document and the latest flag change before the
        // release row, whose product and version are taken, fails.
        let record = ReleaseRecord(
            product: "Assistant", version: "1.1", inputsSHA256: SHA256.hex("other inputs"), addedAt: ScratchStore.clock.now,
            documents: [StoredDocument(path: "other.cdx.json", bytes: Array("{}".utf8))], statedContext: "{}", policy: nil,
            context: ContextColumns(
                commercial: true, distributionMask: 0, monthlyActiveUsers: nil, dailyActiveUsers: nil, annualRevenueUSD: nil,
                regions: ""),
            nodes: [], ancestors: [],
            evaluation: EvaluationRecord(
                reason: "add", evaluatedAt: ScratchStore.clock.now,
                basis: EvaluationBasis(engineVersion: "0", knowledgeSHA256: "", policySHA256: "", factsSHA256: ""),
                summary: AuditSummary(components: 0, relationships: 0, errors: 0, warnings: 0, infos: 0, waived: 0, blocking: 0),
                findings: [], obligations: []))
        #expect(throws: StoreError.self) { try store.portfolio.backend.insert(record) }
        #expect(try store.statistics == before)
        let latest = try store.portfolio.query(PortfolioQuery(subject: .component("pkg:pypi/torch")))
        #expect(latest.map { "\($0.product) \($0.release)" } == ["Assistant 1.1"])
    }
}
