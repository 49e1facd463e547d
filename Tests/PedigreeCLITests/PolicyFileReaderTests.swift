import PedigreeCore
import Testing

/// The policy file: what a valid one means, and every kind of mistake reported at its position.
@Suite struct PolicyFileReaderTests {
    static func read(_ text: String, path: String = "policy.yaml") throws -> PolicyFile {
        try PolicyFileReader.parse(Array(text.utf8), path: path)
    }

    static let full = """
        pedigree: 1
        product:
          name: Acme Support Assistant
          commercial: true
          distribution: [saas, on-device]
          license: LicenseRef-Acme-Proprietary
          monthly-active-users: 250000
          annual-revenue-usd: 1.5e7
          regions: [EU, US]
        deny: [network-copyleft, GPL-2.0-only OR GPL-3.0-only, Apache 2.0]
        allow: [LGPL-2.1-or-later]
        severity:
          territory: error
          attribution: "off"
        interpretation:
          training-data: derivative
          default-dependency: contains
        waivers:
          - component: pkg:huggingface/datasets/acme/support-dialogs
            rule: non-commercial
            reason: commercial license signed with the owner
            expires: 2026-06-30
          - component: busybox
            reason: shipped as a separate program
        """

    @Test func fullPolicyReadsIntoTheAuditPolicy() throws {
        let file = try Self.read(Self.full)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let policy = file.policy
        #expect(policy.product.name == "Acme Support Assistant")
        #expect(policy.product.commercial == true)
        #expect(policy.product.distribution == [.saas, .onDevice])
        #expect(policy.product.license == "LicenseRef-Acme-Proprietary")
        #expect(policy.product.monthlyActiveUsers == 250_000)
        #expect(policy.product.annualRevenueUSD == 15_000_000)
        #expect(policy.product.regions == ["EU", "US"])
        #expect(policy.deny == ["network-copyleft", "GPL-2.0-only", "GPL-3.0-only", "Apache-2.0"])
        #expect(policy.allow == ["LGPL-2.1-or-later"])
        #expect(policy.severity == [.territory: .error, .attribution: .off])
        #expect(policy.interpretation.trainingData == .derivative)
        #expect(policy.interpretation.defaultDependency == .contains)
        #expect(file.statesInterpretation)
        #expect(policy.waivers.count == 2)
        #expect(policy.waivers[0].component == "pkg:huggingface/datasets/acme/support-dialogs")
        #expect(policy.waivers[0].rule == .nonCommercial)
        #expect(policy.waivers[0].expires == CalendarDate(year: 2026, month: 6, day: 30))
        #expect(policy.waivers[0].location?.line == 19)
        #expect(policy.waivers[1].rule == nil)
        #expect(policy.waivers[1].expires == nil)
    }

