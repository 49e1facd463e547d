import Testing

/// `pedigree licenses`, run as the built binary.
@Suite("pedigree licenses")
struct LicensesCommandTests {
    @Test("--check prints the canonical form of a valid expression and exits 0")
    func checkValid() throws {
        let result = try PedigreeProcess.run(["licenses", "--check", "mit OR gpl-2.0+ WITH classpath-exception-2.0"])
        #expect(result.status == 0)
        #expect(result.stdout == "MIT OR GPL-2.0-or-later WITH Classpath-exception-2.0\n")
    }

    @Test("--check reports the first bad token's column with a caret and exits 2")
    func checkInvalid() throws {
        let result = try PedigreeProcess.run(["licenses", "--check", "MIT and Apache-2.0"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].contains("[license.expression-syntax]"))
        #expect(lines[0].contains("found 'and'"))
        #expect(lines[0].hasSuffix("at column 5"))
        #expect(lines[1] == "  MIT and Apache-2.0")
        #expect(lines[2] == "      ^^^")
    }

    @Test("a query prints how it was read and every property with sources")
    func query() throws {
        let result = try PedigreeProcess.run(["licenses", "Apache License, Version 2.0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("read 'Apache License, Version 2.0' as 'Apache-2.0'"))
        #expect(result.stdout.contains("Apache-2.0 — Apache License 2.0"))
        for label in ["copyleft", "commercial use", "derivatives", "output use", "attribution", "may be absorbed by", "sources"] {
            #expect(result.stdout.contains("  \(label) "), "missing \(label)")
        }
        #expect(result.stdout.contains("https://www.apache.org/licenses/GPL-compatibility.html"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test("a known model prints its license, the base it was made from, its sources and the license's facts")
    func knownModel() throws {
        let result = try PedigreeProcess.run(["licenses", "IDEA-CCNL/Ziya-LLaMA-13B-v1"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "a model id is no license expression: \(result.stderr)")
        #expect(result.stdout.contains("IDEA-CCNL/Ziya-LLaMA-13B-v1: a component the knowledge base knows"))
        #expect(result.stdout.contains("  derived-from"))
        #expect(result.stdout.contains("huggyllama/llama-13b, under LicenseRef-scancode-llama-license-2023"))
        #expect(result.stdout.contains("https://huggingface.co/IDEA-CCNL/Ziya-LLaMA-13B-v1"))
        #expect(result.stdout.contains("  commercial use "))
        let chatGLM = try PedigreeProcess.run(["licenses", "THUDM/chatglm2-6b"])
        #expect(chatGLM.status == 0 && chatGLM.stdout.contains("LicenseRef-pedigree-chatglm2-6b"))
        #expect(chatGLM.stdout.contains("github.com/THUDM/ChatGLM2-6B/blob/main/MODEL_LICENSE"))
        #expect((result.stdout + chatGLM.stdout).split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test("a family lists its candidates; an unknown query exits 2")
    func familyAndUnknown() throws {
        let family = try PedigreeProcess.run(["licenses", "bsd"])
        #expect(family.status == 0)
        #expect(family.stdout.contains("[license.ambiguous]"))
        #expect(family.stdout.contains("  BSD-3-Clause — "))
        let unknown = try PedigreeProcess.run(["licenses", "no-such-license"])
        #expect(unknown.status == 2)
        #expect(unknown.stdout.contains("Pedigree has no terms"))
    }

    @Test("input text is escaped for the terminal")
    func escaping() throws {
        let result = try PedigreeProcess.run(["licenses", "evil\u{1B}[2J"])
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("\\u{1b}"))
    }

    @Test("without a query, every license with terms is listed within 100 columns")
    func list() throws {
        let result = try PedigreeProcess.run(["licenses"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("SPDX License List 3.27.0"))
        #expect(result.stdout.contains("  GPL-3.0-only "))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    static let textFixtures = PedigreeProcess.repository + "/Tests/Fixtures/license-text/"

    @Test("--identify --format json prints one object per file: license, confidence, matchedBy, clauses")
    func identifyJSON() throws {
        let result = try PedigreeProcess.run([
            "licenses", "--identify", Self.textFixtures + "mit-plain.txt", Self.textFixtures + "research-only-dataset.txt",
            "--format", "json",
        ])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let stdout = result.stdout
        #expect(stdout.hasPrefix("[\n  {\n    \"file\": \"\(Self.textFixtures)mit-plain.txt\",\n    \"license\": \"MIT\",\n    \"confidence\": 1,\n    \"matchedBy\": \"exact\",\n    \"clauses\": [],"))
        #expect(stdout.contains("\"license\": null,\n    \"confidence\": 0,\n    \"matchedBy\": null,"))
        #expect(stdout.contains("\"term\": \"non-commercial\",\n        \"sentence\": \"The database may be used for non-commercial research purpose only.\",\n        \"line\": 4"))
    }

    @Test("--identify in text names the license or lists the clauses; an unreadable file exits 2 after the others")
    func identifyText() throws {
        let result = try PedigreeProcess.run([
            "licenses", "--identify", Self.textFixtures + "mit-edited.txt", Self.textFixtures + "no-such-license.txt",
            Self.textFixtures + "custom-model-terms.txt",
        ])
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("mit-edited.txt: the license MIT (approximate match, confidence ") == true)
        #expect(lines.contains { $0.hasSuffix("no-such-license.txt: could not be read: no such file '\(Self.textFixtures)no-such-license.txt'") })
        #expect(lines.contains { $0.hasPrefix("  naming [name prefix 'Orchid'], line 10: ") })
        #expect(result.stderr.contains("error: [input.not-found]"))
    }

    @Test("--format without --identify is a usage error")
    func formatWithoutIdentify() throws {
        let result = try PedigreeProcess.run(["licenses", "MIT", "--format", "json"])
        #expect(result.status == 64)
    }
}
