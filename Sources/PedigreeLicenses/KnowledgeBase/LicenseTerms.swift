/// What one license (one version of it) demands, as the engine needs to know it.
///
/// The values come from the knowledge base data file (`Data/knowledge-base.json`), each with its
/// sources; nothing here is inferred from a license's name.
public struct LicenseTerms: Sendable, Hashable, Codable {
    public enum Copyleft: String, Sendable, Hashable, Codable, Comparable {
        case none
        case weakFile = "weak-file"
        case weakLibrary = "weak-library"
        case shareAlike = "share-alike"
        case strong
        case network

        private var rank: Int {
            switch self {
            case .none: 0
            case .weakFile: 1
            case .weakLibrary: 2
            case .shareAlike: 3
            case .strong: 4
            case .network: 5
            }
        }

        public static func < (lhs: Copyleft, rhs: Copyleft) -> Bool { lhs.rank < rhs.rank }
    }

    public enum ThresholdMetric: String, Sendable, Hashable, Codable {
        case monthlyActiveUsers = "monthly-active-users"
        case dailyActiveUsers = "daily-active-users"
        case annualRevenueUSD = "annual-revenue-usd"
    }

    /// A usage limit above which the license's grant ends (a separate license must be requested).
    public struct Threshold: Sendable, Hashable, Codable {
        public var metric: ThresholdMetric
        public var limit: Double
        /// When the license measures at a fixed date (Llama: the version's release date), that date.
        public var measuredAt: String?

        public init(metric: ThresholdMetric, limit: Double, measuredAt: String? = nil) {
            self.metric = metric
            self.limit = limit
            self.measuredAt = measuredAt
        }
    }

    public enum Commercial: String, Sendable, Hashable, Codable {
        case allowed
        /// Non-commercial or research-only.
        case forbidden
        /// Allowed below the `thresholds`.
        case threshold
        /// Allowed after registration or sign-up: information only.
        case registration
    }

    public enum OutputUse: String, Sendable, Hashable, Codable {
        case noImprovingOtherModels = "no-improving-other-models"
        case namingRequired = "naming-required"
        case attributionRequired = "attribution-required"
        case noCompetingModels = "no-competing-models"
    }

    public struct Attribution: Sendable, Hashable, Codable {
        /// The notice that must accompany copies (`Llama 3.1 is licensed under …`).
        public var notice: String?
        /// A display string owed in the product (`Built with Llama`).
        public var display: String?
        /// A prefix a derivative's name must begin with (`Llama`).
        public var namePrefix: String?
        /// Whether a copy of the license text must ship.
        public var licenseCopy: Bool
        /// Whether the upstream NOTICE file must be passed on (Apache-2.0 §4(d)).
        public var noticeFile: Bool
        /// Who owes the display string.
        public var displayOwedBy: DisplayDuty

        /// Who owes a license's display string.
        public enum DisplayDuty: String, Sendable, Hashable, Codable {
            /// Every release that contains or runs the licensed material (Llama: "a product or service
            /// … that contains any of them").
            case everyRelease = "every-release"
            /// Only a model created, trained or improved with the material (Qwen: "to create, train,
            /// fine-tune, or improve an AI model that is distributed or made available").
            case derivativeModels = "derivative-models"
        }

        public init(
            notice: String? = nil, display: String? = nil, namePrefix: String? = nil, licenseCopy: Bool = false,
            noticeFile: Bool = false, displayOwedBy: DisplayDuty = .everyRelease
        ) {
            self.notice = notice
            self.display = display
            self.namePrefix = namePrefix
            self.licenseCopy = licenseCopy
            self.noticeFile = noticeFile
            self.displayOwedBy = displayOwedBy
        }

        /// The display string a component owes: every holder of a license whose display every release
        /// owes, only a derivative model of one whose display derivative models owe.
        public func owedDisplay(byDerivativeModel: Bool) -> String? {
            displayOwedBy == .everyRelease || byDerivativeModel ? display : nil
        }
    }

    /// A territorial carve-out: rights not granted to entities in these regions for this scope.
    public struct Territory: Sendable, Hashable, Codable {
        public var regions: [String]
        public var scope: String
        /// Which of the licensed models the carve-out covers.
        public var appliesTo: Coverage

        /// Which models a territorial carve-out covers.
        public enum Coverage: String, Sendable, Hashable, Codable {
            case allModels = "all-models"
            /// The multimodal (vision) models only (Llama 3.2's Acceptable Use Policy).
            case multimodalModels = "multimodal-models"
        }

        public init(regions: [String], scope: String, appliesTo: Coverage = .allModels) {
            self.regions = regions
            self.scope = scope
            self.appliesTo = appliesTo
        }
    }

    /// Whether two licenses grant the same terms, whatever their ids, names and sources: revisions of
    /// one text that changed no clause (the Gemma Terms of Use of 2024 and 2025).
    public func grantsTheSameTerms(as other: LicenseTerms) -> Bool {
        var renamed = other
        renamed.id = id
        renamed.name = name
        renamed.sources = sources
        return renamed == self
    }

    public var id: String
    public var name: String
    public var copyleft: Copyleft
    public var commercial: Commercial
    public var thresholds: [Threshold]
    public var derivativesAllowed: Bool
    /// Whether outputs of the model count as derivatives (Gemma, OpenRAIL, DeepSeek).
    public var derivativeIncludesOutputs: Bool
    public var outputUse: Set<OutputUse>
    /// Whether derivatives must carry the license's use restrictions (OpenRAIL, Gemma, Llama AUP).
    public var useRestrictionsFlowDown: Bool
    public var hostingIsDistribution: Bool
    public var hostedServiceForbidden: Bool
    public var attribution: Attribution
    public var territory: [Territory]
    /// Outbound licenses that may absorb this one (Apache-2.0: GPL-3.0 yes, GPL-2.0 no).
    public var gplCompatibility: [String]
    /// Where each fact comes from (URLs or document sections).
    public var sources: [String]

    public init(
        id: String, name: String, copyleft: Copyleft = .none, commercial: Commercial = .allowed,
        thresholds: [Threshold] = [], derivativesAllowed: Bool = true, derivativeIncludesOutputs: Bool = false,
        outputUse: Set<OutputUse> = [], useRestrictionsFlowDown: Bool = false, hostingIsDistribution: Bool = false,
        hostedServiceForbidden: Bool = false, attribution: Attribution = Attribution(), territory: [Territory] = [],
        gplCompatibility: [String] = [], sources: [String] = []
    ) {
        self.id = id
        self.name = name
        self.copyleft = copyleft
        self.commercial = commercial
        self.thresholds = thresholds
        self.derivativesAllowed = derivativesAllowed
        self.derivativeIncludesOutputs = derivativeIncludesOutputs
        self.outputUse = outputUse
        self.useRestrictionsFlowDown = useRestrictionsFlowDown
        self.hostingIsDistribution = hostingIsDistribution
        self.hostedServiceForbidden = hostedServiceForbidden
        self.attribution = attribution
        self.territory = territory
        self.gplCompatibility = gplCompatibility
        self.sources = sources
    }
}
