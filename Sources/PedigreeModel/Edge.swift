import PedigreeDiagnostics

/// A typed relationship: `from` uses or derives from `to`.
public struct Edge: Sendable, Hashable, Codable {
    public var from: ComponentRef
    public var to: ComponentRef
    public var kind: EdgeKind
    /// The relationship as the input named it (`DESCENDANT_OF`, `pedigree.ancestors`…), for explanations.
    public var statedAs: String?
    public var location: SourceLocation?
    public var origin: Origin?

    public init(
        from: ComponentRef, to: ComponentRef, kind: EdgeKind, statedAs: String? = nil,
        location: SourceLocation? = nil, origin: Origin? = nil
    ) {
        self.from = from
        self.to = to
        self.kind = kind
        self.statedAs = statedAs
        self.location = location
        self.origin = origin
    }
}
