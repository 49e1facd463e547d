/// `naming`: a derivative model's name lacks a prefix its lineage requires (Llama 3.1+: "Llama").
///
/// A component with an outgoing derivative edge is a derivative; a `namePrefix` in its own license or
/// in a license reaching it over a derivative edge applies (DOMAIN §8.3), and so does one of a model
/// whose outputs it learned from when that license's output terms require naming.
///
/// Decisions: only models are named (the clauses speak of AI model names); the organisation part of a
/// Hugging Face id (`org/`) is ignored; the comparison ignores case and treats `-`, `_` and spaces alike.
public struct NamingRule: Rule {
    public let id = RuleID.naming
    public init() {}

    public func evaluate(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for node in 0..<context.index.nodeCount where context.components[node].kind == .model {
            var seen = Set<Int>()
            var candidates: [(license: Int, aspect: Aspect)] = []
            if context.isDerivative[node] {
                for license in context.ownLicenses(node) { candidates.append((license, .attribution)) }
            }
            for record in context.forward.licenses(at: node, with: .attribution) where record.predEdge >= 0 {
                candidates.append((Int(record.license), .attribution))
            }
            for record in context.forward.licenses(at: node, with: .learned) {
                if context.licenses[Int(record.license)].terms?.outputUse.contains(.namingRequired) == true {
                    candidates.append((Int(record.license), .learned))
                }
            }
            for (license, aspect) in candidates where seen.insert(license).inserted {
                let resolved = context.licenses[license]
                guard let prefix = resolved.terms?.attribution.namePrefix, !prefix.isEmpty else { continue }
                let name = context.components[node].name
                guard !Self.begins(name, with: prefix) else { continue }
                var source = context.source(at: node, license: license, aspect: aspect) ?? node
                var path = context.path(firedAt: node, license: license, aspect: aspect)
                if source == node, let upstream = Self.upstreamHolder(context, node: node, license: license) {
                    source = upstream.source
                    path = upstream.path
                }
                let message =
                    source == node
                    ? "'\(name)' is a derivative licensed '\(resolved.key)', which requires derivative model names to begin with '\(prefix)'"
                    : "'\(name)' is a derivative of '\(context.name(source))', whose license '\(resolved.key)' requires derivative model names to begin with '\(prefix)'"
                findings.append(context.derivativeFinding(
                    id, message, derivative: node, source: source, licenses: [resolved.key], path: path,
                    remediation: "rename '\(name)' to begin with '\(prefix)'"))
            }
        }
        return findings
    }

    /// For a derivative that keeps its base's license, the base holding it (over a derivative edge).
    static func upstreamHolder(_ context: RuleContext, node: Int, license: Int) -> (source: Int, path: [PathStep])? {
        let index = context.index
        for slot in Int(index.upStart[node])..<Int(index.upStart[node + 1]) {
            let edge = Int(index.upEdges[slot])
            guard index.edgeKind[edge].isDerivative else { continue }
            let upstream = Int(index.edgeTo[edge])
            guard let record = context.forward.record(at: upstream, license: license, aspect: .attribution) else { continue }
            let carry = context.forward.carryingEdges(from: upstream, license: license, aspect: .attribution, index: index)
            let down = context.rootEdges(to: node)
            let start = down.first.map { Int(index.edgeFrom[$0]) } ?? node
            return (Int(record.source), context.steps(from: start, edges: down + [edge] + carry))
        }
        return nil
    }

    static func begins(_ name: String, with prefix: String) -> Bool {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        return normalize(base).hasPrefix(normalize(prefix))
    }

    static func normalize(_ text: String) -> String {
        var out = ""
        var lastSpace = false
        for character in text.lowercased() {
            let space = character == "-" || character == "_" || character.isWhitespace
            if space {
                if !lastSpace, !out.isEmpty { out.append(" ") }
                lastSpace = true
            } else {
                out.append(character)
                lastSpace = false
            }
        }
        return out
    }
}
