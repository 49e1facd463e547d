import PedigreeDiagnostics
import PedigreeModel
import Testing

@testable import PedigreeFormats

/// Writes little-endian GGUF metadata in a test, for cases too large or too parametrised for a fixture.
struct GGUFTestWriter {
    var bytes: [UInt8] = Array("GGUF".utf8)

    init(version: UInt32 = 3, tensorCount: UInt64 = 0, keyValueCount: UInt64) {
        uint32(version)
        uint64(tensorCount)
        uint64(keyValueCount)
    }

    mutating func uint32(_ value: UInt32) { for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) } }
    mutating func uint64(_ value: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) } }

    mutating func string(_ text: String) {
        uint64(UInt64(text.utf8.count))
        bytes += Array(text.utf8)
    }

    mutating func stringEntry(_ key: String, _ value: String) {
        string(key)
        uint32(8)
        string(value)
    }

    mutating func stringArrayEntry(_ key: String, _ values: [String]) {
        string(key)
        uint32(9)
        uint32(8)
        uint64(UInt64(values.count))
        for value in values { string(value) }
    }
}

@Suite("GGUF reader")
struct GGUFReaderTests {
    typealias F = AIArtifactFixtures

    /// The string stored at a byte offset of a fixture: its 8-byte little-endian length, then the text.
    func string(at offset: Int, in name: String) throws -> String {
        let bytes = try F.bytes(F.path("gguf/" + name))
        var length = 0
        for index in (0..<8).reversed() { length = length << 8 | Int(bytes[offset + index]) }
        return String(decoding: bytes[(offset + 8)..<(offset + 8 + length)], as: UTF8.self)
    }

    @Test("the model is named by general.name and referred to by its file name")
    func identity() throws {
        let document = try F.gguf("quantized-finetune-v3.gguf")
        let model = try #require(document.components.first)
        #expect(model.ref == "quantized-finetune-v3.gguf")
        #expect(model.name == "Acme Support Llama 3.1 8B Instruct")
        #expect(model.kind == .model)
        #expect(model.version == "1.2")
        #expect(model.supplier == "Acme")
        #expect(model.purl == nil)
        #expect(model.location?.byteOffset == 0)
        #expect(document.format == .gguf)
        #expect(document.specVersion == "3")
        #expect(document.diagnostics.isEmpty)
    }

