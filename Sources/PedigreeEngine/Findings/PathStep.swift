import PedigreeModel

/// One hop of a lineage path: a component, and the kind of the edge that leads from it to the next step.
///
/// A path reads from the product down to the component whose term is concerned, so
/// `[app (runs), model (fine-tuned-from), base]` is drawn `app (runs) → model (fine-tuned-from) → base`.
public struct PathStep: Sendable, Hashable, Codable {
    public var ref: ComponentRef
    /// The edge from this step to the next one; nil on the last step.
    public var edge: EdgeKind?
    /// Set when the edge was added by Pedigree to attach a component no path from the product reached.
    public var attached: Bool

    public init(ref: ComponentRef, edge: EdgeKind? = nil, attached: Bool = false) {
        self.ref = ref
        self.edge = edge
        self.attached = attached
    }
}
