#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PedigreeDiagnostics
@testable import SafeXML
import Testing

/// libxml2 writes errors to stderr unless told otherwise; Pedigree's output must stay its own.
@Suite(.serialized) struct XMLStandardErrorTests {
    /// Malformed documents that get past the byte checks and fail inside libxml2, each through a
    /// different error path (parser, namespace, character reference, entity, end of input).
    static let malformed = [
        "<a>\n  <b></c>\n</a>",
        "<a><x:b/></a>",
        "<a>&#0;</a>",
        "<a>&nbsp;</a>",
        "<a x='1' x='2'/>",
        "<a>\u{1}</a>",
        "<a><b attr='1'",
        "<?xml version='1.0'?><!-- no root -->",
        "<a/><b/>",
        "<a>" + String(repeating: "x", count: 11 << 20) + "</a>",
    ]

    @Test func malformedDocumentsWriteNothingToStandardError() throws {
        let marker = "pedigree-stderr-capture-check"
        var codes: [String] = []
        let captured = try Self.capturingStandardError {
            for document in Self.malformed {
                do throws(InputError) {
                    _ = try XMLParser.parse(Array(document.utf8), file: "m.xml")
                } catch {
                    codes.append(error.diagnostic.code)
                }
            }
            _ = marker.withCString { write(2, $0, strlen($0)) }
        }
        #expect(codes.count == Self.malformed.count)
        #expect(codes.last == "xml.string-too-long")
        // The marker proves the capture works; other suites may print meanwhile, so look for
        // libxml2's own output only.
        #expect(captured.contains(marker))
        for fragment in ["parser error", "namespace error", "error :", "Entity:", "^"] {
            #expect(!captured.contains(fragment), "libxml2 wrote to stderr: \(captured)")
        }
    }

    /// libxml2 reports failed encoding conversions through its per-thread generic error channel,
    /// not the reader's handler. `XMLParser` refuses such documents before libxml2 sees them, so
    /// the tree builder is called directly to show that the channel is silenced as well.
    @Test func encodingConversionErrorsBehindThePrescanWriteNothing() throws {
        let declaration = "<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<a>"
        let document = Array(declaration.utf8) + [0xFF, 0xFF] + Array("</a>".utf8)
        #expect(XMLTestSupport.refusal(document)?.code == "xml.invalid-utf8")
        var diagnostic: Diagnostic?
        let captured = try Self.capturingStandardError {
            var builder = XMLTreeBuilder(
                bytes: document, file: "euc.xml", limits: .default, summary: XMLPrescan.Summary(hasStartTag: true))
            do throws(InputError) {
                _ = try builder.build()
            } catch {
                diagnostic = error.diagnostic
            }
        }
        #expect(diagnostic?.code == "xml.syntax")
        #expect(diagnostic?.location?.line == 2)
        for fragment in ["encoding error", "I/O error", "encoder error"] {
            #expect(!captured.contains(fragment), "libxml2 wrote to stderr: \(captured)")
        }
    }

    /// Runs `body` with file descriptor 2 redirected to a temporary file and returns what was written.
    ///
    /// A file rather than a pipe: a pipe nobody reads blocks a writer once 64 KiB wait in it, and
    /// other suites may write failures meanwhile. What was captured is written back to the real
    /// stderr afterwards, so their output is not lost.
    static func capturingStandardError(_ body: () throws -> Void) throws -> String {
        var template = Array("/tmp/pedigree-stderr-XXXXXX".utf8CString)
        let capture = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        try #require(capture >= 0)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        defer { close(capture) }
        let saved = dup(2)
        try #require(saved >= 0)
        try #require(dup2(capture, 2) == 2)
        var failure: (any Error)?
        do { try body() } catch { failure = error }
        dup2(saved, 2)
        close(saved)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(capture, $0.baseAddress, $0.count, offset) }
            if count <= 0 { break }
            output += chunk[0..<count]
            offset += off_t(count)
        }
        _ = output.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        if let failure { throw failure }
        return String(decoding: output, as: UTF8.self)
    }
}
