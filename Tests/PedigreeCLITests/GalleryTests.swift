import Foundation
import PedigreeCore
import Testing

/// The gallery of `Samples/gallery`: every case is audited in-process and its text and JSON reports
/// compared byte for byte with `Tests/Fixtures/gallery/<case>/expected.{txt,json}`.
///
/// A golden can be regenerated carelessly (`UPDATE_GOLDENS=1 swift test --filter GalleryTests`), so
/// each case also states, in `GalleryCase.all`, exactly which findings it must raise (rule and
/// component, blocking or not) and which rules must stay silent: a lost or new finding fails here
/// whatever the golden says. Where the engine is known to be wrong, the case says so in
/// `knownIssues`, and the wrong part is checked inside `withKnownIssue` so that a fix shows up.
@Suite("Samples/gallery")
struct GalleryTests {
    @Test("every gallery folder has an expectation, and every expectation a folder")
    func everyFolderIsACase() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Gallery.root + "/Samples/gallery")
            .filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: Gallery.root + "/Samples/gallery/" + name, isDirectory: &isDirectory)
                    && isDirectory.boolValue
            }
        #expect(folders.sorted() == GalleryCase.all.map(\.name).sorted())
    }

    @Test("every rule of the catalogue fires in some case and stays silent in another")
    func everyRuleFiresAndStaysSilent() {
        func rules(_ entries: [String]) -> Set<String> { Set(entries.map { String($0.split(separator: " ")[0]) }) }
        let fired = rules(GalleryCase.all.flatMap { $0.blocking + $0.nonBlocking })
        let silent = rules(GalleryCase.all.flatMap(\.silent))
        let all = RuleID.allCases.map(\.rawValue)
        #expect(all.filter { !fired.contains($0) } == [], "rules no case fires")
        #expect(all.filter { !silent.contains($0) } == [], "rules no case keeps silent")
        let silentCases = GalleryCase.all.filter { !$0.silent.isEmpty }.count
        let firingCases = GalleryCase.all.filter { $0.silent.isEmpty }.count
        #expect(silentCases >= firingCases, "\(silentCases) cases keep a rule silent, \(firingCases) only fire")
    }

    @Test("the reports match the goldens", arguments: GalleryCase.all)
    func goldens(_ galleryCase: GalleryCase) throws {
        let run = try Gallery.audit(galleryCase.name)
        let report = AuditReport(result: run.result, inputs: Gallery.reportInputs(run), toolVersion: PedigreeVersion.current)
        let rendered = [
            ("expected.txt", TextReportWriter().write(report)),
            ("expected.json", JSONReportWriter().write(report)),
        ]
        let folder = Gallery.root + "/Tests/Fixtures/gallery/" + galleryCase.name
        for (file, text) in rendered {
            let path = folder + "/" + file
            if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                Issue.record("rewrote \(path): review it, then run the tests again without UPDATE_GOLDENS")
                continue
            }
            let golden = try #require(FileManager.default.contents(atPath: path), "no golden at \(path) (UPDATE_GOLDENS=1 writes it)")
            #expect(String(decoding: golden, as: UTF8.self) == text, "\(galleryCase.name)/\(file) differs from the golden")
        }
    }

    @Test("each case raises exactly its findings and keeps silent where it must", arguments: GalleryCase.all)
    func findings(_ galleryCase: GalleryCase) throws {
        let run = try Gallery.audit(galleryCase.name)
        let inputProblems = run.inputs.diagnostics.filter { $0.severity != .note }
        #expect(
            inputProblems.map(\.code) == galleryCase.inputWarnings,
            "the case's inputs should read cleanly: \(inputProblems.map(\.description))")

        // The edges that would carry the term: without them a silent rule proves nothing.
        let relationships = Set(run.result.relationships.map { "\($0.from.rawValue) \($0.kind.rawValue) \($0.to.rawValue)" })
        for relationship in galleryCase.relationships {
            #expect(relationships.contains(relationship), "\(galleryCase.name) lacks the relationship '\(relationship)'")
        }
        let cycles = run.diagnostics.filter { $0.code == "graph.cycle" }.count
        #expect(cycles == galleryCase.cycles, "cycles reported in \(galleryCase.name)")
        let choices = run.result.choices.map { "\($0.component.rawValue) \($0.chosen)" }
        #expect(choices == galleryCase.choices, "license choices of \(galleryCase.name)")

        let findings = run.result.findings
        func key(_ finding: Finding) -> String { finding.rule.rawValue + " " + finding.component.rawValue }
        let falsePositives = galleryCase.knownIssues.filter { !$0.missing }.map(\.finding)
        func actual(blocking: Bool) -> [String] {
            var keys = findings.filter { $0.isBlocking == blocking }.map(key)
            for wrong in falsePositives {
                if let index = keys.firstIndex(of: wrong) { keys.remove(at: index) }
            }
            return keys.sorted()
        }
        #expect(actual(blocking: true) == galleryCase.blocking.sorted(), "blocking findings of \(galleryCase.name)")
        #expect(actual(blocking: false) == galleryCase.nonBlocking.sorted(), "non-blocking findings of \(galleryCase.name)")

        for silent in galleryCase.silent {
            let parts = silent.split(separator: " ", maxSplits: 1).map(String.init)
            let fired = findings.filter { finding in
                finding.rule.rawValue == parts[0] && (parts.count == 1 || finding.component.rawValue == parts[1])
            }
            #expect(fired.isEmpty, "'\(silent)' must stay silent in \(galleryCase.name): \(fired.map(\.message))")
        }

        for expected in galleryCase.paths {
            let drawn = findings.map { "\(key($0)): \(Gallery.draw($0.path))" }
            #expect(drawn.contains(expected), "no finding of \(galleryCase.name) has the path '\(expected)'")
        }

        for issue in galleryCase.knownIssues {
            withKnownIssue(Comment(rawValue: issue.note)) {
                let present = findings.contains { key($0) == issue.finding }
                #expect(present == issue.missing, "\(issue.missing ? "missing" : "wrongly raised"): \(issue.finding)")
            }
        }
    }
}

