/// The typed relationship between two components; `from` uses or derives from `to`.
///
/// Constraints travel upstream to downstream: from `to` into `from`. What flows depends on the kind
/// (see `EdgeKind.Flow`), decided by the engine, not here.
public enum EdgeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case fineTunedFrom = "fine-tuned-from"
    case quantizedFrom = "quantized-from"
    case mergedFrom = "merged-from"
    case adapterOf = "adapter-of"
    case derivedFrom = "derived-from"
    case distilledFrom = "distilled-from"
    case trainedOn = "trained-on"
    case testedOn = "tested-on"
    case generatedBy = "generated-by"
    case staticLink = "static-link"
    case dynamicLink = "dynamic-link"
    case dependsOn = "depends-on"
    case contains
    case runs
    case devDependency = "dev-dependency"
    case buildDependency = "build-dependency"
    case testDependency = "test-dependency"

    /// Kinds whose `from` is a derivative work of `to` (everything flows).
    public var isDerivative: Bool {
        switch self {
        case .fineTunedFrom, .quantizedFrom, .mergedFrom, .adapterOf, .derivedFrom, .staticLink: true
        default: false
        }
    }

    /// Kinds that bring `to` into the product only for development, build or tests (nothing ships).
    public var isNotShipped: Bool {
        self == .devDependency || self == .buildDependency || self == .testDependency
    }
}
