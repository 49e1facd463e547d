#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PedigreeDiagnostics
import Testing

/// The error `SafeFile.read` throws for `path`, or nil when it reads the file.
func readFailure(_ path: String, limits: InputLimits = .default) -> InputError? {
    do {
        _ = try SafeFile.read(path, limits: limits)
        return nil
    } catch {
        return error
    }
}

@Suite("SafeFile opens only regular files, within limits, without following links")
struct SafeFileTests {
    @Test func readsARegularFileExactly() throws {
        let folder = try TemporaryDirectory()
        let content: [UInt8] = Array("{\"bomFormat\": \"CycloneDX\"}\n".utf8) + [0x00, 0xFF, 0xC3, 0xA9]
        let path = try folder.write("bom.json", content)
        #expect(try SafeFile.read(path) == content)
        #expect(SafeFile.entry(at: path) == .regularFile)
    }

    @Test func readsAnEmptyFile() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("empty.json", [])
        #expect(try SafeFile.read(path) == [])
    }

    @Test func fifoIsRefusedWithoutBlocking() throws {
        // Nobody writes to this FIFO: a blocking open or read would hang the test run.
        let folder = try TemporaryDirectory()
        let path = try folder.makeFIFO("pipe.json")
        let error = try #require(readFailure(path))
        #expect(error.diagnostic.code == "input.not-regular-file")
        #expect(error.diagnostic.message == "'\(path)' is a FIFO, expected a regular file")
        #expect(error.diagnostic.location?.file == path)
        #expect(SafeFile.entry(at: path) == .other("FIFO"))
    }

    @Test func symlinkToAFileIsRefused() throws {
        let folder = try TemporaryDirectory()
        let target = try folder.write("real.json", Array("{}".utf8))
        let link = try folder.makeSymlink("link.json", to: target)
        let error = try #require(readFailure(link))
        #expect(error.diagnostic.code == "input.symlink")
        #expect(error.diagnostic.message == "'\(link)' is a symbolic link; pass the file it points to")
        #expect(SafeFile.entry(at: link) == .symlink)
    }

    @Test func danglingSymlinkIsRefusedAsASymlink() throws {
        let folder = try TemporaryDirectory()
        let link = try folder.makeSymlink("dangling.json", to: folder.file("nowhere.json"))
        #expect(readFailure(link)?.diagnostic.code == "input.symlink")
    }

    @Test func missingFileIsNotFound() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("absent.json")
        let error = try #require(readFailure(path))
        #expect(error.diagnostic.code == "input.not-found")
        #expect(error.diagnostic.message == "no such file '\(path)'")
        #expect(SafeFile.entry(at: path) == .missing)
    }

    @Test func directoryIsNotARegularFile() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.makeDirectory("sboms")
        let error = try #require(readFailure(path))
        #expect(error.diagnostic.code == "input.not-regular-file")
        #expect(error.diagnostic.message == "'\(path)' is a directory, expected a regular file")
    }

    @Test func characterDeviceIsNotARegularFile() throws {
        let error = try #require(readFailure("/dev/null"))
        #expect(error.diagnostic.code == "input.not-regular-file")
        #expect(error.diagnostic.message == "'/dev/null' is a character device, expected a regular file")
    }

    @Test func fileOverTheLimitIsRefused() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("big.json", Array(repeating: UInt8(ascii: "x"), count: 100))
        let error = try #require(readFailure(path, limits: InputLimits(maxFileBytes: 99)))
        #expect(error.diagnostic.code == "input.too-large")
        #expect(error.diagnostic.message == "'\(path)' has 100 bytes, more than the limit of 99 bytes")
        #expect(try SafeFile.read(path, limits: InputLimits(maxFileBytes: 100)).count == 100)
    }

    @Test func sizeIsCheckedBeforeReading() throws {
        // A sparse 8 GiB file costs no disk; reading it first would take minutes and 8 GiB of memory.
        let folder = try TemporaryDirectory()
        let path = try folder.write("sparse.json", [])
        #expect(truncate(path, 8 << 30) == 0)
        let error = try #require(readFailure(path))
        #expect(error.diagnostic.code == "input.too-large")
        #expect(error.diagnostic.message.contains("has 8589934592 bytes"))
    }
}

@Suite("SafeFile.regularFiles lists a folder without following links")
struct SafeFileFolderTests {
    @Test func skipsLinksFIFOsAndHiddenEntriesWithWarnings() throws {
        let folder = try TemporaryDirectory()
        try folder.write("top.json", Array("{}".utf8))
        try folder.makeDirectory("a")
        try folder.write("a/x.json", Array("{}".utf8))
        try folder.makeDirectory("a/b")
        try folder.write("a/b/y.spdx.json", Array("{}".utf8))
        // A loop: a/b/up -> .. would make a naive walker descend forever.
        try folder.makeSymlink("a/b/up", to: "..")
        try folder.makeSymlink("a/link.json", to: folder.file("top.json"))
        try folder.makeFIFO("a/pipe.json")
        try folder.makeDirectory(".git")
        try folder.write(".git/config.json", Array("{}".utf8))
        try folder.write(".hidden.json", Array("{}".utf8))

        var diagnostics = DiagnosticCollector()
        let files = SafeFile.regularFiles(under: folder.path, diagnostics: &diagnostics)
        #expect(files == [folder.file("a/b/y.spdx.json"), folder.file("a/x.json"), folder.file("top.json")])

        let warnings = diagnostics.sorted.map { "\($0.severity) \($0.code) \($0.location?.file ?? "")" }
        #expect(warnings == [
            "warning input.symlink-skipped \(folder.file("a/b/up"))",
            "warning input.symlink-skipped \(folder.file("a/link.json"))",
            "warning input.special-file-skipped \(folder.file("a/pipe.json"))",
        ])
        let fifoWarning = try #require(diagnostics.diagnostics.first { $0.code == "input.special-file-skipped" })
        #expect(fifoWarning.message == "skipped '\(folder.file("a/pipe.json"))': a FIFO, not a regular file")
    }

    @Test func folderGivenWithATrailingSlashGivesTheSamePaths() throws {
        let folder = try TemporaryDirectory()
        try folder.write("bom.json", Array("{}".utf8))
        var diagnostics = DiagnosticCollector()
        #expect(SafeFile.regularFiles(under: folder.path + "/", diagnostics: &diagnostics) == [folder.file("bom.json")])
        #expect(diagnostics.count == 0)
    }

    @Test func unreadableFolderIsAWarning() throws {
        let folder = try TemporaryDirectory()
        var diagnostics = DiagnosticCollector()
        let files = SafeFile.regularFiles(under: folder.file("missing"), diagnostics: &diagnostics)
        #expect(files.isEmpty)
        #expect(diagnostics.diagnostics.map(\.code) == ["input.unreadable-directory"])
        #expect(diagnostics.diagnostics.first?.severity == .warning)
    }
}
