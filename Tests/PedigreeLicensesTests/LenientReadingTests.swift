import PedigreeDiagnostics
import PedigreeModel
import Testing

@testable import PedigreeLicenses

/// Real-world license strings read against the bundled knowledge base: every alias family of the brief,
/// each with the warning that says how it was read.
@Suite("Lenient reading of license strings")
struct LenientReadingTests {
    static let knowledge = KnowledgeBase.shared

    /// Input, the expression it is read as, and whether a `license.rewritten` warning is expected.
    static let aliases: [(String, String, Bool)] = [
        // Strict SPDX, case-insensitive ids: no warning.
        ("MIT", "MIT", false),
        ("apache-2.0", "Apache-2.0", false),
        ("mit", "MIT", false),
        ("cc-by-nc-4.0", "CC-BY-NC-4.0", false),
        ("GPL-2.0+", "GPL-2.0-or-later", false),
        // Lower-case operators, '/' and ','.
        ("MIT and Apache-2.0", "MIT AND Apache-2.0", true),
        ("MIT or Apache-2.0", "MIT OR Apache-2.0", true),
        ("MIT/Apache-2.0", "MIT OR Apache-2.0", true),
        ("MIT | Apache-2.0", "MIT OR Apache-2.0", true),
        ("MIT & Apache-2.0", "MIT AND Apache-2.0", true),
        ("MIT, Apache-2.0", "MIT AND Apache-2.0", true),
        ("(MIT or ISC) and Zlib", "(MIT OR ISC) AND Zlib", true),
        ("GPL-2.0-only with Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0", true),
        ("GPL-2.0-only with classpath exception", "GPL-2.0-only WITH Classpath-exception-2.0", true),
        // Common spellings.
        ("Apache 2.0", "Apache-2.0", true),
        ("Apache License, Version 2.0", "Apache-2.0", true),
        ("Apache License 2.0", "Apache-2.0", false),
        ("apache license version 2.0", "Apache-2.0", true),
        ("MIT License", "MIT", false),
        ("The MIT License", "MIT", true),
        ("GPLv3", "GPL-3.0-only", true),
        ("GPL v3", "GPL-3.0-only", true),
        ("GPLv2", "GPL-2.0-only", true),
        ("GPL v2+", "GPL-2.0-or-later", true),
        ("GPLv3+", "GPL-3.0-or-later", true),
        ("GPL-2.0", "GPL-2.0-only", true),
        ("gpl-3.0", "GPL-3.0-only", true),
        ("GNU General Public License v2.0 or later", "GPL-2.0-or-later", false),
        ("LGPLv2.1+", "LGPL-2.1-or-later", true),
        ("LGPL-3.0", "LGPL-3.0-only", true),
        ("AGPLv3", "AGPL-3.0-only", true),
        ("agpl-3.0", "AGPL-3.0-only", true),
        ("BSD-3", "BSD-3-Clause", true),
        ("BSD 3-Clause", "BSD-3-Clause", true),
        ("BSD-2", "BSD-2-Clause", true),
        ("New BSD License", "BSD-3-Clause", true),
        ("BSD 3-Clause \"New\" or \"Revised\" License", "BSD-3-Clause", false),
        ("Public Domain", "LicenseRef-scancode-public-domain", true),
        ("The Unlicense", "Unlicense", false),
        ("CC BY 4.0", "CC-BY-4.0", true),
        ("CC BY-NC-SA 4.0", "CC-BY-NC-SA-4.0", true),
        ("Creative Commons Attribution-ShareAlike 4.0 International", "CC-BY-SA-4.0", true),
        ("MPL 2.0", "MPL-2.0", true),
        ("Apache 2.0+", "Apache-2.0+", true),
        ("Apache License, Version 2.0 or MIT", "Apache-2.0 OR MIT", true),
        ("MIT License and Apache License 2.0", "MIT AND Apache-2.0", true),
        // Hugging Face ids.
        ("odbl", "ODbL-1.0", true),
        ("odc-by", "ODC-By-1.0", true),
        ("pddl", "PDDL-1.0", true),
        ("openmdw-1.0", "OpenMDW-1.0", false),
        ("llama2", "LicenseRef-scancode-llama-2-license-2023", true),
        ("llama3.1", "LicenseRef-scancode-llama-3.1-license-2024", true),
        ("openrail++", "LicenseRef-scancode-bigscience-open-rail-m2", true),
        ("apple-amlr", "LicenseRef-pedigree-apple-amlr", true),
        ("creativeml-openrail-m", "LicenseRef-scancode-stable-diffusion-2022-08-22", true),
        ("gemma", "LicenseRef-scancode-gemma-tou-2025-03-24", true),
        // license_name values.
        ("tongyi-qianwen", "LicenseRef-scancode-tongyi-qianwen-2023", true),
        ("qwen", "LicenseRef-scancode-qwen-2024", true),
        ("qwen-research", "LicenseRef-scancode-qwen-research-2024", true),
        ("deepseek", "LicenseRef-scancode-deepseek-la-1.0", true),
        ("deepseek-license", "LicenseRef-scancode-deepseek-la-1.0", true),
        ("stabilityai-ai-community", "LicenseRef-scancode-stability-ai-community-2024", true),
        // Full titles as SBOMs carry them.
        ("META LLAMA 3 COMMUNITY LICENSE AGREEMENT", "LicenseRef-scancode-llama-3-license-2024", true),
        ("Llama 3.1 Community License Agreement", "LicenseRef-scancode-llama-3.1-license-2024", true),
        // license_link URLs, with the normalisations.
        ("https://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0", true),
        ("http://apache.org/licenses/LICENSE-2.0/", "Apache-2.0", true),
        ("https://opensource.org/licenses/MIT", "MIT", true),
        ("https://spdx.org/licenses/MIT.html", "MIT", true),
        ("https://creativecommons.org/licenses/by-nc/4.0/legalcode", "CC-BY-NC-4.0", true),
        ("https://huggingface.co/Qwen/Qwen2.5-3B/resolve/main/LICENSE", "LicenseRef-scancode-qwen-research-2024", true),
    ]

