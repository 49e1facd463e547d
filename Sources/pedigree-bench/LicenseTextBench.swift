import PedigreeCore

/// Identifying license texts: loading the bundled index (what every `pedigree licenses --identify`
/// pays once), then identifying a 10 KB custom license that matches nothing known (exact, normalised and
/// n-gram passes, then clause reading: the slowest path), against identifying it once the index is warm;
/// and an 80 KB text of the same shape against the 10 KB one, whose throughput it should keep (a step
/// quadratic in the length shows as a throughput eight times lower).
enum LicenseTextBench {
    static let runs = 20

    static let customText = customText(bytes: 10_000)

    /// A deterministic license of the shape custom terms take: numbered sections of grant,
    /// restriction and disclaimer sentences, words drawn by a seeded generator.
    static func customText(bytes: Int) -> String {
        var random = SplitMix64(seed: 10)
        let subjects = ["the Licensee", "you", "the Recipient", "any Contributor", "the Licensor"]
        let verbs = ["may use", "shall not distribute", "may modify", "must retain", "may not sell", "shall provide"]
        let objects = ["the Model", "the Dataset", "any Derivative", "the Documentation", "the Outputs", "the Weights"]
        let tails = ["for non-commercial research purposes only", "in any jurisdiction", "without a written agreement",
            "subject to Section 4", "with the notice in Appendix A", "for internal evaluation"]
        func pick(_ words: [String]) -> String { words[Int(random.next() % UInt64(words.count))] }
        var text = "EXAMPLE MODEL TERMS\n\n"
        var section = 1
        while text.utf8.count < bytes {
            text += "\(section). "
            for _ in 0..<4 {
                let subject = pick(subjects)
                text += subject.prefix(1).uppercased() + subject.dropFirst()
                text += " " + pick(verbs) + " " + pick(objects) + " " + pick(tails) + ". "
            }
            text += "\n\n"
            section += 1
        }
        return text
    }

    static let load = BenchCase(name: "license-text.index.load", label: "license text index, load") { _ in
        var count = 0
        let best = try Stopwatch.best(runs: runs) { try LicenseTextIndex.bundled() } inspect: { count = $0.entries.count }
        return BenchResult(bestSeconds: best, runs: runs, detail: "\(count) licenses")
    }

    static let identifyCold = BenchCase(
        name: "license-text.identify.cold", label: "identify 10 KB custom text, index loaded each run",
        subject: "load and identify", baseline: "license-text.identify.warm"
    ) { _ in
        var clauses = 0
        let best = try Stopwatch.best(runs: runs) {
            LicenseTextIdentifier(index: try LicenseTextIndex.bundled()).identify(customText)
        } inspect: { clauses = $0.clauses.count }
        return BenchResult(bestSeconds: best, runs: runs, bytes: customText.utf8.count, detail: "\(clauses) clauses")
    }

    static let identifyWarm = BenchCase(
        name: "license-text.identify.warm", label: "identify 10 KB custom text, index warm", subject: "identify"
    ) { _ in
        let identifier = LicenseTextIdentifier(index: try LicenseTextIndex.bundled())
        var clauses = 0
        let best = try Stopwatch.best(runs: runs) { identifier.identify(customText) } inspect: { clauses = $0.clauses.count }
        return BenchResult(bestSeconds: best, runs: runs, bytes: customText.utf8.count, detail: "\(clauses) clauses")
    }

    static let identifyLong = BenchCase(
        name: "license-text.identify.long", label: "identify 80 KB custom text, index warm", subject: "identify 80 KB",
        baseline: "license-text.identify.warm"
    ) { _ in
        let identifier = LicenseTextIdentifier(index: try LicenseTextIndex.bundled())
        let longText = customText(bytes: 80_000)
        var clauses = 0
        let best = try Stopwatch.best(runs: runs) { identifier.identify(longText) } inspect: { clauses = $0.clauses.count }
        return BenchResult(bestSeconds: best, runs: runs, bytes: longText.utf8.count, detail: "\(clauses) clauses")
    }

    static let cases = [load, identifyCold, identifyWarm, identifyLong]
}
