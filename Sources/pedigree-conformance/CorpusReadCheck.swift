import PedigreeCore
import SafeJSON

/// Reads every file of the corpus through the input loader and compares the outcome with the
/// corpus's stated intent (`manifest.json` `status`: valid, lenient, warning, template, invalid, n/a).
///
/// A file counts as rejected when it could not be used or its reader reported an error. Mismatches
/// are a file meant to be usable that was rejected, an invalid file that was accepted, and an invalid
/// CycloneDX test vector rejected without a line and column; an invalid vector Pedigree reads on
/// purpose is listed with its reason (`LenientReading`). A compressed file is refused, then its
/// decompressed content is judged (`CompressedCorpusFile`). Folders without stated intent (`ai/`)
/// are counted and their rejections listed for information.
struct CorpusReadCheck: ConformanceCheck {
    let title = "read every corpus file (N read, M rejected per folder)"

    func run(corpus: String) -> Bool {
        let intents = loadIntents(corpus: corpus)
        let loader = InputLoader()
        var allAgree = true
        var folderDiagnostics = DiagnosticCollector()
        var folders = SafeFile.regularFiles(under: corpus, diagnostics: &folderDiagnostics)
            .map { String($0.dropFirst(corpus.count).drop(while: { $0 == "/" })) }
        folders = folders.filter { $0.contains("/") }
        var byFolder: [String: [String]] = [:]
        for file in folders {
            let folder = String(file.prefix(while: { $0 != "/" }))
            byFolder[folder, default: []].append(file)
        }
        for folder in byFolder.keys.sorted() {
            var read = 0
            var rejected = 0
            var skipped = 0
            var lines: [String] = []
            for relative in byFolder[folder] ?? [] {
                let intent = intents[relative]
                let path = corpus.hasSuffix("/") ? corpus + relative : corpus + "/" + relative
                // Files that are not SBOMs (license data, schemas) are loaded as a folder would be.
                let explicit = intent.map { $0.status != "n/a" } ?? false
                var file = loader.loadFile(path, explicit: explicit)
                if file.status == .failed, file.format == nil,
                    let compression = (try? SafeFile.read(path)).flatMap(CompressedInput.detect)
                {
                    switch CompressedCorpusFile.read(path, compression: compression, loader: loader) {
                    case .read(let decompressed):
                        lines.append("  compressed: \(relative) (\(compression.name)) refused, its content read after decompressing")
                        file = decompressed
                    case .notDecompressed(let why):
                        lines.append("  compressed: \(relative) (\(compression.name)) refused, content not checked: \(why)")
                        rejected += 1
                        continue
                    }
                }
                switch file.status {
                case .skipped: skipped += 1
                case _ where file.hasErrors: rejected += 1
                default: read += 1
                }
                if let line = judge(file, relative: relative, intent: intent, folder: folder) { lines.append(line) }
            }
            let mismatches = lines.filter { $0.hasPrefix("  mismatch") }.count
            if mismatches > 0 { allAgree = false }
            print("\(folder): \(read) read, \(rejected) rejected, \(skipped) skipped (not SBOMs); \(mismatches) mismatches")
            for line in lines { print(line) }
        }
        return allAgree
    }

    /// The line a file's outcome earns: a mismatch with the corpus's intent, a documented lenient
    /// reading, or (for files without intent) the reason it was rejected.
    private func judge(_ file: LoadedFile, relative: String, intent: Intent?, folder: String) -> String? {
        let diagnostics = file.diagnostics + (file.document?.diagnostics ?? [])
        let firstError = diagnostics.first { $0.severity == .error }
        guard let intent else {
            guard let firstError, file.status != .skipped else { return nil }
            return "  info: rejected \(relative): [\(firstError.code)] \(firstError.message)"
        }
        let meantUsable = ["valid", "lenient", "warning", "template"].contains(intent.status)
        if meantUsable, file.hasErrors, let firstError {
            return "  mismatch: \(intent.status) file rejected: \(firstError)"
        }
        if intent.status == "invalid", let lenient = LenientReading.documented(for: relative) {
            let raised = Set(diagnostics.filter { $0.severity == .warning }.map(\.code))
            let missing = lenient.requiredWarnings.filter { !raised.contains($0) }
            if file.hasErrors || !missing.isEmpty {
                let what = file.hasErrors ? "refused" : "read without \(missing.joined(separator: ", "))"
                return "  mismatch: invalid file documented as read leniently was \(what): \(relative)"
            }
            return "  lenient (documented): \(relative): \(lenient.reason)"
        }
        if intent.status == "invalid", !file.hasErrors {
            return "  mismatch: invalid file accepted: \(relative) (\(intent.note))"
        }
        if intent.status == "invalid", folder.hasPrefix("cyclonedx"), let firstError,
            !(firstError.location?.hasLineAndColumn ?? false)
        {
            return "  mismatch: invalid file rejected without a position: \(firstError)"
        }
        return nil
    }

    private struct Intent {
        var status: String
        var note: String
    }

    /// `dest` → intent, from the corpus's `manifest.json`.
    private func loadIntents(corpus: String) -> [String: Intent] {
        let path = corpus.hasSuffix("/") ? corpus + "manifest.json" : corpus + "/manifest.json"
        guard let bytes = try? SafeFile.read(path), let manifest = try? JSONParser.parse(bytes, file: path),
            let entries = manifest.array
        else {
            print("corpus: no readable manifest.json; intents unknown")
            return [:]
        }
        var result: [String: Intent] = [:]
        for entry in entries {
            guard let dest = entry["dest"]?.string, let status = entry["status"]?.string else { continue }
            result[dest] = Intent(status: status, note: entry["note"]?.string ?? "")
        }
        return result
    }
}
