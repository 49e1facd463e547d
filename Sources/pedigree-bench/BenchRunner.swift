#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parent side of `make bench`: prepares fixtures, starts one child per case, prints the table.
enum BenchRunner {
    static let resultMarker = "pedigree-bench-result"

    struct Row {
        var benchCase: BenchCase
        var result: BenchResult?
        var peakResidentBytes: Int?
        var failure: String?
    }

    /// Runs the cases whose names contain one of `filters` (all when empty); returns the exit status.
    /// `workDirectory`, when given, holds the fixtures and is kept; otherwise a temporary one is used.
    static func runAll(filters: [String], workDirectory kept: String? = nil) -> Int32 {
        let selected = BenchRegistry.cases.filter { benchCase in
            filters.isEmpty || filters.contains { benchCase.name.contains($0) }
        }
        guard !selected.isEmpty else {
            print("pedigree-bench: no case matches \(filters.joined(separator: " ")); cases:")
            for benchCase in BenchRegistry.cases { print("  \(benchCase.name)") }
            return 64
        }
        print("pedigree-bench  \(MachineInfo.summary)")
        guard let workDirectory = kept ?? makeWorkDirectory() else {
            print("pedigree-bench: cannot create a temporary folder")
            return 1
        }
        defer { if kept == nil { removeWorkDirectory(workDirectory) } }
        let context = BenchContext(workDirectory: workDirectory)

        var rows: [Row] = []
        for benchCase in selected {
            do {
                if let note = try benchCase.prepare?(context) { print(note) }
            } catch {
                rows.append(Row(benchCase: benchCase, failure: "prepare failed: \(error)"))
                continue
            }
            rows.append(runChild(benchCase, context: context))
        }
        for benchCase in selected { benchCase.finish?(context) }
        BenchTable.print(rows)
        return rows.contains { $0.failure != nil } ? 1 : 0
    }

    static func runChild(_ benchCase: BenchCase, context: BenchContext) -> Row {
        let child: ChildProcess
        do {
            child = try ChildProcess.run(arguments: ["--case", benchCase.name, "--work", context.workDirectory])
        } catch {
            return Row(benchCase: benchCase, failure: "\(error)")
        }
        let line = child.output.split(separator: "\n").last { $0.hasPrefix(resultMarker) }
        guard child.exitStatus == 0, let line, let result = decode(String(line)) else {
            let message = child.output.split(separator: "\n").last.map(String.init) ?? ""
            return Row(benchCase: benchCase, failure: "exit \(child.exitStatus) \(message)")
        }
        let reported = decodePeak(String(line))
        return Row(benchCase: benchCase, result: result, peakResidentBytes: reported ?? child.peakResidentBytes)
    }

    /// The child's side: runs one case and prints its result line.
    static func runChild(named name: String, workDirectory: String) -> Int32 {
        guard let benchCase = BenchRegistry.cases.first(where: { $0.name == name }) else {
            print("unknown case '\(name)'")
            return 64
        }
        do {
            let result = try benchCase.run(BenchContext(workDirectory: workDirectory))
            var fields = [resultMarker, "best=\(result.bestSeconds)", "runs=\(result.runs)"]
            if let bytes = result.bytes { fields.append("bytes=\(bytes)") }
            if let peak = Stopwatch.peakResidentBytes() { fields.append("peak=\(peak)") }
            fields.append("detail=" + result.detail.filter { $0 != "\t" && $0 != "\n" })
            print(fields.joined(separator: "\t"))
            return 0
        } catch {
            print("failed: \(error)")
            return 1
        }
    }

    static func fields(_ line: String) -> [String: String] {
        var fields: [String: String] = [:]
        for field in line.split(separator: "\t").dropFirst() {
            guard let equals = field.firstIndex(of: "=") else { continue }
            fields[String(field[..<equals])] = String(field[field.index(after: equals)...])
        }
        return fields
    }

    static func decode(_ line: String) -> BenchResult? {
        let fields = fields(line)
        guard let best = fields["best"].flatMap(Double.init), let runs = fields["runs"].flatMap(Int.init) else {
            return nil
        }
        return BenchResult(
            bestSeconds: best, runs: runs, bytes: fields["bytes"].flatMap(Int.init), detail: fields["detail"] ?? "")
    }

    static func decodePeak(_ line: String) -> Int? { fields(line)["peak"].flatMap(Int.init) }

    static func makeWorkDirectory() -> String? {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/pedigree-bench.XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            guard let address = buffer.baseAddress else { return nil }
            return mkdtemp(address).map { String(cString: $0) }
        }
    }

    /// Removes the fixtures the cases wrote (plain files, one level) and the folder.
    static func removeWorkDirectory(_ path: String) {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