    @Test func jsonPolicyMeansTheSame() throws {
        let json = """
            {"pedigree": 1, "product": {"commercial": true, "distribution": "saas", "monthly-active-users": 1000},
             "deny": ["non-commercial"], "severity": {"naming": "warning"},
             "waivers": [{"component": "a", "rule": "naming", "reason": "r", "expires": "2030-01-01"}]}
            """
        let file = try Self.read(json, path: "policy.json")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.policy.product.distribution == [.saas])
        #expect(file.policy.product.monthlyActiveUsers == 1000)
        #expect(file.policy.deny == ["non-commercial"])
        #expect(file.policy.severity == [.naming: .warning])
        #expect(file.policy.waivers.first?.expires == CalendarDate(year: 2030, month: 1, day: 1))
        #expect(!file.statesInterpretation)
    }

    @Test(arguments: [
        ("sevrity:\n  naming: info\n", "policy.unknown-key", 2, 3, "(did you mean 'severity'?)"),
        ("product:\n  commercial: yes\n", "policy.invalid-type", 2, 15, "expected true or false for 'product.commercial'"),
        ("product:\n  distribution: [cloud]\n", "policy.invalid-value", 2, 18, "unknown distribution 'cloud'"),
        ("product:\n  monthly-active-users: -5\n", "policy.invalid-type", 2, 25, "a whole number of zero or more"),
        ("severity:\n  non-comercial: off\n", "policy.unknown-rule", 2, 18, "(did you mean 'non-commercial'?)"),
        ("severity:\n  naming: fatal\n", "policy.invalid-value", 2, 11, "unknown severity 'fatal'"),
        ("interpretation:\n  training-data: fair-use\n", "policy.invalid-value", 2, 18, "expected use, derivative or none"),
        ("deny: [GPL-2.0-only OR]\n", "policy.invalid-license", 1, 8, "is not a license id, expression"),
        ("deny: [non-comercial]\n", "policy.invalid-license", 1, 8, "(did you mean 'non-commercial'?)"),
        ("deny: MIT\n", "policy.invalid-type", 1, 7, "expected a list of strings for 'deny'"),
        ("waivers:\n  - component: a\n    reason: r\n    expires: 2025-02-30\n", "policy.invalid-date", 4, 14, "'2025-02-30' is not a calendar date"),
        ("waivers:\n  - component: a\n    reason: r\n    expires: next year\n", "policy.invalid-date", 4, 14, "expected YYYY-MM-DD"),
        ("waivers:\n  - component: a\n    rule: nameing\n    reason: r\n", "policy.unknown-rule", 3, 11, "(did you mean 'naming'?)"),
        ("waivers:\n  - rule: naming\n    reason: r\n", "policy.missing-key", 2, 5, "a waiver needs 'component'"),
        ("waivers:\n  - component: a\n", "policy.missing-key", 2, 5, "a waiver needs 'reason'"),
        ("waivers:\n  - component: a\n    reason: r\n    until: 2030-01-01\n", "policy.unknown-key", 4, 12, "unknown key 'until' in a waiver"),
        ("pedigree: 2\n", "policy.unsupported-version", 1, 11, "expected 'pedigree: 1'"),
        ("- a\n- b\n", "policy.invalid-type", 1, 1, "expected a mapping for the policy"),
    ])
    func mistakesAreErrorsAtTheirPosition(text: String, code: String, line: Int, column: Int, says: String) throws {
        let file = try Self.read(text)
        #expect(file.hasErrors)
        let error = try #require(file.diagnostics.first { $0.severity == .error })
        #expect(error.code == code)
        #expect(error.location?.file == "policy.yaml")
        #expect(error.location?.line == line)
        #expect(error.location?.column == column)
        #expect(error.message.contains(says), "\(error.message)")
    }

    @Test func everyErrorIsReportedAtOnce() throws {
        let file = try Self.read("sevrity: {}\nproduct:\n  commercial: 1\nwaivers:\n  - component: a\n")
        #expect(file.diagnostics.filter { $0.severity == .error }.map(\.code) == [
            "policy.unknown-key", "policy.invalid-type", "policy.missing-key",
        ])
    }

    @Test func unknownLicenseRefsAreKeptWithAWarning() throws {
        let file = try Self.read("deny: [LicenseRef-Acme-Internal]\n")
        #expect(!file.hasErrors)
        #expect(file.policy.deny == ["LicenseRef-Acme-Internal"])
        #expect(file.diagnostics.map(\.code) == ["policy.unknown-license"])
    }

    @Test func malformedSyntaxIsAnInputError() throws {
        #expect(throws: InputError.self) { try Self.read("deny: [MIT\n") }
        #expect(throws: InputError.self) { try Self.read("{\"deny\": [\"MIT\",]}", path: "policy.json") }
        let duplicate = #expect(throws: InputError.self) { try Self.read("deny: []\ndeny: []\n") }
        #expect(duplicate?.diagnostic.location?.line == 2)
    }

    @Test func theSamplePolicyIsValid() throws {
        let file = try PolicyFileReader.read(path: PedigreeProcess.repository + "/Samples/ci/pedigree-policy.yaml")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(!file.policy.deny.isEmpty)
    }

    /// The sample shows a waiver at work: on the day the sample was last revised it is live, has no
    /// rule, and so accepts both findings the dataset raises (non-commercial, and denied-license from
    /// the deny list), leaving nothing of that dataset blocking.
    @Test func theSamplePolicyWaivesEveryFindingOfTheSampleDataset() throws {
        let file = try PolicyFileReader.read(path: PedigreeProcess.repository + "/Samples/ci/pedigree-policy.yaml")
        let waiver = try #require(file.policy.waivers.first)
        #expect(waiver.rule == nil)
        let revised = CalendarDate(year: 2026, month: 12, day: 3)
        #expect(!waiver.isExpired(on: revised))
        var request = AuditRequest(
            inputs: [PedigreeProcess.repository + "/Samples/hf-finetune-stack"], context: ProductContext(),
            options: AuditOptions(today: revised))
        request.policy = file.policy
        let result = Pipeline.audit(request).result
        let dataset = result.findings.filter { $0.component == "datasets/acme/support-dialogs" }
        #expect(Set(dataset.map(\.rule)).isSuperset(of: [.nonCommercial, .deniedLicense]))
        #expect(dataset.allSatisfy { $0.waived })
        #expect(!result.diagnostics.contains { $0.code.hasPrefix("policy.waiver") })
    }
}
