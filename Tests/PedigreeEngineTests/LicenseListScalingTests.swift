import PedigreeDiagnostics
import PedigreeLicenses
import PedigreeModel
import Testing
@testable import PedigreeEngine

/// A long license list costs time and report space in proportion to its length (issue 18).
@Suite struct LicenseListScalingTests {
    /// A product whose one dependency states `parts` as a Hugging Face style license list.
    static func graph(listing parts: [String]) -> LineageGraph {
        var g = GraphBuilder()
        g.component("app", license: "MIT", kind: .application)
        g.component("lib", ambiguousList: parts)
        g.edge("app", .dependsOn, "lib")
        g.root("app")
        return g.graph
    }

    static func audit(_ graph: LineageGraph) -> AuditResult {
        Engine.audit(graph: graph, context: ProductContext(commercial: true, distribution: [.binary]), catalog: KnowledgeBase.shared)
    }

    /// The fastest of three runs, in seconds.
    static func fastest(_ work: () -> Void) -> Double {
        let clock = ContinuousClock()
        var best = Duration.seconds(3600)
        for _ in 0..<3 {
            let start = clock.now
            work()
            best = min(best, clock.now - start)
        }
        let (seconds, attoseconds) = best.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    @Test func listWithChoicesCostsAboutWhatAPlainListCosts() {
        let count = 240
        let ids = (0..<count).map { "LicenseRef-x\($0)" }
        // Six 'a OR b' parts reach the cap of 64 alternatives; every further id used to be copied into each.
        let pairs = (0..<6).map { "LicenseRef-a\($0) OR LicenseRef-b\($0)" }
        let plain = Self.graph(listing: pairs.map { _ in "LicenseRef-y" } + ids)
        let choosing = Self.graph(listing: pairs + ids)
        var results: [AuditResult] = []
        let linear = Self.fastest { results.append(Self.audit(plain)) }
        let withChoices = Self.fastest { results.append(Self.audit(choosing)) }
        #expect(results.last?.choices.first?.alternatives.count == ExpressionAlternatives.limit)
        // Copying the shared ids into every alternative made this ratio grow with the square of the list.
        #expect(withChoices < 5 * linear, "with choices \(withChoices) s, plain \(linear) s")
    }

    @Test func sharedLicensesAreKeptOnceNotPerAlternative() {
        let expression = LicenseExpression.and([
            .or([.id("MIT"), .id("ISC")]), .id("Zlib"), .or([.id("BSD-2-Clause"), .id("MIT")]), .id("Zlib"),
        ])
        let expansion = ExpressionAlternatives.expand(expression)
        #expect(expansion.shared.map(\.id) == ["Zlib"])
        #expect(expansion.alternatives.map { $0.map(\.id) } == [
            ["MIT", "BSD-2-Clause"], ["MIT"], ["ISC", "BSD-2-Clause"], ["ISC", "MIT"],
        ])
        #expect(!expansion.truncated)
        let plain = ExpressionAlternatives.expand(.and([.id("MIT"), .id("Zlib"), .id("MIT")]))
        #expect(plain.shared.isEmpty)
        #expect(plain.alternatives.map { $0.map(\.id) } == [["MIT", "Zlib"]])
    }

    @Test func aLongListIsOneShortFindingAndAFewDiagnostics() throws {
        let ids = (0..<200).map { "zz-\($0)" }
        let result = Self.audit(Self.graph(listing: ids))
        let findings = result.findings(.ambiguousLicense)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.message.contains("a list of 200 licenses"))
        #expect(finding.message.contains("AND 192 more"))
        #expect(finding.message.count < 600)
        let unknownIDs = result.diagnostics.filter { $0.code == "license.unknown-id" }
        #expect(unknownIDs.count == 9)
        #expect(unknownIDs.last?.message.hasPrefix("192 more ids") == true)
    }

    @Test func aListOverTheBoundIsRefusedAtItsPosition() throws {
        let parts = (0...KnowledgeBase.maxLicenseListParts).map { "LicenseRef-x\($0)" }
        let result = Self.audit(Self.graph(listing: parts))
        let diagnostic = try #require(result.diagnostics.first { $0.code == "license.list-too-long" })
        #expect(diagnostic.location == SourceLocation(file: "sbom.json", line: 20, column: 5))
        #expect(diagnostic.message.contains("257 entries"))
        // Refused means unknown, never permissive.
        #expect(result.findings(.unknownLicense).map(\.component) == ["lib"])
    }
}
