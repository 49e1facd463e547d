import PedigreeLicenses

/// Expands a license expression into its alternatives: each a conjunction of license atoms.
///
/// `(A OR B) AND C` becomes `[[A, C], [B, C]]`. The number of alternatives is capped, because a
/// hostile expression could multiply them; past the cap the first ones are kept and the caller says so.
enum ExpressionAlternatives {
    struct Atom: Hashable {
        var id: String
        var orLater: Bool
        var exception: String?
    }

    static let limit = 64

    static func expand(_ expression: LicenseExpression) -> (alternatives: [[Atom]], truncated: Bool) {
        var truncated = false
        let result = expand(expression, truncated: &truncated)
        return (result, truncated)
    }

    private static func expand(_ expression: LicenseExpression, truncated: inout Bool) -> [[Atom]] {
        switch expression {
        case .license(let id, let orLater, let exception):
            return [[Atom(id: id, orLater: orLater, exception: exception)]]
        case .or(let operands):
            var all: [[Atom]] = []
            for operand in operands {
                for alternative in expand(operand, truncated: &truncated) {
                    if all.count >= limit {
                        truncated = true
                        break
                    }
                    all.append(alternative)
                }
            }
            return all
        case .and(let operands):
            var product: [[Atom]] = [[]]
            for operand in operands {
                let choices = expand(operand, truncated: &truncated)
                var combined: [[Atom]] = []
                outer: for left in product {
                    for right in choices {
                        if combined.count >= limit {
                            truncated = true
                            break outer
                        }
                        var merged = left
                        for atom in right where !merged.contains(atom) { merged.append(atom) }
                        combined.append(merged)
                    }
                }
                product = combined
            }
            return product
        }
    }

    static func text(_ atoms: [Atom]) -> String {
        atoms.map { atom in
            var text = atom.id + (atom.orLater && !atom.id.hasSuffix("+") && !atom.id.uppercased().hasSuffix("-OR-LATER") ? "+" : "")
            if let exception = atom.exception { text += " WITH " + exception }
            return text
        }.joined(separator: " AND ")
    }
}
