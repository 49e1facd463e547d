import PedigreeModel

/// A decision between the alternatives of an `OR` expression, with its reason (DOMAIN §5, §8.10).
public struct LicenseChoice: Sendable, Hashable, Codable {
    /// How one alternative scored in the product's context.
    public struct Alternative: Sendable, Hashable, Codable {
        public var expression: String
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        /// The rules the alternative would raise, in catalogue order, each once (the counts say how often).
        public var rules: [RuleID]

        public init(expression: String, errors: Int, warnings: Int, infos: Int, rules: [RuleID]) {
            self.expression = expression
            self.errors = errors
            self.warnings = warnings
            self.infos = infos
            self.rules = rules
        }
    }

    public var component: ComponentRef
    /// The expression as read.
    public var expression: String
    /// The alternative chosen.
    public var chosen: String
    public var alternatives: [Alternative]
    public var reason: String

    public init(component: ComponentRef, expression: String, chosen: String, alternatives: [Alternative], reason: String) {
        self.component = component
        self.expression = expression
        self.chosen = chosen
        self.alternatives = alternatives
        self.reason = reason
    }
}
