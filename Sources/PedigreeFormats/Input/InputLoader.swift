import PedigreeDiagnostics
import PedigreeModel

/// What became of one input file.
public struct LoadedFile: Sendable {
    public enum Status: String, Sendable, Hashable {
        /// Read into a document (which may still carry error diagnostics).
        case read
        /// Found in a folder but not an SBOM: left out with a note.
        case skipped
        /// Could not be used: unreadable, unparsable, or of no format this build reads.
        case failed
    }

    public var path: String
    public var status: Status
    /// The detected format, when one was recognised.
    public var format: InputFormat?
    public var document: SBOMDocument?
    /// What the loader itself said about the file (skips, parse errors); the document's own
    /// diagnostics stay in `document.diagnostics`.
    public var diagnostics: [Diagnostic]

    /// Whether the file could not be used, or its reader found content errors (e.g. schema breaches).
    public var hasErrors: Bool {
        status == .failed || diagnostics.contains { $0.severity == .error }
            || (document?.diagnostics.contains { $0.severity == .error } ?? false)
    }
}

/// Every input of a run, in the order given (folders expanded in sorted order).
public struct LoadResult: Sendable {
    public var files: [LoadedFile]
    /// Diagnostics not about one file's content: missing inputs, skipped symlinks, unreadable folders.
    public var diagnostics: [Diagnostic]

    public var documents: [SBOMDocument] { files.compactMap(\.document) }

    /// The loader's and the readers' diagnostics together, in input order.
    public var allDiagnostics: [Diagnostic] {
        var result = diagnostics
        for file in files {
            result += file.diagnostics
            result += file.document?.diagnostics ?? []
        }
        return result
    }

    /// Whether any input could not be used or broke its format's rules (exit code 2 for the CLI).
    public var hasInputErrors: Bool {
        diagnostics.contains { $0.severity == .error } || files.contains(where: \.hasErrors)
    }
}

/// Turns the paths a user names into documents: lists folders, reads files safely, detects each
/// format by content and hands it to that format's reader.
///
/// A file named explicitly must be usable (anything else is an error); a file found in a folder that
/// is not an SBOM at all (a `.py`, a `.png`, a `LICENSE`) is skipped with a note. An error in one
/// file never stops the others. A manifest's `include` entries are loaded after it, once each.
public struct InputLoader: Sendable {
    public var limits: InputLimits
    public var readers: [InputFormat: FormatReader]

    public init(limits: InputLimits = .default, readers: [InputFormat: FormatReader] = FormatReader.all) {
        self.limits = limits
        self.readers = readers
    }

    /// Loads files and folders.
    ///
    /// - Complexity: linear in the total size of the inputs.
    public func load(_ paths: [String]) -> LoadResult {
        var collector = DiagnosticCollector()
        var files: [LoadedFile] = []
        var seen: Set<String> = []
        var pending: [(path: String, explicit: Bool)] = []
        for path in paths { pending += expand(path, diagnostics: &collector) }
        let repositoryFolders = Set(pending.map(\.path).filter { HubREADME.isRepositoryFile(Self.fileName($0)) }.map(HubREADME.folder))
        var index = 0
        while index < pending.count {
            let (path, explicit) = pending[index]
            index += 1
            let key = Self.normalized(path)
            guard seen.insert(key).inserted else { continue }
            let readmeIsCard =
                explicit
                ? HubREADME.isNamedCard(path)
                : HubREADME.hasHubPath(path) || repositoryFolders.contains(HubREADME.folder(of: path))
            let file = loadFile(path, explicit: explicit, readmeIsCard: readmeIsCard)
            files.append(file)
            if let includes = file.document?.manifest?.includes {
                for include in includes { pending += expand(include, diagnostics: &collector) }
            }
        }
        readBareCardsBesideCards(&files)
        let limits = limits
        ProjectJoin.join(&files) { try? SafeFile.read(Self.contentPath($0), limits: limits) }
        LicenseTextFiles.read(&files) { try? SafeFile.read(Self.contentPath($0), limits: limits) }
        var loaded = Self.applyingManifestIDs(files)
        Self.flagInputsWithoutComponents(&loaded)
        return LoadResult(files: loaded, diagnostics: collector.diagnostics)
    }