    @Test("aliases, spellings, HF ids, license names and URLs", arguments: aliases)
    func alias(input: String, expected: String, rewritten: Bool) throws {
        let reading = Self.knowledge.read(input)
        let expression = try #require(reading.expression, "no expression for '\(input)': \(reading.diagnostics)")
        #expect(expression.description == expected)
        let rewrite = reading.diagnostics.first { $0.code == "license.rewritten" }
        #expect((rewrite != nil) == rewritten, "\(reading.diagnostics)")
        if let rewrite {
            #expect(rewrite.severity == .warning)
            #expect(rewrite.message.contains("'\(input)'") || rewrite.message.contains("deprecated"), "\(rewrite.message)")
            #expect(rewrite.message.contains("'\(expected)'"), "\(rewrite.message)")
        }
    }

    @Test("a license's own full name, or a PyPI classifier's, is read with a note, not a rewrite warning")
    func registeredNamesAreNotes() throws {
        for (text, form, id) in [
            ("Apache License 2.0", LicenseText.Form.expression, "Apache-2.0"), ("mit license", .name, "MIT"),
            ("GNU General Public License v2 or later (GPLv2+)", .classifier, "GPL-2.0-or-later"),
        ] {
            let reading = Self.knowledge.read(LicenseStatement(LicenseText(text, form: form)))
            #expect(reading.expression?.description == id, "\(text)")
            #expect(reading.diagnostics.map(\.code) == ["license.name"], "\(text): \(reading.diagnostics)")
            #expect(reading.diagnostics.allSatisfy { $0.severity == .note })
        }
        // The same classifier text given as a free-form name is a curated alias: still a rewrite.
        let free = Self.knowledge.read(LicenseStatement(LicenseText("GNU General Public License v2 or later (GPLv2+)", form: .name)))
        #expect(free.diagnostics.map(\.code) == ["license.rewritten"])
    }

    @Test("a rewrite's notes list each change, from what to what")
    func rewriteNotes() throws {
        let reading = Self.knowledge.read("mit and Apache 2.0")
        let warning = try #require(reading.diagnostics.first)
        #expect(warning.code == "license.rewritten")
        #expect(warning.message == "read 'mit and Apache 2.0' as 'MIT AND Apache-2.0'")
        #expect(warning.notes == ["'and' -> 'AND'", "'Apache 2.0' -> 'Apache-2.0'"])
        #expect(reading.isAmbiguous == false)
    }