/// Where the gallery lives and how a case is audited.
enum Gallery {
    /// The repository root, found from this file; the process works from it so that the reports
    /// carry the same relative paths as `pedigree audit Samples/gallery/<case>` run there.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let root = parts.joined(separator: "/")
        if FileManager.default.currentDirectoryPath != root {
            _ = FileManager.default.changeCurrentDirectoryPath(root)
        }
        return root
    }()

    /// Audits one case as `pedigree audit Samples/gallery/<case> [--policy …/policy.yaml]` does.
    static func audit(_ name: String) throws -> AuditRun {
        let base = root  // first use moves the process to the root, so the relative paths resolve
        let folder = "Samples/gallery/" + name
        var request = AuditRequest(inputs: [folder], options: AuditOptions(today: CalendarDate(year: 2025, month: 6, day: 1)))
        let policyPath = folder + "/policy.yaml"
        if FileManager.default.fileExists(atPath: base + "/" + policyPath) {
            let policy = try PolicyFileReader.read(path: policyPath)
            #expect(policy.diagnostics.isEmpty, "\(policy.diagnostics.map(\.description))")
            request.policy = policy.policy
            request.policyStatesInterpretation = policy.statesInterpretation
        }
        return Pipeline.audit(request)
    }

    /// A path as `product (kind) → model (kind) → base`.
    static func draw(_ path: [PathStep]) -> String {
        path.map { step in
            guard let edge = step.edge else { return step.ref.rawValue }
            return "\(step.ref.rawValue) (\(edge.rawValue))"
        }.joined(separator: " → ")
    }

    /// The inputs as `pedigree audit` lists them in its report.
    static func reportInputs(_ run: AuditRun) -> [AuditReport.Input] {
        run.inputs.load.files.compactMap { file in
            file.document.map { AuditReport.Input(path: file.path, format: $0.format, specVersion: $0.specVersion) }
        }
    }
}

/// A finding the engine raises wrongly (or fails to raise), written down until the engine is fixed.
struct KnownIssue: Sendable {
    /// `rule component`.
    var finding: String
    /// True: the finding should be raised and is not; false: it is raised and should not be.
    var missing: Bool
    var note: String
}

