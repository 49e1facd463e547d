/// A term of one component's own license that reaches a product root, with the path that carries it.
struct RootReach: Sendable {
    var license: Int
    /// The aspect as it arrives at the root.
    var aspect: Aspect
    /// The component holding the license itself.
    var source: Int
    var root: Int
    /// Edges from the root down to `source`, in order.
    var edges: [Int]
}
