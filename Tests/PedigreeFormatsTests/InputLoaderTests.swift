import PedigreeDiagnostics
import PedigreeFormats
import PedigreeModel
import Testing

@Suite("Input loading: formats are detected by content")
struct InputLoaderTests {
    @Test func cycloneDXNamedTxtIsReadAsCycloneDX() throws {
        let file = InputLoader().loadFile(Fixtures.path("detection/foo.txt"))
        #expect(file.status == .read)
        #expect(file.format == .cycloneDXJSON)
        #expect(file.document?.components.map(\.name) == ["hidden-in-txt"])
        #expect(!file.hasErrors)
    }

    @Test(arguments: [
        (#"{"spdxVersion": "SPDX-2.3"}"#, InputFormat.spdx2JSON),
        (#"{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": []}"#, .spdx3JSONLD),
        (#"{"base_model_name_or_path": "meta-llama/Llama-3.1-8B", "peft_type": "LORA"}"#, .adapterConfig),
        (#"{"$schema": "http://cyclonedx.org/schema/bom-1.6.schema.json", "specVersion": "1.6"}"#, .cycloneDXJSON),
        ("SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n", .spdx2TagValue),
        ("---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B\n---\n# Model\n", .huggingFaceCard),
        ("GGUF\u{3}\u{0}\u{0}\u{0}", .gguf),
    ])
    func detection(content: String, format: InputFormat) throws {
        let detection = try FormatDetector.detect(Array(content.utf8), path: "input.bin")
        guard case .format(let detected, _) = detection else {
            Issue.record("not detected as \(format): \(detection)")
            return
        }
        #expect(detected == format)
    }

    @Test(arguments: [true, false])
    func utf16JSONIsTranscodedAndKeepsPositions(bigEndian: Bool) throws {
        let text = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\",\n \"components\": [{\"type\": \"foo\", \"name\": \"é\"}]}"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let file = InputLoader().load(bytes: bytes, path: "utf16.json")
        #expect(file.format == .cycloneDXJSON)
        #expect(file.document?.components.map(\.name) == ["é"])
        let error = try #require(file.document?.errors.first)
        #expect(error.code == "cyclonedx.invalid-component-type")
        #expect(error.location == SourceLocation(file: "utf16.json", line: 2, column: 26))
    }

    @Test func utf16WithALoneSurrogateIsAnError() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x7B, 0x00, 0x00, 0xD8, 0x7D, 0x00]
        let file = InputLoader().load(bytes: bytes, path: "bad.json")
        #expect(file.status == .failed)
        #expect(file.diagnostics.map(\.code) == ["input.invalid-utf16"])
    }

    @Test func formatWithoutAReaderIsAnUnrecognizedFormatError() throws {
        let loader = InputLoader(readers: [:])
        let file = loader.load(bytes: Array(#"{"bomFormat": "CycloneDX"}"#.utf8), path: "bom.json")
        #expect(file.status == .failed)
        #expect(file.format == .cycloneDXJSON)
        #expect(file.diagnostics.map(\.code) == ["input.unrecognized-format"])
        #expect(file.diagnostics.first?.severity == .error)
    }

    @Test func explicitFileThatIsNotAnSBOMIsAnError() throws {
        let file = InputLoader().load(bytes: Array("print('hello')\n".utf8), path: "train.py", explicit: true)
        #expect(file.status == .failed)
        #expect(file.diagnostics.map(\.code) == ["input.unrecognized-format"])
        #expect(file.hasErrors)
    }

    /// Policies and CI files are recognised by their keys, whatever their names; named as an input they
    /// are refused with a hint, found in a folder they are skipped.
    @Test(arguments: [
        ("pedigree: 1\nproduct:\n  commercial: true\ndeny: [AGPL-3.0-only]\n", "pedigree.yaml", "input.policy-as-input", "did you mean --policy?"),
        ("waivers:\n  - component: x\n    reason: y\n", "rules.txt", "input.policy-as-input", "did you mean --policy?"),
        (#"{"pedigree": 1, "deny": ["non-commercial"], "allow": ["MIT"]}"#, "policy.json", "input.policy-as-input", "did you mean --policy?"),
        ("name: audit\non:\n  pull_request:\njobs:\n  audit:\n    runs-on: ubuntu-latest\n", "audit.yml", "input.ci-config-as-input", "GitHub Actions"),
        ("include:\n  - local: ci/base.yml\naudit:\n  script:\n    - pedigree audit sbom/\n", "ci.yml", "input.ci-config-as-input", "GitLab CI"),
        ("repos:\n  - repo: local\n    hooks: []\n", "hooks.yaml", "input.ci-config-as-input", "pre-commit"),
    ])
    func aPolicyOrCIFileIsNotAnInput(content: String, name: String, code: String, says: String) throws {
        let file = InputLoader().load(bytes: Array(content.utf8), path: name, explicit: true)
        #expect(file.status == .failed)
        #expect(file.document == nil)
        #expect(file.diagnostics.map(\.code) == [code])
        #expect(file.diagnostics.first?.message.contains(says) == true)
        let found = InputLoader().load(bytes: Array(content.utf8), path: name, explicit: false)
        #expect(found.status == .skipped)
        #expect(found.diagnostics.map(\.severity) == [.note])
    }

    @Test(arguments: [
        "pedigree: 1\nproduct:\n  name: chat\ninterpretation:\n  training-data: use\n",
        "product:\n  name: chat\ncomponents:\n  - ref: m\n    license: MIT\ndeny: [GPL-3.0-only]\n",
    ])
    func aManifestStaysAManifest(content: String) throws {
        let detection = try FormatDetector.detect(Array(content.utf8), path: "pedigree.yaml")
        guard case .format(.manifest, _) = detection else {
            Issue.record("not a manifest: \(detection)")
            return
        }
    }

    @Test func syntaxErrorIsReportedWithItsPosition() throws {
        let file = InputLoader().loadFile(Fixtures.path("detection/folder/sub/broken.cdx.json"))
        #expect(file.status == .failed)
        let error = try #require(file.diagnostics.first)
        #expect(error.code.hasPrefix("json."))
        #expect(error.location?.line == 4)
        #expect(error.location?.column == 3)
    }

    @Test func folderSkipsNonSBOMsWithNotesAndKeepsGoingAfterErrors() throws {
        let result = InputLoader().load([Fixtures.path("detection/folder")])
        let byName = Dictionary(uniqueKeysWithValues: result.files.map { (String($0.path.split(separator: "/").last ?? ""), $0) })
        #expect(byName["bom.json"]?.status == .read)
        #expect(byName["bom.xml"]?.status == .read)
        #expect(byName["bom.xml"]?.document?.components.map(\.name) == ["xml-lib"])
        // A package.json is a project manifest now, read as one.
        #expect(byName["package.json"]?.status == .read && byName["package.json"]?.format == .npmPackage)
        for skipped in ["train.py", "LICENSE", "image.png", "NOTES.md"] {
            #expect(byName[skipped]?.status == .skipped, "\(skipped)")
            #expect(byName[skipped]?.diagnostics.map(\.severity) == [.note], "\(skipped)")
        }
        // A broken file that looks like an SBOM is an error, and the others are still read.
        #expect(byName["broken.cdx.json"]?.status == .failed)
        #expect(result.hasInputErrors)
        #expect(result.documents.count == 3)
    }

    @Test func missingInputIsAnErrorAndOthersStillLoad() throws {
        let result = InputLoader().load([Fixtures.path("detection/nope.json"), Fixtures.path("detection/foo.txt")])
        #expect(result.files.map(\.status) == [.failed, .read])
        #expect(result.files.first?.diagnostics.first?.code == "input.not-found")
    }

    @Test func theSameFileNamedTwiceIsReadOnce() throws {
        let path = Fixtures.path("detection/foo.txt")
        let result = InputLoader().load([path, path])
        #expect(result.files.count == 1)
    }
}

@Suite("Input loading: an input that yields no component is never a clean pass")
struct EmptyInputTests {
    let empty = SPDXFixtures.path("spdx2/json/no-packages.spdx.json")

    @Test func aloneItIsAnErrorNamingTheFile() throws {
        let result = InputLoader().load([empty])
        let diagnostic = try #require(result.files.first?.diagnostics.first)
        #expect(diagnostic.code == "input.no-components")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.file == empty)
        #expect(result.hasInputErrors)
    }

    @Test func besideAnInputWithComponentsItIsAWarning() throws {
        let result = InputLoader().load([empty, SPDXFixtures.path("spdx2/json/support-bot.spdx.json")])
        let diagnostic = try #require(result.files.first?.diagnostics.first)
        #expect(diagnostic.code == "input.no-components")
        #expect(diagnostic.severity == .warning)
        #expect(!result.hasInputErrors)
        #expect(result.files.last?.diagnostics.isEmpty == true)
    }
}

@Suite("Input loading: compressed files are refused, naming the tool that decompresses them")
struct CompressedInputTests {
    @Test func namedZstdFileIsAnErrorNamingZstd() throws {
        let path = Fixtures.path("detection/compressed/bom.spdx.json.zst")
        let file = InputLoader().loadFile(path)
        #expect(file.status == .failed)
        let error = try #require(file.diagnostics.first)
        #expect(error.code == "input.compressed")
        #expect(error.severity == .error)
        #expect(error.message.contains("zstd-compressed"))
        #expect(error.message.contains("zstd -d '\(path)'"))
    }

    @Test(arguments: [
        ([0x1F, 0x8B, 0x08, 0x00], "gzip"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd"), ([0x42, 0x5A, 0x68, 0x39], "bzip2"), ([0x50, 0x4B, 0x03, 0x04], "zip"),
    ] as [([UInt8], String)])
    func compressionIsToldByItsMagic(magic: [UInt8], name: String) throws {
        let detection = try FormatDetector.detect(magic + Array("{\"bomFormat\"".utf8), path: "bom.json")
        guard case .compressed(let compression) = detection else {
            Issue.record("not detected as compressed: \(detection)")
            return
        }
        #expect(compression.name == name)
    }

    /// In a folder, a compressed SBOM is worth a warning (the user expects it audited); other
    /// compressed files are skipped with a note like any file that is no SBOM.
    @Test func inAFolderACompressedSBOMIsAWarningAndOtherArchivesANote() throws {
        let result = InputLoader().load([Fixtures.path("detection/compressed")])
        let byName = Dictionary(uniqueKeysWithValues: result.files.map { (String($0.path.split(separator: "/").last ?? ""), $0) })
        let sbom = try #require(byName["bom.spdx.json.zst"])
        #expect(sbom.status == .skipped)
        #expect(sbom.diagnostics.map(\.code) == ["input.compressed"])
        #expect(sbom.diagnostics.first?.severity == .warning)
        let notes = try #require(byName["notes.txt.gz"])
        #expect(notes.status == .skipped)
        #expect(notes.diagnostics.map(\.severity) == [.note])
        #expect(notes.diagnostics.first?.message.contains("gzip-compressed") == true)
    }
}
