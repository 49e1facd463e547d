// pedigree-fuzz: one input through what the CLI does with it, for libFuzzer (`make fuzz`).
//
// Built with `-D PEDIGREE_FUZZ -sanitize=fuzzer,address`, `main` hands over to libFuzzer's driver,
// which calls back for every input; the kind comes from PEDIGREE_FUZZ_KIND. Built normally
// (as `swift build` does for every target), it is a plain tool that runs files of one kind once each,
// so a reproducer can be replayed under the debugger without the sanitizers:
//
//     .build/debug/pedigree-fuzz tag-value crash-1234
import Foundation
import PedigreeCore

/// What one kind of input is read as: the name the bytes are given decides detection where the
/// content cannot (a `.yaml` suffix, `pedigree.yaml`, `README.md`).
enum FuzzKind: String, CaseIterable, Sendable {
    case json, xml, rdf, yaml, manifest, tagValue = "tag-value", card, gguf, policy, expression

    var fileName: String {
        switch self {
        case .json: "fuzz.json"
        case .xml: "fuzz.xml"
        case .rdf: "fuzz.spdx.rdf.xml"
        case .yaml: "fuzz.spdx.yaml"
        case .manifest: "pedigree.yaml"
        case .tagValue: "fuzz.spdx"
        case .card: "README.md"
        case .gguf: "model.gguf"
        case .policy: "policy.yaml"
        case .expression: "expression"
        }
    }
}

enum FuzzTarget {
    /// Runs one input; returns a short summary of what came of it (for the replaying tool).
    @discardableResult
    static func run(_ bytes: [UInt8], kind: FuzzKind) -> String {
        switch kind {
        case .policy:
            do {
                let policy = try PolicyFileReader.parse(bytes, path: kind.fileName)
                return "policy read, \(policy.diagnostics.count) diagnostics"
            } catch {
                return "refused: \(error.diagnostic.code)"
            }
        case .expression:
            do {
                let expression = try LicenseExpressionParser(ids: KnowledgeBase.shared).parse(String(decoding: bytes, as: UTF8.self))
                return "expression \(expression)"
            } catch {
                return "refused: \(error)"
            }
        default:
            return audit(bytes, fileName: kind.fileName)
        }
    }

    /// Detection, reading, merging and an audit, as `pedigree audit FILE` does them.
    static func audit(_ bytes: [UInt8], fileName: String) -> String {
        let inputs = Pipeline.lineage(of: InputLoader().load(contents: [(fileName, bytes)]))
        guard !inputs.hasInputErrors else {
            return "input errors: " + inputs.diagnostics.filter { $0.severity == .error }.map(\.code).joined(separator: ", ")
        }
        let run = Pipeline.audit(AuditRequest(inputs: []), inputs: inputs)
        return "\(run.result.components.count) components, \(run.result.findings.count) findings"
    }
}

#if PEDIGREE_FUZZ
/// The kind every input of this process is read as, from PEDIGREE_FUZZ_KIND (json when unset).
let fuzzKind: FuzzKind = {
    let name = ProcessInfo.processInfo.environment["PEDIGREE_FUZZ_KIND"] ?? "json"
    guard let kind = FuzzKind(rawValue: name) else {
        let known = FuzzKind.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("pedigree-fuzz: unknown PEDIGREE_FUZZ_KIND '\(name)'; expected one of \(known)\n".utf8))
        exit(2)
    }
    return kind
}()

/// libFuzzer's entry for a program that has its own `main` (SwiftPM names the executable's entry point).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@main
enum FuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        // The license knowledge loads on first use; loaded here, it does not count as the first input's time.
        _ = fuzzKind
        _ = KnowledgeBase.shared
        _ = LicenseTextIdentifier.shared
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}

/// One input from libFuzzer; the runtime's own parts also refer to it by this name.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.run(bytes, kind: fuzzKind)
    return 0
}
#else
@main
enum FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2, let kind = FuzzKind(rawValue: arguments[0]) else {
            let known = FuzzKind.allCases.map(\.rawValue).joined(separator: "|")
            print("usage: pedigree-fuzz <\(known)> FILE...  (the fuzzing build is made by 'make fuzz')")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                exit(2)
            }
            print("\(path): \(FuzzTarget.run(Array(data), kind: kind))")
        }
    }
}
#endif
