import PedigreeModel

/// Edge kinds grouped by what they let through (DOMAIN §3), after the policy's interpretations.
enum EdgeClass: Int, CaseIterable {
    /// fine-tuned-from, quantized-from, merged-from, adapter-of, derived-from: everything.
    case derivative
    /// static-link: everything, except copyleft under a linking exception.
    case staticLink
    /// dynamic-link, and depends-on read as dynamic link: strong copyleft, commercial limits, hosting, territory.
    case dynamicLink
    case trainedOn
    case distilledFrom
    case generatedBy
    /// contains, runs: each side's own distribution and use terms, no copyleft.
    case bundle
    /// tested-on, dev/build/test dependencies: nothing.
    case inert

    static func of(_ kind: EdgeKind, interpretation: Interpretation) -> EdgeClass {
        switch kind {
        case .fineTunedFrom, .quantizedFrom, .mergedFrom, .adapterOf, .derivedFrom: .derivative
        case .staticLink: .staticLink
        case .dynamicLink: .dynamicLink
        case .dependsOn:
            switch interpretation.defaultDependency {
            case .dynamicLink: .dynamicLink
            case .staticLink: .staticLink
            case .contains: .bundle
            }
        case .trainedOn: .trainedOn
        case .distilledFrom: .distilledFrom
        case .generatedBy: .generatedBy
        case .contains, .runs: .bundle
        case .testedOn, .devDependency, .buildDependency, .testDependency: .inert
        }
    }

    /// Whether a component brought in over this edge ships with the product (DOMAIN §8.4).
    static func ships(_ kind: EdgeKind) -> Bool { !(kind.isNotShipped || kind == .testedOn) }
}
