/// What the generated data file adds to the knowledge base: entries decided by rule, other names of
/// licenses, and the groups that `gplCompatibility` lists may refer to as `@name`.
public struct GeneratedLicenses: Sendable {
    public var entries: [LicenseEntry]
    /// Other names of licenses (`LicenseRef-scancode-gpl-2.0` -> `GPL-2.0-only`).
    public var aliases: [String: String]
    /// Group name -> the licenses that may absorb a license naming the group.
    public var groups: [String: [String]]

    public init(entries: [LicenseEntry] = [], aliases: [String: String] = [:], groups: [String: [String]] = [:]) {
        self.entries = entries
        self.aliases = aliases
        self.groups = groups
    }

    /// The entry with each `@group` of its `gplCompatibility` replaced by the group's members.
    ///
    /// An entry without group references is returned unchanged, so its list keeps its own storage;
    /// entries naming the same single group share the group's array.
    func expandingGroups(in entry: LicenseEntry) -> LicenseEntry {
        let list = entry.terms.gplCompatibility
        guard list.contains(where: { $0.hasPrefix("@") }) else { return entry }
        var expanded = entry
        if list.count == 1, let members = groups[String(list[0].dropFirst())] {
            expanded.terms.gplCompatibility = members
            return expanded
        }
        var result: [String] = []
        for item in list {
            if item.hasPrefix("@") {
                for member in groups[String(item.dropFirst())] ?? [] where !result.contains(member) { result.append(member) }
            } else if !result.contains(item) {
                result.append(item)
            }
        }
        expanded.terms.gplCompatibility = result
        return expanded
    }
}