    /// Family ids and names are ambiguous: no expression, a warning listing candidates.
    static let families: [(String, [String])] = [
        ("bsd", ["BSD-2-Clause", "BSD-3-Clause"]),
        ("BSD License", ["BSD-2-Clause", "BSD-3-Clause"]),
        ("gpl", ["GPL-2.0-only", "GPL-3.0-only", "GPL-3.0-or-later"]),
        ("GNU General Public License", ["GPL-2.0-only", "GPL-3.0-only"]),
        ("lgpl", ["LGPL-2.1-only", "LGPL-3.0-only"]),
        ("LGPL", ["LGPL-2.0-only", "LGPL-3.0-or-later"]),
        ("cc", ["CC0-1.0", "CC-BY-4.0"]),
        ("Creative Commons", ["CC0-1.0"]),
        ("openrail", ["LicenseRef-scancode-bigscience-open-rail-m", "LicenseRef-scancode-stable-diffusion-2022-08-22"]),
        ("Apache", ["Apache-2.0", "Apache-1.1"]),
        ("CC BY-SA", ["CC-BY-SA-3.0", "CC-BY-SA-4.0"]),
    ]

    @Test("family ids are ambiguous, never guessed", arguments: families)
    func family(input: String, candidates: [String]) throws {
        let reading = Self.knowledge.read(input)
        #expect(reading.expression == nil)
        #expect(reading.isAmbiguous)
        let warning = try #require(reading.diagnostics.first { $0.code == "license.ambiguous" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("names a family of licenses"))
        guard case .ambiguous(let ids) = Self.knowledge.resolve(name: input) else {
            Issue.record("'\(input)' did not resolve as ambiguous")
            return
        }
        for candidate in candidates { #expect(ids.contains(candidate), "\(ids)") }
        for candidate in candidates.prefix(2) where ids.firstIndex(of: candidate).map({ $0 < 8 }) == true {
            #expect(warning.message.contains("'\(candidate)'"))
        }
    }

    @Test("a family inside an expression makes the whole reading unknown")
    func familyInsideExpression() {
        let reading = Self.knowledge.read("MIT or bsd")
        #expect(reading.expression == nil)
        #expect(reading.isAmbiguous)
        #expect(reading.diagnostics.map(\.code) == ["license.ambiguous"])
    }

    @Test("nothing stated is unknown without a warning", arguments: ["", "   ", "NOASSERTION", "NONE", "noassertion"])
    func nothingStated(input: String) {
        let reading = Self.knowledge.read(input)
        #expect(reading.expression == nil)
        #expect(reading.diagnostics.isEmpty)
        #expect(!reading.isAmbiguous)
    }

    @Test("unrecognised text is unknown with a warning; a well-formed unknown id is kept")
    func unrecognised() throws {
        let text = Self.knowledge.read("see the LICENSE file")
        #expect(text.expression == nil)
        #expect(text.diagnostics.map(\.code) == ["license.unrecognised"])

        let id = Self.knowledge.read("Foo-1.0 AND MIT")
        #expect(id.expression?.description == "Foo-1.0 AND MIT")
        #expect(id.unknownIDs == ["Foo-1.0"])
        #expect(id.diagnostics.map(\.code) == ["license.unknown-id"])
    }

    @Test("SPDX ids without terms are listed as unknown ids: unknown is a value")
    func spdxIDWithoutTerms() {
        // `any-OSI` names no license in particular, so even the generated data gives it no terms.
        let reading = Self.knowledge.read("any-OSI OR MIT")
        #expect(reading.expression?.description == "any-OSI OR MIT")
        #expect(reading.unknownIDs == ["any-OSI"])
        #expect(reading.diagnostics.isEmpty)
        #expect(Self.knowledge.terms(for: "any-OSI") == nil)
        #expect(Self.knowledge.spdxLicense("any-osi")?.name == "Any OSI License")
    }

    @Test("',' lists are read as AND and flagged ambiguous")
    func commaList() {
        let reading = Self.knowledge.read("mit, apache-2.0")
        #expect(reading.expression == .and([.id("MIT"), .id("Apache-2.0")]))
        #expect(reading.isAmbiguous)
        #expect(reading.diagnostics.map(\.code) == ["license.rewritten", "license.ambiguous"])
    }

    @Test("text over the length limit is refused with a warning")
    func tooLong() {
        let reading = Self.knowledge.read(String(repeating: "MIT or ", count: 1300) + "MIT")
        #expect(reading.expression == nil)
        #expect(reading.diagnostics.map(\.code) == ["license.expression-too-long"])
    }

    @Test("input text in messages is escaped for the terminal")
    func escaping() throws {
        let reading = Self.knowledge.read("evil \u{1B}[31m license")
        let warning = try #require(reading.diagnostics.first)
        #expect(!warning.message.contains("\u{1B}"))
        #expect(warning.message.contains("\\u{1b}"))
    }

    // MARK: statements of several parts

    @Test("Hugging Face 'other' is replaced by what license_name and license_link resolve to")
    func huggingFaceOther() {
        let location = SourceLocation(file: "README.md", line: 3, column: 10)
        let statement = LicenseStatement([
            LicenseText("other", form: .id, location: location),
            LicenseText("tongyi-qianwen", form: .name, location: location),
            LicenseText("https://huggingface.co/Qwen/Qwen2-72B/blob/main/LICENSE", form: .url, location: location),
        ])
        let reading = Self.knowledge.read(statement)
        #expect(reading.expression == .id("LicenseRef-scancode-tongyi-qianwen-2023"))
        #expect(!reading.isAmbiguous)
        #expect(reading.diagnostics.allSatisfy { $0.location == location })
        #expect(reading.diagnostics.contains { $0.code == "license.rewritten" })
    }

    @Test("HF 'other' with a name and a repository-local link keeps the name, warns about the link")
    func huggingFaceOtherWithLocalLink() {
        let statement = LicenseStatement([
            LicenseText("other", form: .id), LicenseText("deepseek", form: .name),
            LicenseText("https://example.com/some/LICENSE", form: .url),
        ])
        let reading = Self.knowledge.read(statement)
        #expect(reading.expression == .id("LicenseRef-scancode-deepseek-la-1.0"))
        // 'deepseek' is a license_name the Hub's cards use: a note, not a rewrite warning.
        #expect(reading.diagnostics.map(\.code).sorted() == ["license.hub-id", "license.unrecognised"])
    }

    @Test("HF 'other' alone is unknown, with a warning")
    func huggingFaceOtherAlone() {
        let reading = Self.knowledge.read(LicenseStatement([LicenseText("other", form: .id)]))
        #expect(reading.expression == nil)
        #expect(reading.diagnostics.map(\.code) == ["license.unrecognised"])
    }

    @Test("a CycloneDX list is read as AND, ambiguous, left to the finding to report")
    func cycloneDXList() {
        let statement = LicenseStatement(
            [LicenseText("MIT", form: .id), LicenseText("Apache License 2.0", form: .name)], isAmbiguousList: true,
            list: LicenseListEvidence(origin: .cycloneDXLicenses))
        let reading = Self.knowledge.read(statement)
        #expect(reading.expression == .and([.id("MIT"), .id("Apache-2.0")]))
        #expect(reading.isAmbiguous)
        #expect(reading.listMeaning == .undefined)
        #expect(!reading.diagnostics.contains { $0.code == "license.ambiguous" })
    }

    @Test("a Maven list is a choice")
    func mavenList() {
        let statement = LicenseStatement(
            [LicenseText("EPL-1.0", form: .id), LicenseText("GNU Lesser General Public License 2.1", form: .name)],
            isAmbiguousList: true, list: LicenseListEvidence(origin: .cycloneDXLicenses, packageType: "maven"))
        let reading = Self.knowledge.read(statement)
        #expect(reading.expression == .or([.id("EPL-1.0"), .id("LGPL-2.1-only")]))
        #expect(!reading.isAmbiguous)
        #expect(reading.listMeaning == .choice)
    }

    @Test("parts that name the same license count once")
    func sameLicenseTwice() {
        let statement = LicenseStatement([
            LicenseText("Apache-2.0", form: .id), LicenseText("https://www.apache.org/licenses/LICENSE-2.0", form: .url),
        ])
        let reading = Self.knowledge.read(statement)
        #expect(reading.expression == .id("Apache-2.0"))
        #expect(!reading.isAmbiguous)
    }

    @Test("one unreadable part makes a list unknown")
    func unreadablePart() {
        let statement = LicenseStatement(
            [LicenseText("MIT", form: .id), LicenseText("our own terms", form: .name)], isAmbiguousList: true)
        let reading = Self.knowledge.read(statement)
        #expect(reading.expression == nil)
        #expect(reading.diagnostics.contains { $0.code == "license.unrecognised" })
    }
}