    @Test("general.license, .name and .link are one statement whose parts point at their values")
    func license() throws {
        let document = try F.gguf("quantized-finetune-v3.gguf")
        let license = try #require(document.components.first?.declaredLicense)
        #expect(license.parts.map(\.raw) == [
            "llama3.1", "Llama 3.1 Community License Agreement",
            "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/LICENSE",
        ])
        #expect(license.parts.map(\.form) == [.id, .name, .url])
        for part in license.parts {
            let location = try #require(part.location)
            #expect(location.line == 0)
            #expect(location.file == document.path)
            #expect(try string(at: #require(location.byteOffset), in: "quantized-finetune-v3.gguf") == part.raw)
        }
    }

    @Test("general.base_model.N.repo_url is a quantized-from edge to the Hub id; general.dataset.N is trained-on")
    func lineage() throws {
        let document = try F.gguf("quantized-finetune-v3.gguf")
        #expect(
            F.edges(document) == [
                "quantized-finetune-v3.gguf quantized-from acme/support-llama-3.1-8b",
                "quantized-finetune-v3.gguf trained-on datasets/acme/support-dialogs",
            ])
        let base = try #require(F.component(document, "acme/support-llama-3.1-8b"))
        #expect(base.purl == "pkg:huggingface/acme/support-llama-3.1-8b")
        #expect(base.declaredLicense == nil)
        #expect(base.properties["gguf.version"] == "1.2")
        let dataset = try #require(F.component(document, "datasets/acme/support-dialogs"))
        #expect(dataset.kind == .dataset)
        let edge = try #require(document.edges.first { $0.kind == .quantizedFrom })
        #expect(edge.statedAs == "general.base_model.0")
        #expect(edge.location?.byteOffset != nil)
    }

    @Test("architecture, quantisation and authorship are gguf.* properties; other keys are skipped")
    func properties() throws {
        let model = try #require(try F.gguf("quantized-finetune-v3.gguf").components.first)
        let expected: [String: String] = [
            "gguf.architecture": "llama", "gguf.file_type": "15", "gguf.quantization_version": "2",
            "gguf.author": "Acme ML Platform", "gguf.organization": "Acme", "gguf.version": "1.2",
            "gguf.basename": "support-llama-3.1", "gguf.finetune": "instruct", "gguf.size_label": "8B",
            "gguf.quantized_by": "Acme ML Platform", "gguf.tags": "text-generation, llama-3.1, customer-support",
            "gguf.languages": "en, de", "gguf.format_version": "3", "gguf.tensor_count": "291",
        ]
        #expect(model.properties == expected)
    }

    @Test("a version 2 merge: a license list is AND and flagged, names without repo_url stay names, general.datasets")
    func mergeVersion2() throws {
        let document = try F.gguf("merge-v2.gguf")
        #expect(document.specVersion == "2")
        let license = try #require(document.components.first?.declaredLicense)
        #expect(license.parts.map(\.raw) == ["apache-2.0", "cc-by-nc-4.0"])
        #expect(license.parts.map(\.form) == [.id, .id])
        #expect(license.isAmbiguousList)
        #expect(
            F.edges(document) == [
                "merge-v2.gguf quantized-from mistralai/Mistral-7B-v0.1",
                "merge-v2.gguf quantized-from berkeley-nest/Starling LM 7B alpha",
                "merge-v2.gguf trained-on datasets/HuggingFaceH4/ultrachat_200k",
                "merge-v2.gguf trained-on Open Orca Slim",
            ])
        let named = try #require(F.component(document, "berkeley-nest/Starling LM 7B alpha"))
        #expect(named.purl == nil)
        #expect(named.version == "alpha")
        #expect(F.component(document, "Open Orca Slim")?.kind == .dataset)
        #expect(document.diagnostics.isEmpty)
    }

    @Test("a big-endian file reads; a wrong count and a repeated key are warnings")
    func bigEndianOther() throws {
        let document = try F.gguf("other-license-big-endian.gguf")
        let model = try #require(document.components.first)
        #expect(model.name == "Qwen2.5 72B Instruct")
        #expect(model.properties["gguf.byte_order"] == "big-endian")
        #expect(model.declaredLicense?.parts.map(\.raw) == [
            "other", "qwen", "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE",
        ])
        #expect(model.declaredLicense?.parts.map(\.form) == [.id, .name, .url])
        #expect(F.edges(document) == ["other-license-big-endian.gguf quantized-from Qwen/Qwen2.5-72B"])
        #expect(Set(F.codes(document)) == ["gguf.count-mismatch", "gguf.duplicate-key"])
        #expect(document.diagnostics.allSatisfy { $0.severity == .warning && $0.location?.byteOffset != nil })
    }

    @Test(
        "hostile files are input errors at the byte offset of the broken field",
        arguments: [
            ("truncated-header.gguf", "gguf.truncated", 8),
            ("absurd-key-length.gguf", "gguf.string-too-long", 24),
            ("absurd-string-length.gguf", "gguf.string-too-long", 48),
            ("absurd-array-count.gguf", "gguf.array-too-long", 61),
            ("huge-kv-count.gguf", "gguf.kv-count-too-large", 16),
            ("wrong-magic.gguf", "gguf.bad-magic", 0),
            ("version-1.gguf", "gguf.unsupported-version", 4),
            ("deep-nested-arrays.gguf", "gguf.too-deep", 818),
            ("unknown-value-type.gguf", "gguf.unknown-value-type", 44),
            ("truncated-metadata.gguf", "gguf.truncated", 109),
        ])
    func hostile(name: String, code: String, offset: Int) throws {
        let error = try #require(F.inputError { () throws(InputError) in try F.gguf(name) })
        #expect(error.code == code)
        #expect(error.severity == .error)
        #expect(error.location?.byteOffset == offset)
        #expect(error.location?.line == 0)
        #expect(error.location?.file.hasSuffix("gguf/" + name) == true)
        #expect(error.description.contains(":@\(offset): error: [\(code)]"))
    }

    @Test("version 1 is named in the message")
    func versionOneMessage() throws {
        let error = try #require(F.inputError { () throws(InputError) in try F.gguf("version-1.gguf") })
        #expect(error.message.contains("found version 1"))
    }

    @Test("every prefix of a valid file is either read or rejected with a gguf error inside the prefix")
    func everyPrefix() throws {
        let bytes = try F.bytes(F.path("gguf/merge-v2.gguf"))
        for length in 0..<bytes.count {
            do {
                _ = try GGUFReader.read(bytes: Array(bytes.prefix(length)), path: "prefix.gguf")
                Issue.record("a prefix of \(length) bytes was read as a whole file")
            } catch {
                #expect(error.diagnostic.code.hasPrefix("gguf."))
                #expect((error.diagnostic.location?.byteOffset ?? -1) <= length)
            }
        }
        #expect(throws: Never.self) { try GGUFReader.read(bytes: bytes, path: "whole.gguf") }
    }

    @Test("a key longer than the specification allows is refused, even when its bytes are there")
    func keyTooLong() throws {
        var writer = GGUFTestWriter(keyValueCount: 1)
        writer.stringEntry(String(repeating: "k", count: 70_000), "v")
        let error = try #require(F.inputError { () throws(InputError) in try GGUFReader.read(bytes: writer.bytes, path: "k.gguf") })
        #expect(error.code == "gguf.key-too-long")
        #expect(error.location?.byteOffset == 24)
    }

    @Test("a kept string over the string limit is refused; a skipped one is only bounded by the file")
    func stringLimit() throws {
        var writer = GGUFTestWriter(keyValueCount: 2)
        writer.stringEntry("tokenizer.chat_template", String(repeating: "x", count: 64))
        writer.stringEntry("general.name", "Llama-3.1")
        var limits = InputLimits.default
        limits.maxStringBytes = 8
        let error = try #require(
            F.inputError { () throws(InputError) in try GGUFReader.read(bytes: writer.bytes, path: "s.gguf", limits: limits) })
        #expect(error.code == "gguf.string-too-long")
        limits.maxStringBytes = 9
        let document = try GGUFReader.read(bytes: writer.bytes, path: "s.gguf", limits: limits)
        #expect(document.components.first?.name == "Llama-3.1")
    }

    @Test("a general.* list of more strings than are kept is skipped with a warning")
    func longList() throws {
        var writer = GGUFTestWriter(keyValueCount: 2)
        writer.stringArrayEntry("general.tags", (0..<5_000).map { "t\($0)" })
        writer.stringEntry("general.name", "after the list")
        let document = try GGUFReader.read(bytes: writer.bytes, path: "l.gguf")
        #expect(F.codes(document) == ["gguf.list-too-long"])
        #expect(document.components.first?.name == "after the list")
        #expect(document.components.first?.properties["gguf.tags"] == nil)
    }

    @Test("a wrong type for a known key is a warning, and the file name names the model")
    func wrongType() throws {
        var writer = GGUFTestWriter(keyValueCount: 1)
        writer.string("general.name")
        writer.uint32(4)
        writer.uint32(7)
        let document = try GGUFReader.read(bytes: writer.bytes, path: "models/x-Q8_0.gguf")
        #expect(document.components.first?.name == "x-Q8_0.gguf")
        #expect(F.codes(document) == ["gguf.unexpected-type"])
        #expect(document.diagnostics.first?.location?.byteOffset == 24)
    }

    @Test("recognition is the magic")
    func recognition() {
        #expect(GGUFReader.recognizes(prefix: Array("GGUF\u{3}".utf8)))
        #expect(!GGUFReader.recognizes(prefix: Array("GGML".utf8)))
        #expect(!GGUFReader.recognizes(prefix: Array("GG".utf8)))
    }
}
