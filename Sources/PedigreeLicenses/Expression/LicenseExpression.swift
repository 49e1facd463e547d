/// A parsed SPDX license expression.
///
/// `+` and `-or-later` are kept as `orLater` (an `-or-later` id keeps its spelling and prints without `+`);
/// `WITH` keeps its exception id. `AND` and `OR` hold two
/// or more operands, flattened (`A AND (B AND C)` is one `and` of three).
public indirect enum LicenseExpression: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A license id (SPDX id, `LicenseRef-…`, or `DocumentRef-…:LicenseRef-…`).
    case license(id: String, orLater: Bool, exception: String?)
    case and([LicenseExpression])
    case or([LicenseExpression])

    public static func id(_ id: String) -> LicenseExpression { .license(id: id, orLater: false, exception: nil) }

    /// The expression in canonical SPDX form, parenthesised only where precedence needs it.
    public var description: String { render(parentPrecedence: 0) }

    private func render(parentPrecedence: Int) -> String {
        switch self {
        case .license(let id, let orLater, let exception):
            var text = id + (orLater && !id.hasSuffix("-or-later") ? "+" : "")
            if let exception { text += " WITH " + exception }
            return text
        case .and(let operands):
            let text = operands.map { $0.render(parentPrecedence: 2) }.joined(separator: " AND ")
            return parentPrecedence > 2 ? "(\(text))" : text
        case .or(let operands):
            let text = operands.map { $0.render(parentPrecedence: 1) }.joined(separator: " OR ")
            return parentPrecedence > 1 ? "(\(text))" : text
        }
    }

    /// Every license id named anywhere in the expression, in order of appearance.
    public var licenseIDs: [String] {
        switch self {
        case .license(let id, _, _): [id]
        case .and(let operands), .or(let operands): operands.flatMap(\.licenseIDs)
        }
    }
}
