/// A corpus vector its suite calls invalid that Pedigree reads on purpose, because nothing it breaks
/// is a license fact Pedigree would lose; the warnings it must raise show that the breakage was seen.
///
/// An invalid vector read without one of `requiredWarnings`, or one listed here that is refused, is
/// a mismatch: the note no longer describes what Pedigree does.
struct LenientReading {
    /// The end of the vector's corpus path.
    var pathSuffix: String
    var reason: String
    var requiredWarnings: [String]

    static let documented: [LenientReading] = [
        LenientReading(
            pathSuffix: "invalid/spdx-trivy-vmware_log-intelligence-fluentd-sha256_"
                + "086af034f561f343f633be9d9f9e95f65ae6c61b8ddb2c6755ef5bb25b40f53a.json",
            reason: "spdx-tools refuses it for SPDX 2.3 rules that state no license (a 'created' with microseconds, "
                + "packages without the mandatory downloadLocation) and for license fields that are no expressions "
                + "('MIT, BSD-3-Clause', free text); Pedigree reads the licenses as stated and flags each one "
                + "(license.ambiguous, license.unrecognised) in the audit",
            requiredWarnings: ["spdx.invalid-timestamp"]),
    ]

    static func documented(for relative: String) -> LenientReading? {
        documented.first { relative.hasSuffix($0.pathSuffix) }
    }
}
