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
                let source = context.source(at: node, license: license, aspect: aspect) ?? node
                findings.append(context.finding(
                    id,
                    "'\(name)' is a derivative of '\(context.name(source))', whose license '\(resolved.key)' requires derivative model names to begin with '\(prefix)'",
                    component: source, firedAt: node, licenses: [resolved.key],
                    path: context.path(firedAt: node, license: license, aspect: aspect),
                    remediation: "rename '\(name)' to begin with '\(prefix)'"))
            }
        }
        return findings
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
