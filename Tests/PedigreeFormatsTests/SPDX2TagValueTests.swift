import PedigreeDiagnostics
import PedigreeModel
import Testing

@testable import PedigreeFormats

@Suite("SPDX 2 tag-value")
struct SPDX2TagValueTests {
    let path = SPDXFixtures.path("spdx2/tag-value/edge-device.spdx")

    @Test func recognizesTagValueByItsVersionTag() throws {
        #expect(SPDX2Reader.recognizes(tagValue: try SPDXFixtures.bytes(path)))
        #expect(SPDX2Reader.recognizes(tagValue: Array("# comment\n\n  SPDXVersion: SPDX-2.2\n".utf8)))
        #expect(SPDX2Reader.recognizes(tagValue: try SPDXFixtures.bytes(SPDXFixtures.path("spdx2/tag-value/edge-device-utf16.spdx"))))
        #expect(!SPDX2Reader.recognizes(tagValue: Array(#"{"spdxVersion": "SPDX-2.3"}"#.utf8)))
        #expect(!SPDX2Reader.recognizes(tagValue: try SPDXFixtures.bytes(SPDXFixtures.path("spdx2/tag-value/not-spdx.txt"))))
    }

    @Test func readsPackagesFilesRelationshipsAndLicenses() throws {
        let document = try SPDX2Reader.read(tagValue: try SPDXFixtures.bytes(path), path: path)
        #expect(document.format == .spdx2TagValue)
        #expect(document.specVersion == "SPDX-2.3")
        #expect(document.roots == ["SPDXRef-App"])
        #expect(
            document.components.map { "\($0.ref) \($0.kind.rawValue)" } == [
                "SPDXRef-App application", "SPDXRef-Adapter-File model", "SPDXRef-Adapter model", "SPDXRef-Gemma model",
                "SPDXRef-Runtime library",
            ])
        #expect(
            document.edgeLines == [
                "SPDXRef-App dynamic-link SPDXRef-Runtime",
                "SPDXRef-App depends-on SPDXRef-Runtime",
                "SPDXRef-Adapter adapter-of SPDXRef-Gemma",
                "SPDXRef-Adapter contains SPDXRef-Adapter-File",
                "SPDXRef-App contains SPDXRef-Adapter-File",
            ])
        let adapter = try #require(document.component("SPDXRef-Adapter"))
        #expect(adapter.declaredLicense?.parts == [LicenseText("LicenseRef-Gemma", location: SourceLocation(file: path, line: 38, column: 25))])
        #expect(adapter.purl == "pkg:huggingface/example-mobile/notes-gemma-2b-lora@3e1f2a9")
        #expect(document.component("SPDXRef-Runtime")?.hashes == ["SHA-1": "85ed0817af83a24ad8da68c2b5094de69833983c"])
        #expect(document.component("SPDXRef-App")?.supplier == "Example Mobile Ltd")
        #expect(document.component("SPDXRef-App")?.location == SourceLocation(file: path, line: 14, column: 14))
    }

    @Test func readsMultiLineTextBlocks() throws {
        let document = try SPDX2Reader.read(tagValue: try SPDXFixtures.bytes(path), path: path)
        let gemma = try #require(document.extractedLicenses["LicenseRef-Gemma"])
        #expect(gemma.name == "Gemma Terms of Use")
        #expect(gemma.text?.hasPrefix("Gemma Terms of Use\n\nLast modified: February 21, 2024\n") == true)
        #expect(gemma.seeAlso == ["https://ai.google.dev/gemma/terms"])
        #expect(gemma.location == SourceLocation(file: path, line: 65, column: 12))
        // Lines inside a <text> block are not tags, so nothing was malformed.
        #expect(document.diagnostics.isEmpty)
        // The relationship after a two-line block keeps its own line and columns.
        let runtimeEdge = try #require(document.edges.first { $0.statedAs == "RUNTIME_DEPENDENCY_OF" })
        #expect(runtimeEdge.location == SourceLocation(file: path, line: 63, column: 15))
    }

    @Test func readsUTF16WithByteOrderMarkLikeUTF8() throws {
        let utf16Path = SPDXFixtures.path("spdx2/tag-value/edge-device-utf16.spdx")
        let utf16 = try SPDX2Reader.read(tagValue: try SPDXFixtures.bytes(utf16Path), path: utf16Path)
        let utf8 = try SPDX2Reader.read(tagValue: try SPDXFixtures.bytes(path), path: path)
        #expect(utf16.edgeLines == utf8.edgeLines)
        #expect(utf16.component("SPDXRef-Adapter")?.declaredLicense?.location?.line == 38)
    }

    @Test func windowsLineEndingsAreNotPartOfValues() throws {
        let crlfPath = SPDXFixtures.path("spdx2/tag-value/crlf.spdx")
        let document = try SPDX2Reader.read(tagValue: try SPDXFixtures.bytes(crlfPath), path: crlfPath)
        let component = try #require(document.component("SPDXRef-CRLF"))
        #expect(component.declaredLicense?.displayText == "MIT")
        #expect(component.concludedLicense?.displayText == "Apache-2.0")
        #expect(component.concludedLicense?.location == SourceLocation(file: crlfPath, line: 7, column: 26))
    }

    @Test func malformedLinesAreWarningsWithLineAndColumn() throws {
        let malformedPath = SPDXFixtures.path("spdx2/tag-value/malformed.spdx")
        let document = try SPDX2Reader.read(tagValue: try SPDXFixtures.bytes(malformedPath), path: malformedPath)
        let found = document.diagnostics.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(
            found == [
                "spdx.tag-value.malformed-line 3:1",
                "spdx.tag-value.malformed-value 7:15",
                "spdx.tag-value.malformed-line 8:3",
                "spdx.invalid-type 9:16",
                "spdx.tag-value.malformed-value 10:18",
                "spdx.tag-value.malformed-value 11:14",
                "spdx.tag-value.malformed-line 12:37",
                "spdx.tag-value.unterminated-text 15:25",
                "spdx.missing-field 1:1",
            ])
        // Lines that cannot be read are skipped with a warning; breaches of the format's rules, and an
        // unclosed block that would swallow the rest of the file, are errors.
        #expect(
            document.diagnostics.filter { $0.severity == .error }.map(\.code) == [
                "spdx.invalid-type", "spdx.tag-value.unterminated-text", "spdx.missing-field",
            ])
        #expect(document.diagnostics.first?.message == "expected 'Tag: value', found 'this line has no tag'; the line is skipped")
        // Reading went on around the bad lines; nothing after the unclosed block is taken for its value.
        #expect(document.components.map(\.name) == ["café-lib", "never-closed"])
        #expect(document.component("SPDXRef-Cafe")?.declaredLicense?.displayText == "MIT")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let text = "SPDXVersion: SPDX-2.3\nPackageName: é\nSPDXID: SPDXRef-É\nPackageLicenseDeclared: MIT\nRelationship: SPDXRef-É DEPENDS_ON SPDXRef-Ü\n"
        let document = try SPDX2Reader.read(tagValue: Array(text.utf8), path: "inline.spdx")
        let dangling = try #require(document.diagnostics("spdx.dangling-reference").first)
        #expect(dangling.location == SourceLocation(file: "inline.spdx", line: 5, column: 15))
        #expect(document.diagnostics("spdx.dangling-reference").count == 1)
    }

    @Test func fileWithoutAnyTagIsRejectedWithItsPosition() throws {
        let notSPDX = SPDXFixtures.path("spdx2/tag-value/not-spdx.txt")
        let error = try #require(throws: InputError.self) {
            try SPDX2Reader.read(tagValue: try SPDXFixtures.bytes(notSPDX), path: notSPDX)
        }
        #expect(error.diagnostic.code == "spdx.tag-value.no-tags")
        #expect(error.diagnostic.location == SourceLocation(file: notSPDX, line: 1, column: 1))
        #expect(throws: InputError.self) { try SPDX2Reader.read(tagValue: [], path: "empty.spdx") }
        let binary = try #require(throws: InputError.self) {
            try SPDX2Reader.read(tagValue: [0x53, 0x50, 0x00, 0x3A, 0x0A], path: "binary.spdx")
        }
        #expect(binary.diagnostic.code == "spdx.tag-value.binary")
    }

    @Test func missingVersionCreatorAndIDsAreErrorsButTheDocumentIsRead() throws {
        let text = "PackageName: anonymous\nPackageLicenseDeclared: MIT\n"
        let document = try SPDX2Reader.read(tagValue: Array(text.utf8), path: "inline.spdx")
        #expect(document.components.map(\.ref) == ["SPDXRef-package-1"])
        #expect(document.components.first?.declaredLicense?.displayText == "MIT")
        #expect(document.diagnostics.map(\.code).sorted() == ["spdx.missing-field", "spdx.missing-field", "spdx.missing-id"])
        #expect(document.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func unknownVersionIsAnErrorAtItsTag() throws {
        let text = "# header\nSPDXVersion: SPDX-9.1\nCreator: Tool: x\n"
        let document = try SPDX2Reader.read(tagValue: Array(text.utf8), path: "inline.spdx")
        #expect(document.diagnostics.map(\.code) == ["spdx.unsupported-version"])
        #expect(document.diagnostics.first?.severity == .error)
        #expect(document.diagnostics.first?.location == SourceLocation(file: "inline.spdx", line: 2, column: 14))
    }

    @Test func tooManyMalformedLinesAreSummarised() throws {
        let text = "SPDXVersion: SPDX-2.3\n" + String(repeating: "garbage\n", count: 80)
        let document = try SPDX2Reader.read(tagValue: Array(text.utf8), path: "inline.spdx")
        let malformed = document.diagnostics("spdx.tag-value.malformed-line")
        #expect(malformed.count == SPDX2TagValueParser.maxReportedMalformedLines + 1)
        #expect(malformed.last?.message == "30 more malformed lines were skipped")
    }
}

