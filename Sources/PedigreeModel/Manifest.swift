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
    /// Hugging Face repository ids the manifest gives to cards and adapter configs, by the resolved
    /// path of the file or of the folder holding it (readers otherwise take the id from the folders).
    public var huggingFaceIDs: [String: String]

    public init(
        product: ProductContext = ProductContext(), productRef: ComponentRef? = nil, includes: [String] = [],
        components: [Component] = [], edges: [Edge] = [], interpretation: [String: String] = [:],
        huggingFaceIDs: [String: String] = [:]
    ) {
        self.product = product
        self.productRef = productRef
        self.includes = includes
        self.components = components
        self.edges = edges
        self.interpretation = interpretation
        self.huggingFaceIDs = huggingFaceIDs
    }

    /// The repository id the manifest gives to the card or adapter config at `path`: named for the
    /// file itself, else for its folder.
    public func huggingFaceID(forFileAt path: String) -> String? {
        let file = Self.normalizedPath(path)
        if let id = huggingFaceIDs[file] { return id }
        guard let slash = file.lastIndex(of: "/") else { return huggingFaceIDs["."] }
        return huggingFaceIDs[slash == file.startIndex ? "/" : String(file[..<slash])]
    }

    /// A path written the one way the manifest stores paths: no `.` or empty components, and
    /// `name/..` collapsed (the manifest reader refuses symlinks, so this changes no meaning).
    public static func normalizedPath(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