    /// Reads files whose bytes the caller already holds (a portfolio store keeps them), in order, as
    /// `load(_:)` read them; includes are not followed, since the files they named are among them.
    public func load(contents: [(path: String, bytes: [UInt8])]) -> LoadResult {
        var files = contents.map { load(bytes: $0.bytes, path: $0.path) }
        let stored = Dictionary(contents.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        ProjectJoin.join(&files) { stored[$0] }
        LicenseTextFiles.read(&files) { stored[$0] }
        var loaded = Self.applyingManifestIDs(files)
        Self.flagInputsWithoutComponents(&loaded)
        return LoadResult(files: loaded, diagnostics: [])
    }

    /// A README without front matter found in a folder of cards (`<root>/<org>/<name>/README.md`
    /// beside others with front matter) is a card that states nothing, not a skipped file.
    private func readBareCardsBesideCards(_ files: inout [LoadedFile]) {
        let cardsFolders = Set(files.filter { $0.format == .huggingFaceCard }.compactMap { HubREADME.cardsFolder(of: $0.path) })
        guard !cardsFolders.isEmpty else { return }
        for index in files.indices where files[index].status == .skipped && HubREADME.isREADME(files[index].path) {
            guard let folder = HubREADME.cardsFolder(of: files[index].path), cardsFolders.contains(folder),
                HubREADME.isNamedCard(files[index].path)
            else { continue }
            files[index] = loadFile(files[index].path, explicit: false, readmeIsCard: true)
        }
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// A manifest may name the repository of a card read before it (`components[].card`).
    private static func applyingManifestIDs(_ loaded: [LoadedFile]) -> [LoadedFile] {
        var files = loaded
        for manifest in files.compactMap({ $0.document?.manifest }) where !manifest.huggingFaceIDs.isEmpty {
            for index in files.indices {
                files[index].document = files[index].document.map { manifest.applyingHuggingFaceIDs(to: $0) }
            }
        }
        return files
    }

    /// An input that was read but yields no component is never a silent pass: an error naming the
    /// file when no other input supplied components (the audit would be of nothing), else a warning.
    ///
    /// Decisions: a manifest states context and includes, so it may hold no component of its own;
    /// it is flagged only when every input read is such a manifest.
    static func flagInputsWithoutComponents(_ files: inout [LoadedFile]) {
        let read = files.indices.filter { files[$0].status == .read && files[$0].document != nil }
        let empty = read.filter { files[$0].document?.components.isEmpty ?? false }
        guard !empty.isEmpty else { return }
        let anyComponents = empty.count < read.count
        let onlyManifests = read.allSatisfy { files[$0].format == .manifest }
        for index in empty where files[index].format != .manifest || onlyManifests {
            let file = files[index]
            let what = file.format.map { "the \($0.displayName) document" } ?? "the document"
            let at = SourceLocation(file: file.path, line: 0, column: 0)
            if anyComponents {
                files[index].diagnostics.append(
                    .warning("input.no-components", "\(what) that yields no component; the other inputs are audited", at: at))
            } else {
                files[index].diagnostics.append(
                    .error(
                        "input.no-components",
                        "\(what) that yields no component, and no other input supplies one; expected at least one package, component or model",
                        at: at))
            }
        }
    }

    /// Reads and detects one file from disk.
    /// - Parameter readmeIsCard: whether a `README.md` without front matter is a card that states
    ///   nothing, because where it lies says so (`HubREADME`).
    public func loadFile(_ path: String, explicit: Bool = true, readmeIsCard: Bool = false) -> LoadedFile {
        do {
            let bytes = try SafeFile.read(Self.contentPath(path), limits: limits)
            return load(bytes: bytes, path: path, explicit: explicit, readmeIsCard: readmeIsCard)
        } catch {
            if error.diagnostic.code == "input.too-large", let header = loadModelHeader(path, explicit: explicit) { return header }
            return LoadedFile(path: path, status: .failed, format: nil, document: nil, diagnostics: [error.diagnostic])
        }
    }

    /// Where a file's bytes are: the blob a Hub cache snapshot links to, else the file itself (whose
    /// path, never the blob's, names the input, so the snapshot's layout gives the repository).
    static func contentPath(_ path: String) -> String {
        HubCacheFolder.linkedFile(path) ?? path
    }

    /// How much of a GGUF file larger than the input limit is read: its metadata (a 256k-token
    /// vocabulary takes a few MiB) must fit, its tensors are never needed.
    public static let modelHeaderBytes = 64 << 20

    /// Reads a GGUF file larger than the input limit by its first bytes only; `nil` for other files.
    private func loadModelHeader(_ path: String, explicit: Bool) -> LoadedFile? {
        guard let magic = try? SafeFile.read(Self.contentPath(path), firstBytes: 4), GGUFReader.recognizes(prefix: magic) else { return nil }
        let budget = min(limits.maxFileBytes, Self.modelHeaderBytes)
        do {
            var file = load(bytes: try SafeFile.read(Self.contentPath(path), firstBytes: budget), path: path, explicit: explicit)
            // Running out of bytes shows as a truncation or as a length larger than what is left.
            if file.status == .failed, file.diagnostics.first?.code.hasPrefix("gguf.") == true {
                file.diagnostics[0].notes.append("only the first \(budget) bytes of this larger file were read; its metadata must fit in them")
            }
            return file
        } catch {
            return LoadedFile(path: path, status: .failed, format: .gguf, document: nil, diagnostics: [error.diagnostic])
        }
    }

    /// Detects and reads bytes as if they were the file at `path`.
    ///
    /// - Parameter explicit: whether the user named the file (an unrecognised one is then an error)
    ///   rather than it being found in a folder (then it is skipped with a note).
    public func load(bytes: [UInt8], path: String, explicit: Bool = true, readmeIsCard: Bool = false) -> LoadedFile {
        guard let order = UTF16Input.byteOrderMark(bytes) else {
            return detectAndRead(bytes, path: path, explicit: explicit, readmeIsCard: readmeIsCard)
        }
        let utf8: [UInt8]
        do {
            utf8 = try UTF16Input.transcode(bytes, order: order, path: path)
        } catch {
            return LoadedFile(path: path, status: .failed, format: nil, document: nil, diagnostics: [error.diagnostic])
        }
        var file = detectAndRead(utf8, path: path, explicit: explicit, readmeIsCard: readmeIsCard)
        if file.status != .skipped { file.diagnostics.insert(UTF16Input.transcodedNote(order: order, path: path), at: 0) }
        return file
    }

    /// Detects the format of UTF-8 (or binary) bytes and hands them to its reader.
    private func detectAndRead(_ bytes: [UInt8], path: String, explicit: Bool, readmeIsCard: Bool) -> LoadedFile {
        let fileStart = SourceLocation(file: path, line: 0, column: 0)
        let detection: FormatDetector.Detection
        do {
            detection = try FormatDetector.detect(bytes, path: path, limits: limits)
        } catch {
            if explicit || FormatDetector.looksLikeSBOM(bytes, path: path) {
                return LoadedFile(path: path, status: .failed, format: nil, document: nil, diagnostics: [error.diagnostic])
            }
            let note = Diagnostic.note(
                "input.skipped", "skipped: not an SBOM (\(error.diagnostic.message))", at: fileStart)
            return LoadedFile(path: path, status: .skipped, format: nil, document: nil, diagnostics: [note])
        }
        switch detection {
        case .notAnSBOM(let what):
            if readmeIsCard, HubREADME.isREADME(path) {
                do {
                    let document = try HuggingFaceCardReader.read(markdown: bytes, path: path, frontMatterOptional: true, limits: limits)
                    return LoadedFile(path: path, status: .read, format: .huggingFaceCard, document: document, diagnostics: [])
                } catch {
                    return LoadedFile(path: path, status: .failed, format: .huggingFaceCard, document: nil, diagnostics: [error.diagnostic])
                }
            }
            if explicit {
                let error = Diagnostic.error(
                    "input.unrecognized-format",
                    "not a format Pedigree reads: \(what); expected CycloneDX, SPDX, a Hugging Face card, an adapter config, GGUF or pedigree.yaml",
                    at: fileStart)
                return LoadedFile(path: path, status: .failed, format: nil, document: nil, diagnostics: [error])
            }
            let note = Diagnostic.note("input.skipped", "skipped: \(what), not an SBOM", at: fileStart)
            return LoadedFile(path: path, status: .skipped, format: nil, document: nil, diagnostics: [note])
        case .misplaced(let misplaced):
            if explicit {
                let error = Diagnostic.error(
                    misplaced.code, "this is \(misplaced.description), not an SBOM or model card; \(misplaced.hint)", at: fileStart)
                return LoadedFile(path: path, status: .failed, format: nil, document: nil, diagnostics: [error])
            }
            let note = Diagnostic.note("input.skipped", "skipped: \(misplaced.description), not an SBOM", at: fileStart)
            return LoadedFile(path: path, status: .skipped, format: nil, document: nil, diagnostics: [note])
        case .compressed(let compression):
            return LoadedFile(
                path: path, status: explicit ? .failed : .skipped, format: nil, document: nil,
                diagnostics: [Self.compressedDiagnostic(compression, path: path, explicit: explicit)])
        case .format(let format, let input):
            guard let reader = readers[format] else {
                let error = Diagnostic.error(
                    "input.unrecognized-format",
                    "detected \(format.displayName), which this build cannot read yet", at: fileStart)
                return LoadedFile(path: path, status: .failed, format: format, document: nil, diagnostics: [error])
            }
            do {
                let document = try reader.read(input, path, limits)
                return LoadedFile(path: path, status: .read, format: format, document: document, diagnostics: [])
            } catch {
                return LoadedFile(path: path, status: .failed, format: format, document: nil, diagnostics: [error.diagnostic])
            }
        }
    }

    /// A compressed input is an error when named, a warning in a folder when its name without the
    /// compression's suffix is an SBOM's (`bom.spdx.json.zst`), else a note.
    private static func compressedDiagnostic(_ compression: CompressedInput, path: String, explicit: Bool) -> Diagnostic {
        let fileStart = SourceLocation(file: path, line: 0, column: 0)
        let what = "a \(compression.name)-compressed file (starts with \(compression.magicDescription))"
        let hint = "decompress it (\(compression.decompression(of: path))) and audit the result"
        if explicit {
            return .error("input.compressed", "\(what); Pedigree reads no compressed input: \(hint)", at: fileStart)
        }
        let inner = path.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        if !inner.isEmpty, FormatDetector.looksLikeSBOM([], path: inner) {
            return .warning("input.compressed", "skipped: \(what) named like an SBOM; \(hint)", at: fileStart)
        }
        return .note("input.skipped", "skipped: \(what), not an SBOM", at: fileStart)
    }

    /// A file stays itself; a folder becomes its regular files (symlinks skipped with a warning).
    private func expand(_ path: String, diagnostics: inout DiagnosticCollector) -> [(path: String, explicit: Bool)] {
        switch SafeFile.entry(at: path) {
        case .directory:
            return ProjectFolderWalk.files(under: path, diagnostics: &diagnostics).map { ($0, false) }
        default:
            // Files, and everything SafeFile.read refuses with a precise error (missing, symlink, FIFO).
            return [(path, true)]
        }
    }

    private static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." { parts.append(part) }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
