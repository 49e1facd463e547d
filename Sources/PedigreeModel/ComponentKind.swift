/// What a component is, as the lineage graph needs to know it.
public enum ComponentKind: String, Sendable, Hashable, Codable, CaseIterable {
    case application, library, framework, model, dataset, service, container, file, other

    /// Whether the component is an AI artifact whose license terms are model or data terms.
    public var isAIArtifact: Bool { self == .model || self == .dataset }
}
