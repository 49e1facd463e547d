/// One kind of term a license carries; what crosses an edge is decided per aspect (DOMAIN §3).
///
/// The engine propagates (license, aspect) pairs rather than whole licenses, because an edge lets
/// some aspects through and stops others: a dynamic link carries strong copyleft but not weak.
public enum Aspect: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Member of one derivative work (DOMAIN §8.9), the scope of `copyleft-conflict`.
    case work
    /// Strong or network copyleft.
    case copyleft
    /// File- or library-level copyleft (MPL, LGPL).
    case weakCopyleft
    /// Share-alike (CC-BY-SA, ODbL).
    case shareAlike
    /// Non-commercial, usage thresholds, registration.
    case commercial
    case noDerivatives
    /// Use restrictions that derivatives must carry.
    case useRestrictions
    /// Notices, display strings and name prefixes.
    case attribution
    /// Hosted-service bans and hosting-is-distribution.
    case hosting
    case territory
    /// The component is (a derivative of) a model whose license governs its outputs.
    case outputTerms
    /// The component holds outputs of such a model (a generated dataset).
    case outputs
    /// The component learned from such outputs (distillation, training on generated data).
    case learned

    public var description: String {
        switch self {
        case .work: "work"
        case .copyleft: "copyleft"
        case .weakCopyleft: "weak-copyleft"
        case .shareAlike: "share-alike"
        case .commercial: "commercial-limits"
        case .noDerivatives: "no-derivatives"
        case .useRestrictions: "use-restrictions"
        case .attribution: "attribution"
        case .hosting: "hosting"
        case .territory: "territory"
        case .outputTerms: "output-terms"
        case .outputs: "outputs"
        case .learned: "learned-from-outputs"
        }
    }

    var bit: UInt16 { 1 << UInt16(rawValue) }

    static let count = allCases.count
}

/// A set of aspects as a bit mask, the unit the propagation moves.
struct AspectMask: Hashable {
    var raw: UInt16

    init(_ raw: UInt16 = 0) { self.raw = raw }

    init(_ aspects: [Aspect]) {
        raw = 0
        for aspect in aspects { raw |= aspect.bit }
    }

    func contains(_ aspect: Aspect) -> Bool { raw & aspect.bit != 0 }

    mutating func insert(_ aspect: Aspect) { raw |= aspect.bit }

    var isEmpty: Bool { raw == 0 }

    var aspects: [Aspect] { Aspect.allCases.filter { contains($0) } }
}