/// HARDENING "lose nothing": a damaged tag-value file is an exit-2 error with its line.
@Suite("SPDX 2 tag-value: truncated and mis-encoded files are errors")
struct SPDX2TagValueDamageTests {
    static let head = "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nCreator: Tool: x\n"

    @Test func aLastLineCutInsideATagIsAnError() throws {
        let text = Self.head + "PackageName: parser\nSPDXID: SPDXRef-P1\nPackageLicenseDecl"
        let document = try SPDX2Reader.read(tagValue: Array(text.utf8), path: "cut.spdx")
        let error = try #require(document.diagnostics("spdx.tag-value.truncated").first)
        #expect(error.severity == .error)
        #expect(error.location == SourceLocation(file: "cut.spdx", line: 7, column: 1))
        #expect(error.message.contains("'PackageLicenseDecl'"))
    }

    @Test func aLastLineWithoutALineBreakButWholeIsRead() throws {
        let text = Self.head + "PackageName: parser\nSPDXID: SPDXRef-P1\nPackageLicenseDeclared: MIT"
        let document = try SPDX2Reader.read(tagValue: Array(text.utf8), path: "whole.spdx")
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        #expect(document.component("SPDXRef-P1")?.declaredLicense?.displayText == "MIT")
    }

    @Test func anUnterminatedTextBlockIsAnErrorAtItsTag() throws {
        let text = Self.head + "PackageName: parser\nSPDXID: SPDXRef-P1\nPackageComment: <text>cut off\nPackageName: next\n"
        let document = try SPDX2Reader.read(tagValue: Array(text.utf8), path: "open.spdx")
        let error = try #require(document.diagnostics("spdx.tag-value.unterminated-text").first)
        #expect(error.severity == .error)
        #expect(error.location?.line == 7)
    }

