import PedigreeLicenses
import PedigreeModel

/// A component's own license as the rules see it: what was read, and the alternative in force.
struct ComponentLicense: Sendable {
    /// The statement read (concluded if usable, else declared; the product license for a bare root).
    var statement: LicenseStatement?
    var reading: LicenseReading?
    /// Alternatives of the expression (one unless it has `OR`), as license-table indices: with several,
    /// what each adds to `shared`.
    var alternatives: [[Int]] = []
    /// The licenses every alternative holds, when there are several alternatives (kept once, not per alternative).
    var shared: [Int] = []
    var alternativeTexts: [String] = []
    var chosen: Int = 0
    /// Whether the root's license came from the product context rather than the component.
    var fromProductContext = false
    var truncatedAlternatives = false

    /// The licenses in force (known and unknown).
    var atoms: [Int] {
        guard !alternatives.isEmpty else { return [] }
        return shared.isEmpty ? alternatives[chosen] : alternatives[chosen] + shared
    }

    /// Nothing usable was stated: missing, empty, NOASSERTION, NONE or unreadable.
    var isMissing: Bool { reading?.expression == nil }

    var expressionText: String? { reading?.expression?.description }
}
