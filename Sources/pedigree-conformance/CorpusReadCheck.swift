import PedigreeCore
import SafeJSON

/// Reads every file of the corpus through the input loader and compares the outcome with the
/// corpus's stated intent (`manifest.json` `status`: valid, lenient, warning, template, invalid, n/a).
///
/// A file counts as rejected when it could not be used or its reader reported an error. Mismatches
/// are a file meant to be usable that was rejected, an invalid file that was accepted, and an invalid
/// CycloneDX test vector rejected without a line and column. Folders without stated intent (`ai/`)
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
                let file = loader.loadFile(path, explicit: explicit)
                let firstError = (file.diagnostics + (file.document?.diagnostics ?? [])).first { $0.severity == .error }
                switch file.status {
                case .skipped: skipped += 1
                case _ where file.hasErrors: rejected += 1
                default: read += 1
                }
                guard let intent else {
                    if let firstError, file.status != .skipped {
                        lines.append("  info: rejected \(relative): [\(firstError.code)] \(firstError.message)")
                    }
                    continue
                }
                let meantUsable = ["valid", "lenient", "warning", "template"].contains(intent.status)
                if meantUsable, file.hasErrors, let firstError {
                    lines.append("  mismatch: \(intent.status) file rejected: \(firstError)")
                } else if intent.status == "invalid", !file.hasErrors {
                    lines.append("  mismatch: invalid file accepted: \(relative) (\(intent.note))")
                } else if intent.status == "invalid", folder.hasPrefix("cyclonedx"), let firstError,
                    !(firstError.location?.hasLineAndColumn ?? false)
                {
                    lines.append("  mismatch: invalid file rejected without a position: \(firstError)")
                }
            }
            let mismatches = lines.filter { $0.hasPrefix("  mismatch") }.count
            if mismatches > 0 { allAgree = false }
            print("\(folder): \(read) read, \(rejected) rejected, \(skipped) skipped (not SBOMs); \(mismatches) mismatches")
            for line in lines { print(line) }
        }
        return allAgree
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
