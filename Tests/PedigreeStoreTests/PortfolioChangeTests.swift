import Foundation
import PedigreeStore
import Testing

@Suite("Store: impact and re-audit")
struct PortfolioChangeTests {
    let store: ScratchStore

    init() throws {
        store = try ScratchStore()
        try store.addAll()
    }

    func summary(_ impact: ReleaseImpact) -> String {
        let gained = impact.gained.map { "+\($0.rule)" }
        let lost = impact.lost.map { "-\($0.rule)" }
        return "\(impact.product) \(impact.release): " + (gained + lost).joined(separator: " ")
    }

    @Test("impact names the findings each release would gain and lose, and leaves the store as it was")
    func impact() throws {
        let before = try store.statistics
        let relabel = LicenseFact(component: "acme/dialogs", license: "CC-BY-NC-4.0")
        let latest = try store.portfolio.impact(ImpactRequest(relabel: relabel))
        #expect(latest.releasesChecked == 2)
        #expect(latest.changed.map(summary) == ["Tool 0.1: +attribution -attribution"], "the non-commercial Tool gains no error")
        let all = try store.portfolio.impact(ImpactRequest(relabel: relabel, allReleases: true))
        #expect(all.releasesChecked == 3)
        #expect(all.changed.map(summary) == [
            "Assistant 1.0: +non-commercial +attribution -attribution", "Tool 0.1: +attribution -attribution",
        ])
        #expect(try store.statistics == before)
    }

    @Test("impact on a component no release contains checks nothing")
    func impactOnNothing() throws {
        let report = try store.portfolio.impact(ImpactRequest(relabel: LicenseFact(component: "pkg:npm/left-pad", license: "MIT")))
        #expect(report.releasesChecked == 0)
        #expect(report.changed.isEmpty)
    }

    @Test("reaudit --changed does nothing while engine, knowledge, policy and facts are those that decided")
    func nothingChanged() throws {
        let report = try store.portfolio.reaudit(ReauditRequest(changedOnly: true))
        #expect(report.releasesChecked == 3)
        #expect(report.reaudited.isEmpty)
        #expect(try store.statistics.evaluations == 4)
    }

    @Test("new knowledge re-audits every latest release and keeps the earlier evaluations")
    func newKnowledge() throws {
        let bundled = try StoreKnowledge.bundled()
        let newer = try Portfolio(
            location: .sqlite(path: store.path), create: false,
            knowledge: StoreKnowledge(base: bundled.base, digest: SHA256.hex("a later knowledge base")), clock: ScratchStore.clock)
        let report = try newer.reaudit(ReauditRequest(changedOnly: true))
        #expect(report.reaudited.map { "\($0.product) #\($0.evaluation) \($0.reasons)" } == [
            "Assistant #2 [\"knowledge\"]", "Desktop #2 [\"knowledge\"]", "Tool #2 [\"knowledge\"]",
        ])
        #expect(report.reaudited.allSatisfy { $0.new.isEmpty && $0.resolved.isEmpty })
        #expect(try store.statistics.evaluations == 7)
        #expect(try newer.reaudit(ReauditRequest(changedOnly: true)).reaudited.isEmpty)
        #expect(try store.portfolio.overview().filter(\.latest).allSatisfy { $0.evaluation == 2 })
    }

    @Test("a relabel is recorded as a fact and re-audits only the releases it touches")
    func relabel() throws {
        let fact = LicenseFact(component: "pkg:huggingface/datasets/acme/dialogs", license: "CC-BY-NC-4.0")
        let report = try store.portfolio.reaudit(ReauditRequest(changedOnly: true, relabel: [fact]))
        #expect(report.reaudited.map { "\($0.product) \($0.reasons)" } == ["Assistant [\"facts\"]", "Tool [\"facts\"]"])
        let tool = try #require(report.reaudited.last)
        #expect(tool.new.map(\.licenses) == [["CC-BY-NC-4.0"]])
        #expect(tool.resolved.map(\.licenses) == [["CC-BY-4.0"]])
        #expect(try store.statistics.facts == 1)
        #expect(try store.portfolio.reaudit(ReauditRequest(changedOnly: true)).reaudited.isEmpty)
    }

    @Test("a new policy re-audits with it, and a newly blocking finding is reported as such")
    func policy() throws {
        let file = store.folder.appendingPathComponent("policy.yaml")
        try Data("deny: [BSD-3-Clause]\n".utf8).write(to: file)
        let policy = try PolicyDocument.read(path: file.path)
        let report = try store.portfolio.reaudit(ReauditRequest(changedOnly: true, policy: policy))
        #expect(report.reaudited.map { "\($0.product) \($0.new.map(\.rule))" } == [
            "Assistant [\"denied-license\"]", "Desktop [\"denied-license\"]", "Tool []",
        ])
        #expect(report.hasNewBlocking)
        #expect(try store.portfolio.reaudit(ReauditRequest(changedOnly: true)).reaudited.isEmpty, "the policy is stored with the release")
    }

    @Test("reaudit --worker is refused on an SQLite file, which has one writer at a time, and changes nothing")
    func workerNeedsPostgres() throws {
        let bundled = try StoreKnowledge.bundled()
        let newer = try Portfolio(
            location: .sqlite(path: store.path), create: false,
            knowledge: StoreKnowledge(base: bundled.base, digest: SHA256.hex("a later knowledge base")), clock: ScratchStore.clock)
        #expect {
            try newer.reaudit(ReauditRequest(worker: true))
        } throws: { error in
            (error as? StoreError)?.code == "store.unsupported" && (error as? StoreError)?.message.contains("PostgreSQL") == true
        }
        #expect(try store.statistics.evaluations == 4)
    }
}
