import PedigreeModel

/// Trove classifiers (`License :: OSI Approved :: MIT License`): the license they name is the last
/// segment; the bare `License :: OSI Approved` grouping names none.
enum PythonClassifier {
    /// The license classifiers the trove list defines without a version: a family, which a short
    /// `License` value (`Apache 2.0`) names more exactly.
    static let unversionedFamilies: Set<String> = [
        "Apache Software License", "BSD License", "GNU General Public License (GPL)",
        "GNU Lesser General Public License (LGPL)", "GNU Library or Lesser General Public License (LGPL)",
        "GNU Affero General Public License (AGPL)", "GNU Free Documentation License (FDL)",
        "Mozilla Public License (MPL)", "Academic Free License (AFL)", "Artistic License",
    ]

    static func licenseName(_ classifier: String) -> String? {
        let segments = classifier.split(separator: "::", omittingEmptySubsequences: false).map { String($0.trimmingCharacters) }
        guard segments.first == "License", segments.count > 1, segments != ["License", "OSI Approved"],
            let last = segments.last, !last.isEmpty
        else { return nil }
        return last
    }

    /// Several license classifiers are PyPI's list, which the license layer reads as a choice.
    static func statement(_ parts: [LicenseText]) -> LicenseStatement {
        guard parts.count > 1 else { return LicenseStatement(parts) }
        return LicenseStatement(parts, isAmbiguousList: true, list: LicenseListEvidence(origin: .pypiClassifiers, packageType: "pypi"))
    }
}
