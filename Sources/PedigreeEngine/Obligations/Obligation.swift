import PedigreeModel

/// Something the release owes: a notice, a display string, a name prefix, a source offer, a copy of a
/// license, use restrictions to pass on, a registration.
public struct Obligation: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case licenseCopy = "license-copy"
        case noticeFile = "notice-file"
        case notice
        case display
        case namePrefix = "name-prefix"
        case sourceOffer = "source-offer"
        case useRestrictions = "use-restrictions"
        case registration

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    public var kind: Kind
    public var license: String
    /// The text owed (notice sentence, display string, prefix), when the license gives one.
    public var text: String?
    /// The components that owe it, sorted.
    public var components: [ComponentRef]

    public init(kind: Kind, license: String, text: String? = nil, components: [ComponentRef]) {
        self.kind = kind
        self.license = license
        self.text = text
        self.components = components
    }
}
