import Foundation
import PedigreeCore

/// A corpus file kept compressed as upstream ships it (ORT's Yocto SPDX 3 SBOM is `.spdx.json.zst`).
///
/// Pedigree refuses compressed input and names the tool that decompresses it; the runner decompresses
/// with that tool into a temporary folder and reads the result, so the document inside is checked too.
enum CompressedCorpusFile {
    /// What reading the decompressed copy gave, or why there is none.
    enum Outcome {
        case read(LoadedFile)
        case notDecompressed(String)
    }

    static func read(_ path: String, compression: CompressedInput, loader: InputLoader) -> Outcome {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pedigree-conformance-\(ProcessInfo.processInfo.processIdentifier)")
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let output = folder.appendingPathComponent(name).path
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let command = compression.name == "zip" ? "unzip -p" : "\(compression.name) -dc"
            process.arguments = ["-c", "\(command) \"$1\" > \"$2\"", "sh", path, output]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                return .notDecompressed("'\(command)' failed (exit \(process.terminationStatus)); is it installed?")
            }
        } catch {
            return .notDecompressed("cannot run the decompressor: \(error)")
        }
        return .read(loader.loadFile(output, explicit: true))
    }
}
