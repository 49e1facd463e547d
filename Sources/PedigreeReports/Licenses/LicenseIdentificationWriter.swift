import PedigreeDiagnostics
import PedigreeLicenses

/// Renders `pedigree licenses --identify`: which license each file is, or the clauses read from it.
///
/// JSON (DOMAIN §7): an array with one object per file, in the order given: `file`, `license` (id or
/// null), `confidence` (0–1), `matchedBy` (`exact`, `normalized`, `approximate` or null), `clauses[]`
/// (`term`, `sentence`, `line`, and `metric`/`limit` or `namePrefix` where the clause states them),
/// `closest` (the best known license below the threshold, with its score) and, for a file that could not
/// be read, `error`.
public struct LicenseIdentificationWriter: Sendable {
    /// One file's outcome, as the writer needs it.
    public struct Item: Sendable {
        public var file: String
        public var result: Result<LicenseTextIdentification, InputError>

        public init(file: String, result: Result<LicenseTextIdentification, InputError>) {
            self.file = file
            self.result = result
        }
    }

    public init() {}

    public func json(_ items: [Item]) -> String {
        JSONNode.array(items.map(node)).rendered()
    }

    private func node(_ item: Item) -> JSONNode {
        switch item.result {
        case .failure(let error):
            return .object([
                .init("file", .string(item.file)), .init("license", .null), .init("confidence", .int(0)),
                .init("matchedBy", .null), .init("clauses", .array([])), .init("error", .string(error.description)),
            ])
        case .success(let result):
            return .object([
                .init("file", .string(item.file)), .init("license", .optional(result.license)),
                .init("confidence", .double(Self.rounded(result.confidence))),
                .init("matchedBy", .optional(result.matchedBy?.rawValue)),
                .init("clauses", .array(result.clauses.map(node))),
                .init("closest", result.closest.map { .object([
                    .init("license", .string($0.license)), .init("score", .double(Self.rounded($0.score))),
                ]) } ?? .null),
            ])
        }
    }

    private func node(_ clause: LicenseClause) -> JSONNode {
        var members: [JSONNode.Member] = [
            .init("term", .string(clause.term.rawValue)), .init("sentence", .string(clause.sentence)),
            .init("line", .int(clause.line)),
        ]
        if let threshold = clause.threshold {
            members += [.init("metric", .string(threshold.metric.rawValue)), .init("limit", .double(threshold.limit))]
        }
        if let prefix = clause.namePrefix { members.append(.init("namePrefix", .string(prefix))) }
        if clause.term == .useRestriction { members.append(.init("flowsDown", .bool(clause.flowsDown))) }
        return .object(members)
    }

    /// Plain text for a terminal, input text escaped.
    public func text(_ items: [Item]) -> String {
        var out = ""
        for item in items {
            let file = TerminalText.escape(item.file)
            switch item.result {
            case .failure(let error):
                out += "\(file): could not be read: \(error.diagnostic.message)\n"
            case .success(let result):
                out += describe(result, file: file)
            }
        }
        return out
    }

    private func describe(_ result: LicenseTextIdentification, file: String) -> String {
        if let license = result.license, let method = result.matchedBy {
            let kind = result.isException ? "the license exception" : "the license"
            return "\(file): \(kind) \(license) (\(method.rawValue) match, confidence \(Self.percent(result.confidence)))\n"
        }
        var out = "\(file): matches no known license"
        if let closest = result.closest, closest.score >= 0.5 {
            out += " (closest: \(closest.license) at \(Self.percent(closest.score)), below the \(Self.percent(LicenseTextIdentifier.threshold)) needed)"
        }
        guard !result.clauses.isEmpty else { return out + "; no clause that decides an audit was found\n" }
        out += "; clauses read from the text:\n"
        for clause in result.clauses {
            var detail = ""
            if let threshold = clause.threshold { detail = " [\(threshold.metric.rawValue) > \(Int(threshold.limit))]" }
            if let prefix = clause.namePrefix { detail = " [name prefix '\(TerminalText.escape(prefix))']" }
            if clause.term == .useRestriction, clause.flowsDown { detail = " [flows down to derivatives]" }
            out += "  \(clause.term.rawValue)\(detail), line \(clause.line): \"\(TerminalText.escape(clause.sentence))\"\n"
        }
        return out
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded(.down)))%" }
}