/// One gallery folder and what its audit must say. Findings are written `rule component-ref`.
struct GalleryCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// Errors, not waived.
    var blocking: [String] = []
    /// Warnings and infos.
    var nonBlocking: [String] = []
    /// Rules (`rule`) or rule and component (`rule component-ref`) that must not fire.
    var silent: [String] = []
    /// Relationships (`from kind to`) the graph must hold: the edges a silent rule would fire over.
    var relationships: [String] = []
    /// `OR` choices (`component chosen-alternative`), in the report's order.
    var choices: [String] = []
    /// Findings with their whole path: `rule component: product (kind) → … → component`.
    var paths: [String] = []
    /// How many cycles the engine reports (once each).
    var cycles = 0
    /// Codes of the warnings the inputs raise while being read (none for most cases).
    var inputWarnings: [String] = []
    var knownIssues: [KnownIssue] = []

    var testDescription: String { name }

    static let all: [GalleryCase] = [
        GalleryCase(
            name: "non-commercial-model-in-saas",
            blocking: ["non-commercial seamless-m4t-v2"],
            nonBlocking: ["attribution seamless-m4t-v2", "attribution pkg:pypi/fastapi@0.115.0"]),
        GalleryCase(
            name: "non-commercial-model-in-research-demo",
            nonBlocking: ["attribution facebook/nllb-200-distilled-600M"],
            silent: ["non-commercial"],
            relationships: ["polyglot-classroom runs facebook/nllb-200-distilled-600M"]),
        GalleryCase(
            name: "llama-2-over-usage-threshold",
            blocking: ["usage-threshold meta-llama/Llama-2-13b-chat-hf"],
            nonBlocking: ["attribution meta-llama/Llama-2-13b-chat-hf", "attribution tgi"]),
        GalleryCase(
            name: "llama-3-under-usage-threshold",
            nonBlocking: ["attribution SPDXRef-Llama3", "attribution SPDXRef-Ollama"],
            silent: ["usage-threshold"],
            relationships: ["recipe-buddy depends-on SPDXRef-Ollama", "SPDXRef-Ollama depends-on SPDXRef-Llama3"]),
        GalleryCase(
            name: "gpl-2-tool-links-apache-library",
            blocking: ["copyleft-conflict tokcount"],
            nonBlocking: ["attribution tokcount", "attribution SPDXRef-SentencePiece", "source-offer tokcount"]),
        GalleryCase(
            name: "gpl-3-app-with-apache-parts",
            nonBlocking: ["attribution shelfwise", "attribution sentencepiece", "attribution llama.cpp", "source-offer shelfwise"],
            silent: ["copyleft-conflict", "copyleft-distribution"],
            relationships: ["shelfwise depends-on sentencepiece"]),
        GalleryCase(
            name: "gpl-library-in-proprietary-binary",
            blocking: ["copyleft-distribution SPDXRef-FFTW"],
            nonBlocking: ["attribution SPDXRef-Whisper", "attribution SPDXRef-FFTW", "source-offer SPDXRef-FFTW"],
            inputWarnings: ["graph.license-disagreement"]),
        GalleryCase(
            name: "lgpl-dynamically-linked-in-proprietary-binary",
            nonBlocking: [
                "attribution https://sbom.clipcaption.example/1.4.0#libavcodec",
                "attribution https://sbom.clipcaption.example/1.4.0#libavformat",
                "source-offer https://sbom.clipcaption.example/1.4.0#libavcodec",
                "source-offer https://sbom.clipcaption.example/1.4.0#libavformat",
            ],
            silent: ["copyleft-distribution", "copyleft-conflict"],
            relationships: ["https://sbom.clipcaption.example/1.4.0#App dynamic-link https://sbom.clipcaption.example/1.4.0#libavcodec"]),
        GalleryCase(
            name: "agpl-library-in-saas",
            blocking: ["network-copyleft itext-core"],
            nonBlocking: ["attribution itext-core", "attribution bge-small", "source-offer itext-core"]),
        GalleryCase(
            name: "agpl-server-run-as-separate-service",
            nonBlocking: ["attribution vizly-insights", "attribution minio", "attribution chart-summarizer", "source-offer minio"],
            silent: ["network-copyleft"],
            relationships: ["vizly-insights runs minio"]),
        GalleryCase(
            name: "gpl-test-tool-not-shipped",
            nonBlocking: ["attribution trocr-base", "attribution pkg:pypi/onnxruntime@1.20.1"],
            silent: ["copyleft-distribution", "source-offer", "attribution pkg:pypi/pylint@3.3.1"],
            relationships: ["ledgerly-ocr dev-dependency pkg:pypi/pylint@3.3.1"]),
        GalleryCase(
            name: "gpl-or-mit-choice-in-proprietary-binary",
            nonBlocking: ["attribution SPDXRef-Tinywake", "attribution SPDXRef-KWSModel"],
            silent: ["copyleft-distribution", "source-offer"],
            relationships: ["SPDXRef-Firmware static-link SPDXRef-Tinywake"],
            choices: ["SPDXRef-Tinywake MIT"]),
        GalleryCase(
            name: "llama-3.1-derivative-misnamed",
            blocking: ["naming helpdesk-8b-Q4_K_M.gguf", "naming tallyworks/helpdesk-8b"],
            nonBlocking: [
                "attribution helpdesk-8b-Q4_K_M.gguf", "attribution meta-llama/Llama-3.1-8B-Instruct",
                "attribution tallyworks/helpdesk-8b",
            ]),
        GalleryCase(
            name: "llama-3.2-vision-in-eu",
            nonBlocking: [
                "territory Llama-3.2-11B-Vision-Instruct-Q4_K_M.gguf", "territory meta-llama/Llama-3.2-11B-Vision-Instruct",
                "attribution Llama-3.2-11B-Vision-Instruct-Q4_K_M.gguf", "attribution meta-llama/Llama-3.2-11B-Vision-Instruct",
            ]),
        GalleryCase(
            name: "llama-3.2-vision-outside-eu",
            nonBlocking: [
                "attribution Llama-3.2-11B-Vision-Instruct-Q4_K_M.gguf", "attribution meta-llama/Llama-3.2-11B-Vision-Instruct",
            ],
            silent: ["territory"],
            relationships: ["snapcheck-us contains Llama-3.2-11B-Vision-Instruct-Q4_K_M.gguf"]),
        GalleryCase(
            name: "llama-3-outputs-train-another-model",
            blocking: ["output-restriction urn:briefly:summarizer"],
            nonBlocking: [
                "attribution urn:briefly:summarizer", "attribution urn:briefly:mistral", "attribution urn:briefly:teacher",
                "attribution urn:briefly:summaries",
            ]),
        GalleryCase(
            name: "llama-3-outputs-train-llama-3-derivative",
            nonBlocking: ["attribution SPDXRef-Student", "attribution SPDXRef-Base", "attribution SPDXRef-Teacher"],
            silent: ["output-restriction", "naming"],
            relationships: ["SPDXRef-Student trained-on SPDXRef-Synthetic", "SPDXRef-Synthetic generated-by SPDXRef-Teacher"]),
        GalleryCase(
            name: "rail-model-fine-tune-relicensed",
            blocking: ["use-restriction-flowdown shopmate/bloom-560m-faq"],
            nonBlocking: [
                "license-mismatch shopmate/bloom-560m-faq", "attribution bigscience/bloom-560m",
                "attribution shopmate/bloom-560m-faq",
            ]),
        GalleryCase(
            name: "gemma-adapter-keeps-its-terms",
            nonBlocking: ["attribution google/gemma-2-2b-it", "attribution lumen-apps/gemma-2-2b-it-notes-lora"],
            silent: ["use-restriction-flowdown", "license-mismatch"],
            relationships: ["lumen-apps/gemma-2-2b-it-notes-lora adapter-of google/gemma-2-2b-it"]),
        GalleryCase(
            name: "model-trained-on-no-derivatives-corpus",
            blocking: ["no-derivatives narrato-voice"],
            nonBlocking: ["attribution narrato-voice", "attribution storyteller-corpus"]),
        GalleryCase(
            name: "no-derivatives-model-used-unmodified",
            nonBlocking: ["attribution SPDXRef-VAD"],
            silent: ["no-derivatives"],
            relationships: ["SPDXRef-App contains SPDXRef-VAD"]),
        GalleryCase(
            name: "falcon-180b-as-hosted-service",
            blocking: ["hosted-service tiiuae/falcon-180B-chat"],
            nonBlocking: ["attribution vllm", "attribution tiiuae/falcon-180B-chat"]),
        GalleryCase(
            name: "falcon-180b-in-internal-tool",
            nonBlocking: ["attribution falcon-180b-chat", "attribution vllm"],
            silent: ["hosted-service"],
            relationships: ["vllm depends-on falcon-180b-chat"]),
        GalleryCase(
            name: "policy-denies-strong-copyleft",
            blocking: ["denied-license espeak-ng"],
            nonBlocking: ["attribution espeak-ng", "attribution kokoro-82m", "source-offer espeak-ng"],
            silent: ["copyleft-distribution"],
            relationships: ["readaloud contains espeak-ng"]),
        GalleryCase(
            name: "policy-allow-overrides-deny",
            nonBlocking: ["attribution SPDXRef-libavcodec", "attribution SPDXRef-WhisperSmall", "source-offer SPDXRef-libavcodec"],
            silent: ["denied-license"],
            relationships: ["stagecast dynamic-link SPDXRef-libavcodec"]),
        GalleryCase(
            name: "unknown-licenses-in-keyboard-app",
            nonBlocking: ["unknown-license SPDXRef-Crawl", "unknown-license SPDXRef-LlamaCpp", "attribution SPDXRef-NextWord"]),
        GalleryCase(
            name: "license-names-in-many-spellings",
            nonBlocking: [
                "attribution llama-3.1-8b", "attribution pkg:pypi/sentence-transformers@3.3.1",
                "attribution pkg:pypi/httpx@0.28.1", "attribution pkg:npm/marked@15.0.4",
            ],
            silent: ["unknown-license"]),
        GalleryCase(
            name: "llama-1-derivative-declared-gpl",
            blocking: [
                "non-commercial knowledge-base:huggyllama/llama-13b",
                "copyleft-conflict IDEA-CCNL/Ziya-LLaMA-13B-v1", "use-restriction-flowdown IDEA-CCNL/Ziya-LLaMA-13B-v1",
            ],
            nonBlocking: [
                "license-mismatch IDEA-CCNL/Ziya-LLaMA-13B-v1", "license-mismatch IDEA-CCNL/Ziya-LLaMA-13B-v1",
                "attribution knowledge-base:huggyllama/llama-13b", "attribution IDEA-CCNL/Ziya-LLaMA-13B-v1",
            ],
            relationships: ["IDEA-CCNL/Ziya-LLaMA-13B-v1 derived-from knowledge-base:huggyllama/llama-13b"],
            paths: [
                "non-commercial knowledge-base:huggyllama/llama-13b: qiming-assistant (runs) → IDEA-CCNL/Ziya-LLaMA-13B-v1 (derived-from) → knowledge-base:huggyllama/llama-13b",
            ]),
        GalleryCase(
            name: "llama-declared-as-apache",
            nonBlocking: ["license-mismatch llama-3.1-8b-instruct", "attribution llama-3.1-8b-instruct"]),
        GalleryCase(
            name: "ambiguous-license-statements",
            nonBlocking: [
                "ambiguous-license pkg:cargo/tokenizers@0.21.0", "ambiguous-license inpaint-model",
                "unknown-license inpaint-model", "attribution pkg:cargo/tokenizers@0.21.0",
            ]),
        GalleryCase(
            name: "dual-licensed-crate-is-a-choice",
            nonBlocking: ["attribution SPDXRef-Tokenizers"],
            silent: ["ambiguous-license"],
            choices: ["SPDXRef-Tokenizers Apache-2.0"]),
        GalleryCase(
            name: "share-alike-training-data-read-as-use",
            nonBlocking: [
                "attribution datasets/wikimedia/wikipedia", "attribution fjordlaw/Llama-3.1-8B-Nordic-Legal",
                "attribution meta-llama/Llama-3.1-8B",
            ],
            silent: ["copyleft-conflict", "naming"],
            relationships: ["fjordlaw/Llama-3.1-8B-Nordic-Legal trained-on datasets/wikimedia/wikipedia"]),
        GalleryCase(
            name: "share-alike-training-data-read-as-derivative",
            blocking: ["copyleft-conflict datasets/wikimedia/wikipedia"],
            nonBlocking: [
                "attribution datasets/wikimedia/wikipedia", "attribution fjordlaw/Llama-3.1-8B-Nordic-Legal",
                "attribution meta-llama/Llama-3.1-8B",
            ]),
        GalleryCase(
            name: "llama-3.1-derivative-named-llama",
            nonBlocking: [
                "attribution Llama-3.1-8B-Helpdesk-Q4_K_M.gguf", "attribution meta-llama/Llama-3.1-8B-Instruct",
                "attribution tallyworks/Llama-3.1-8B-Helpdesk",
            ],
            silent: ["naming", "license-mismatch", "use-restriction-flowdown"],
            relationships: [
                "Llama-3.1-8B-Helpdesk-Q4_K_M.gguf quantized-from tallyworks/Llama-3.1-8B-Helpdesk",
                "tallyworks/Llama-3.1-8B-Helpdesk fine-tuned-from meta-llama/Llama-3.1-8B-Instruct",
            ]),
        GalleryCase(
            name: "qwen-outputs-distilled-into-phi",
            nonBlocking: [
                "attribution Qwen/Qwen2.5-72B-Instruct", "attribution lumina/phi-3-mini-qwen-distill",
                "attribution microsoft/Phi-3-mini-4k-instruct",
            ],
            silent: ["output-restriction", "usage-threshold"],
            relationships: ["lumina/phi-3-mini-qwen-distill distilled-from Qwen/Qwen2.5-72B-Instruct"]),
        GalleryCase(
            name: "gpl-library-in-saas",
            nonBlocking: ["attribution SPDXRef-Diarize", "attribution SPDXRef-Whisper"],
            silent: ["copyleft-distribution", "network-copyleft", "source-offer"],
            relationships: ["transcribly static-link SPDXRef-Diarize"]),
        GalleryCase(
            name: "non-commercial-benchmark-only-tested-on",
            nonBlocking: ["attribution urn:medscribe:model"],
            silent: ["non-commercial"],
            relationships: ["urn:medscribe:model tested-on urn:medscribe:bench"]),
        GalleryCase(
            name: "merge-of-permissive-and-non-commercial-parents",
            blocking: ["non-commercial berkeley-nest/Starling-LM-7B-alpha"],
            nonBlocking: [
                "license-mismatch nimbus/Nimbus-7B-slerp", "attribution berkeley-nest/Starling-LM-7B-alpha",
                "attribution mistralai/Mistral-7B-v0.1", "attribution nimbus/Nimbus-7B-slerp",
            ],
            paths: [
                "non-commercial berkeley-nest/Starling-LM-7B-alpha: nimbus-chat (runs) → nimbus/Nimbus-7B-slerp (merged-from) → berkeley-nest/Starling-LM-7B-alpha"
            ]),
        GalleryCase(
            name: "six-model-chain-carries-a-term",
            blocking: ["non-commercial lexlab/lex-base-7b"],
            nonBlocking: [
                "license-mismatch lexlab/lex-instruct-7b", "attribution lexlab/lex-base-7b", "attribution lexlab/lex-instruct-7b",
                "attribution acme/lex-instruct-5b-pruned", "attribution acme/lex-legal-5b", "attribution acme/lex-legal-5b-dpo",
                "attribution acme/lex-legal-5b-dpo-GGUF",
            ],
            paths: [
                "non-commercial lexlab/lex-base-7b: lex-court-search (runs) → acme/lex-legal-5b-dpo-GGUF (quantized-from) → acme/lex-legal-5b-dpo (fine-tuned-from) → acme/lex-legal-5b (fine-tuned-from) → acme/lex-instruct-5b-pruned (derived-from) → lexlab/lex-instruct-7b (fine-tuned-from) → lexlab/lex-base-7b"
            ]),
        GalleryCase(
            name: "lineage-cycle-terminates",
            blocking: ["non-commercial SPDXRef-Aya"],
            nonBlocking: [
                "license-mismatch SPDXRef-V1", "attribution SPDXRef-V1", "attribution SPDXRef-V2", "attribution SPDXRef-V3",
                "attribution SPDXRef-Aya",
            ],
            paths: [
                "non-commercial SPDXRef-Aya: SPDXRef-App (depends-on) → SPDXRef-V3 (fine-tuned-from) → SPDXRef-V2 (fine-tuned-from) → SPDXRef-V1 (merged-from) → SPDXRef-Aya"
            ],
            cycles: 1,
            inputWarnings: ["graph.cycle"]),
    ]
}
