import PedigreeModel

/// How the policy reads the two relationships whose legal effect is debated.
public struct Interpretation: Sendable, Hashable, Codable {
    /// What training on a dataset makes of the model (`interpretation.training-data`).
    public enum TrainingData: String, Sendable, Hashable, Codable, CaseIterable {
        /// The default: commercial limits, no-derivatives and use restrictions flow; share-alike does not.
        case use
        /// The model is a derivative of its training data: everything flows, share-alike included.
        case derivative
        /// Nothing flows over `trained-on`.
        case none
    }

    /// What an unspecified dependency is (`interpretation.default-dependency`): it decides how
    /// `depends-on` edges and the edges that attach unreached components to the product are read.
    public enum DefaultDependency: String, Sendable, Hashable, Codable, CaseIterable {
        case dynamicLink = "dynamic-link"
        case staticLink = "static-link"
        case contains

        public var edgeKind: EdgeKind {
            switch self {
            case .dynamicLink: .dynamicLink
            case .staticLink: .staticLink
            case .contains: .contains
            }
        }
    }

    public var trainingData: TrainingData
    public var defaultDependency: DefaultDependency

    public init(trainingData: TrainingData = .use, defaultDependency: DefaultDependency = .dynamicLink) {
        self.trainingData = trainingData
        self.defaultDependency = defaultDependency
    }
}
