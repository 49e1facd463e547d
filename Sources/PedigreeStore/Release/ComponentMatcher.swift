import PedigreeCore

/// What a user's component name (`--component`, `--relabel`, `--derived-from`) may mean: a ref, a
/// purl (with or without version), a Hugging Face id, or a name; matched case-insensitively except refs.
///
/// One matcher serves the SQL narrowing (its identities) and the in-memory graph (its `matches`), so
/// `query`, `impact` and `reaudit` agree on what a name covers.
struct ComponentMatcher: Sendable, Hashable {
    var text: String

    /// The version-free identities the text can stand for (`Fingerprint.identity` values).
    var identities: [String] {
        let lowered = text.lowercased()
        if lowered.hasPrefix("pkg:") { return [Fingerprint.identity(purl: text, name: "")] }
        var keys = [lowered]
        if lowered.contains("/") { keys.append("pkg:huggingface/" + lowered) }
        return keys
    }

    var nameKey: String { text.lowercased() }

    func matches(_ component: Component) -> Bool {
        if component.ref.rawValue == text || component.name.lowercased() == nameKey { return true }
        let identity = Fingerprint.identity(purl: component.purl, name: component.name)
        return identities.contains(identity) || component.purl == text
    }
}

/// Facts laid over a graph before the engine sees it: a relabelled component's concluded license is
/// replaced (rules use the concluded license when it says anything, DOMAIN §8.1).
enum FactOverlay {
    static func apply(_ facts: [LicenseFact], to graph: LineageGraph) -> LineageGraph {
        guard !facts.isEmpty else { return graph }
        let matchers = facts.map { (ComponentMatcher(text: $0.component), $0.license) }
        var changed = false
        let components = graph.components.map { component in
            guard let (_, license) = matchers.last(where: { $0.0.matches(component) }) else { return component }
            changed = true
            var relabelled = component
            relabelled.concludedLicense = LicenseStatement(LicenseText(license, form: .expression))
            return relabelled
        }
        guard changed else { return graph }
        return LineageGraph(components: components, edges: graph.edges, roots: graph.roots.map { graph.components[$0].ref })
    }

    /// The facts that touch at least one component of the graph, sorted, as one digest.
    static func digest(_ facts: [LicenseFact], over graph: LineageGraph) -> String {
        let touching = facts.filter { fact in
            let matcher = ComponentMatcher(text: fact.component)
            return graph.components.contains(where: matcher.matches)
        }
        return SHA256.hex(touching.map { $0.component + "=" + $0.license }.sorted().joined(separator: "\n"))
    }
}
