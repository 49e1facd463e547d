/// A set of versions written as comma-separated comparisons on dotted numbers: `<0.4.0`, `>=2.0.0, <3`.
///
/// Grammar (whitespace between tokens is ignored):
///
///     range       = comparison *("," comparison)
///     comparison  = operator version
///     operator    = "<" / "<=" / ">" / ">=" / "="
///     version     = ["v"] number *("." number)
///
/// A component version is compared by its leading dotted numbers (`v1.4.5`, `2.0.0-rc1` -> 2.0.0); a
/// version with no leading number (`b3447`, a commit hash) matches no range, because nothing can be said
/// about it. Missing parts count as zero (`2` = `2.0.0`).
public struct VersionRange: Sendable, Hashable, CustomStringConvertible {
    public enum Comparison: String, Sendable, Hashable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "="
    }

    public var bounds: [(comparison: Comparison, version: [Int])] {
        get { storage.map { ($0.comparison, $0.version) } }
    }

    private struct Bound: Sendable, Hashable {
        var comparison: Comparison
        var version: [Int]
    }

    private var storage: [Bound]
    public let description: String

    /// Parses a range; nil when the text does not follow the grammar.
    public init?(_ text: String) {
        var bounds: [Bound] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            var rest = Substring(part.filter { !$0.isWhitespace })
            let comparison: Comparison
            if rest.hasPrefix("<=") {
                comparison = .lessOrEqual
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix(">=") {
                comparison = .greaterOrEqual
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("<") {
                comparison = .less
                rest = rest.dropFirst()
            } else if rest.hasPrefix(">") {
                comparison = .greater
                rest = rest.dropFirst()
            } else if rest.hasPrefix("=") {
                comparison = .equal
                rest = rest.dropFirst()
            } else {
                return nil
            }
            guard let version = Self.numbers(rest, wholeText: true) else { return nil }
            bounds.append(Bound(comparison: comparison, version: version))
        }
        guard !bounds.isEmpty else { return nil }
        storage = bounds
        description = text
    }

    /// Whether a component version lies in the range; false when the version has no leading number.
    public func contains(_ version: String) -> Bool {
        guard let numbers = Self.numbers(Substring(version), wholeText: false) else { return false }
        return storage.allSatisfy { bound in
            let order = Self.compare(numbers, bound.version)
            switch bound.comparison {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            case .equal: return order == 0
            }
        }
    }

    /// The dotted numbers at the start of `text` (after an optional `v`); with `wholeText`, nothing may follow.
    static func numbers(_ text: Substring, wholeText: Bool) -> [Int]? {
        var rest = text
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
        var result: [Int] = []
        while true {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else { break }
            result.append(value)
            rest = rest.dropFirst(digits.count)
            guard rest.first == ".", rest.dropFirst().first?.isNumber == true else { break }
            rest = rest.dropFirst()
        }
        if result.isEmpty { return nil }
        if wholeText && !rest.isEmpty { return nil }
        return result
    }

    static func compare(_ lhs: [Int], _ rhs: [Int]) -> Int {
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }

    public static func == (lhs: VersionRange, rhs: VersionRange) -> Bool { lhs.storage == rhs.storage }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}
