import PedigreeEngine
import PedigreeModel

/// Names the component whose license imposes a finding's term when another component must act on it:
/// a derivative's naming or flow-down finding is the derivative's to fix, because of its base model's
/// license (DOMAIN §8.5). Every report says it the same way.
package enum SourceText {
    /// `the license 'L' of 'X'`, or nil when the finding's component holds the term itself.
    ///
    /// The term's license is the first of the finding's licenses (derivative rules name it first).
    static func phrase(_ finding: Finding, name: (ComponentRef) -> String) -> String? {
        guard finding.source != finding.component else { return nil }
        return phrase(license: finding.licenses.first, of: name(finding.source))
    }

    /// `the license 'L' of 'X'` for the term's license `L` of `source`; `the license of 'X'` without one.
    package static func phrase(license: String?, of source: String) -> String {
        guard let license else { return "the license of '\(source)'" }
        return "the license '\(license)' of '\(source)'"
    }
}
