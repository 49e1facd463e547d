import PedigreeLicenses

/// Expands a license expression into its alternatives: each a conjunction of license atoms.
///
/// `(A OR B) AND C` becomes the shared atoms `[C]` and the alternatives `[[A], [B]]`: what every
/// alternative holds is kept once, not copied into each alternative. The number of alternatives is
/// capped, because a hostile expression could multiply them; past the cap the first ones are kept and
/// the caller says so.
///
/// Decisions: an `AND` builds its alternatives as chains (each operand with a choice adds one link
/// per alternative, pointing at the alternative it extends), and each alternative is written out once
/// at the end, deduplicated with a set. Copying every alternative at every operand made a long list
/// cost O(cap · n²) (issue 18); the chains make it O(cap · n).
enum ExpressionAlternatives {
    struct Atom: Hashable {
        var id: String
        var orLater: Bool
        var exception: String?
    }

    static let limit = 64

    /// Atoms shown in one alternative's text before the rest is counted instead of listed.
    static let shownAtoms = 12

    /// An expression's alternatives.
    struct Expansion {
        /// Atoms every alternative holds, each once, in order of appearance. Empty when there is no choice.
        var shared: [Atom]
        /// What each alternative adds to `shared`, without repeating a shared atom; with no choice, one
        /// alternative holding every atom.
        var alternatives: [[Atom]]
        var truncated: Bool

        /// Every atom of every alternative, shared ones first.
        var allAtoms: [Atom] { shared + alternatives.joined() }
    }

    /// - Complexity: O(`limit` · n) in the number of atoms of the expression.
    static func expand(_ expression: LicenseExpression) -> Expansion {
        var truncated = false
        let part = expand(expression, truncated: &truncated)
        guard part.alternatives.count > 1 else {
            return Expansion(shared: [], alternatives: [part.alternatives[0] + part.shared.atoms], truncated: truncated)
        }
        return Expansion(shared: part.shared.atoms, alternatives: part.alternatives, truncated: truncated)
    }

    /// Atoms in order of appearance, each once.
    private struct AtomSet {
        var atoms: [Atom] = []
        var members: Set<Atom> = []

        mutating func insert(_ atom: Atom) {
            if members.insert(atom).inserted { atoms.append(atom) }
        }
    }

    /// A subexpression's shared atoms and alternatives (`[[]]` when it offers no choice).
    private struct Part {
        var shared = AtomSet()
        var alternatives: [[Atom]] = [[]]

        var offersChoice: Bool { alternatives.count > 1 || !alternatives[0].isEmpty }
    }

    private static func expand(_ expression: LicenseExpression, truncated: inout Bool) -> Part {
        switch expression {
        case .license(let id, let orLater, let exception):
            var part = Part()
            part.shared.insert(Atom(id: id, orLater: orLater, exception: exception))
            return part
        case .or(let operands):
            guard operands.count > 1 else { return operands.first.map { expand($0, truncated: &truncated) } ?? Part() }
            var all: [[Atom]] = []
            outer: for operand in operands {
                let part = expand(operand, truncated: &truncated)
                for alternative in part.alternatives {
                    if all.count >= limit {
                        truncated = true
                        break outer
                    }
                    all.append(alternative + part.shared.atoms)  // disjoint: an alternative never repeats a shared atom
                }
            }
            return Part(alternatives: all)
        case .and(let operands):
            return conjunction(operands.map { expand($0, truncated: &truncated) }, truncated: &truncated)
        }
    }

    /// The parts of an `AND`: shared atoms unite; alternatives multiply, as chains written out once.
    private static func conjunction(_ parts: [Part], truncated: inout Bool) -> Part {
        var result = Part()
        var links: [(parent: Int, atoms: [Atom])] = []
        var tips = [-1]
        for part in parts {
            for atom in part.shared.atoms { result.shared.insert(atom) }
            guard part.offersChoice else { continue }
            var next: [Int] = []
            outer: for tip in tips {
                for choice in part.alternatives {
                    if next.count >= limit {
                        truncated = true
                        break outer
                    }
                    links.append((tip, choice))
                    next.append(links.count - 1)
                }
            }
            tips = next
        }
        result.alternatives = tips.map { tip in
            var chain: [[Atom]] = []
            var link = tip
            while link >= 0 {
                chain.append(links[link].atoms)
                link = links[link].parent
            }
            var seen = result.shared.members
            return chain.reversed().joined().filter { seen.insert($0).inserted }
        }
        return result
    }

    /// Characters of an expression shown in a choice before the rest is counted.
    static let shownCharacters = 400

    /// An expression as text, cut after `shownCharacters` at a space, with the number of licenses it names.
    static func shortDescription(_ expression: LicenseExpression) -> String {
        let text = expression.description
        guard text.count > shownCharacters else { return text }
        let head = text.prefix(shownCharacters)
        let cut = head.lastIndex(of: " ") ?? head.endIndex
        return "\(head[..<cut]) … (\(expression.licenseIDs.count) licenses in all)"
    }

    /// An alternative as text, `A AND B`; past `shownAtoms` atoms the rest is counted, not listed.
    static func text(_ atoms: [Atom]) -> String {
        var text = atoms.prefix(shownAtoms).map { atom in
            var text = atom.id + (atom.orLater && !atom.id.hasSuffix("+") && !atom.id.uppercased().hasSuffix("-OR-LATER") ? "+" : "")
            if let exception = atom.exception { text += " WITH " + exception }
            return text
        }.joined(separator: " AND ")
        if atoms.count > shownAtoms { text += " AND \(atoms.count - shownAtoms) more" }
        return text
    }
}
