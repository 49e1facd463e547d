import PedigreeModel

/// Every term that reaches one component, and how (`pedigree explain`).
public struct Explanation: Sendable, Hashable, Codable {
    /// One license reaching the component from one source, with the aspects that arrived and the path.
    public struct Term: Sendable, Hashable, Codable {
        public var license: String
        /// Aspect names (`copyleft`, `commercial-limits`, …) that reach the component this way.
        public var aspects: [String]
        /// The nearest component that holds the license itself.
        public var source: ComponentRef
        /// Whether the component holds the license itself.
        public var own: Bool
        /// From the component down to `source`, with edge kinds.
        public var path: [PathStep]

        public init(license: String, aspects: [String], source: ComponentRef, own: Bool, path: [PathStep]) {
            self.license = license
            self.aspects = aspects
            self.source = source
            self.own = own
            self.path = path
        }
    }

    /// A component upstream of the explained one whose license terms are unknown, so what it would
    /// carry cannot be said (DOMAIN §8.2).
    public struct Unknown: Sendable, Hashable, Codable {
        public var component: ComponentRef
        /// The license as stated, nil when none is.
        public var statedLicense: String?
        /// From the explained component up to this one, with edge kinds.
        public var path: [PathStep]

        public init(component: ComponentRef, statedLicense: String?, path: [PathStep]) {
            self.component = component
            self.statedLicense = statedLicense
            self.path = path
        }
    }

    public var component: ComponentRef
    /// The component's license as read (and chosen).
    public var license: String?
    /// From the product down to the component.
    public var pathFromProduct: [PathStep]
    /// Every source of every term that reaches the component, each with a shortest path.
    public var terms: [Term]
    /// The components it uses (over edges that ship) whose license terms are unknown, itself included.
    public var unknown: [Unknown]
    /// Findings whose path runs through the component.
    public var findings: [Finding]

    public init(
        component: ComponentRef, license: String?, pathFromProduct: [PathStep], terms: [Term], unknown: [Unknown] = [],
        findings: [Finding]
    ) {
        self.component = component
        self.license = license
        self.pathFromProduct = pathFromProduct
        self.terms = terms
        self.unknown = unknown
        self.findings = findings
    }
}