    @Test func invalidUTF8IsAnErrorAtItsLineAndColumn() throws {
        let bytes = Array((Self.head + "PackageName: caf").utf8) + [0xE9] + Array("\nSPDXID: SPDXRef-P1\n".utf8)
        let error = try #require(throws: InputError.self) { try SPDX2Reader.read(tagValue: bytes, path: "latin1.spdx") }
        #expect(error.diagnostic.code == "spdx.tag-value.invalid-utf8")
        #expect(error.diagnostic.location == SourceLocation(file: "latin1.spdx", line: 5, column: 17))
    }
}

/// HARDENING: a document with a UTF-16 byte order mark is transcoded once, strictly, with a warning.
@Suite("UTF-16 inputs with a byte order mark")
struct UTF16InputTests {
    static func utf16(_ text: String, bigEndian: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    static let tagValue = UTF16InputTests.utf16(
        SPDX2TagValueDamageTests.head + "PackageName: parser\nSPDXID: SPDXRef-P1\nPackageLicenseDeclared: GPL-3.0-only\n")
    static let xml = UTF16InputTests.utf16(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
          <components><component type="library"><name>zlib</name><version>1.3</version></component></components>
        </bom>
        """, bigEndian: true)
    static let yaml = UTF16InputTests.utf16(
        "spdxVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\nname: y\ndataLicense: CC0-1.0\ndocumentNamespace: https://example.org/y\n"
            + "creationInfo:\n  created: \"2026-01-05T10:00:00Z\"\n  creators: [\"Tool: x\"]\n"
            + "packages:\n  - SPDXID: SPDXRef-P1\n    name: parser\n    downloadLocation: NOASSERTION\n")

    @Test(arguments: [
        ("tv.spdx", tagValue, InputFormat.spdx2TagValue, "parser"), ("bom.xml", xml, .cycloneDXXML, "zlib"),
        ("doc.spdx.yaml", yaml, .spdx2YAML, "parser"),
    ])
    func isReadAfterTranscodingWithAWarning(path: String, bytes: [UInt8], format: InputFormat, name: String) throws {
        let file = InputLoader().load(bytes: bytes, path: path)
        #expect(file.status == .read)
        #expect(file.format == format)
        #expect(file.document?.components.map(\.name) == [name])
        #expect(file.diagnostics.map(\.code) == ["input.utf16-transcoded"])
        #expect(file.diagnostics.first?.severity == .warning)
        #expect(!file.hasErrors)
    }

    @Test func anUnpairedSurrogateIsAnErrorAtItsPosition() throws {
        var bytes = Self.utf16("SPDXVersion: SPDX-2.3\nPackageName: a")
        bytes += [0x00, 0xDC]  // a low surrogate with no high one before it
        let file = InputLoader().load(bytes: bytes, path: "bad.spdx")
        #expect(file.status == .failed)
        let error = try #require(file.diagnostics.first)
        #expect(error.code == "input.invalid-utf16")
        #expect(error.location == SourceLocation(file: "bad.spdx", line: 2, column: 15))
    }

    @Test func utf16WithoutAMarkIsRefusedAsInvalidUTF8() throws {
        var bytes = Self.utf16("SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n")
        bytes.removeFirst(2)
        let file = InputLoader().load(bytes: bytes, path: "nomark.spdx", explicit: false)
        #expect(file.status == .failed)
        #expect(file.diagnostics.map(\.code) == ["input.invalid-utf8"])
    }
}
