/// The project manifest `pedigree.yaml`: product context, inputs to include, and facts no SBOM states.
public struct Manifest: Sendable, Hashable {
    public var product: ProductContext
    /// The product's component ref, when the manifest names one.
    public var productRef: ComponentRef?
    /// Files and folders to read, relative to the manifest's folder, already resolved to paths.
    public var includes: [String]
    /// Components the manifest adds or whose facts it states (e.g. a card's Hugging Face id).
    public var components: [Component]
    /// Relationships the manifest adds (`runs`, `distilled-from`…).
    public var edges: [Edge]
    /// `interpretation.training-data` / `interpretation.default-dependency`, as written.
    public var interpretation: [String: String]

    public init(
        product: ProductContext = ProductContext(), productRef: ComponentRef? = nil, includes: [String] = [],
        components: [Component] = [], edges: [Edge] = [], interpretation: [String: String] = [:]
    ) {
        self.product = product
        self.productRef = productRef
        self.includes = includes
        self.components = components
        self.edges = edges
        self.interpretation = interpretation
    }
}
