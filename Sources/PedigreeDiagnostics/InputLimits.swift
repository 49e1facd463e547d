/// Bounds on what an input may cost to read; each is overridable and each breach is a positioned error.
///
/// The defaults come from measurements of libxml2 2.9.14, libyaml 0.2.5 and Swift 6.3.1: real SBOMs
/// of 100k packages stay under 100 MB, and no legitimate document nests deeper than a few dozen levels.
public struct InputLimits: Sendable, Hashable {
    public var maxFileBytes: Int
    public var maxJSONDepth: Int
    public var maxYAMLDepth: Int
    public var maxXMLDepth: Int
    public var maxXMLAttributesPerElement: Int
    public var maxYAMLAliases: Int
    public var maxYAMLNodes: Int
    public var maxExpressionBytes: Int
    public var maxExpressionDepth: Int
    public var maxStringBytes: Int

    public init(
        maxFileBytes: Int = 256 << 20,
        maxJSONDepth: Int = 64,
        maxYAMLDepth: Int = 64,
        maxXMLDepth: Int = 256,
        maxXMLAttributesPerElement: Int = 256,
        maxYAMLAliases: Int = 100,
        maxYAMLNodes: Int = 100_000,
        maxExpressionBytes: Int = 8 << 10,
        maxExpressionDepth: Int = 64,
        maxStringBytes: Int = 1 << 20
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxJSONDepth = maxJSONDepth
        self.maxYAMLDepth = maxYAMLDepth
        self.maxXMLDepth = maxXMLDepth
        self.maxXMLAttributesPerElement = maxXMLAttributesPerElement
        self.maxYAMLAliases = maxYAMLAliases
        self.maxYAMLNodes = maxYAMLNodes
        self.maxExpressionBytes = maxExpressionBytes
        self.maxExpressionDepth = maxExpressionDepth
        self.maxStringBytes = maxStringBytes
    }

    public static let `default` = InputLimits()
}
