import PedigreeCore

/// Renders query answers as text (terminals), JSON (machines) or CSV (spreadsheets).
///
/// Decisions: input text is escaped for the terminal in text; in CSV a cell that a spreadsheet would
/// take for a formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`, and quotes are doubled.
public enum PortfolioQueryWriter {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, csv
    }

    public static func write(_ matches: [PortfolioMatch], format: Format) -> String {
        switch format {
        case .text: text(matches)
        case .json: json(matches)
        case .csv: csv(matches)
        }
    }

    static func text(_ matches: [PortfolioMatch]) -> String {
        guard !matches.isEmpty else { return "no stored release matches\n" }
        var out = ""
        for match in matches {
            let component = match.version.map { "\(match.name) \($0)" } ?? match.name
            out += "\(TerminalText.escape(match.product)) \(TerminalText.escape(match.release))  "
            out += "\(TerminalText.escape(component)) [\(TerminalText.escape(match.license ?? "unknown license"))]\n"
            out += "  path: \(TerminalText.escape(TextReportWriter.draw(match.path)))\n"
            out += "  context: \(context(match))\n"
        }
        let products = Set(matches.map(\.product)).count
        out += "\(matches.count) match\(matches.count == 1 ? "" : "es") in \(products) product\(products == 1 ? "" : "s")\n"
        return out
    }

    static func context(_ match: PortfolioMatch) -> String {
        var parts = [match.commercial ? "commercial" : "non-commercial"]
        parts.append(match.distribution.isEmpty ? "distribution unstated" : match.distribution.map(\.rawValue).joined(separator: "+"))
        parts.append(match.monthlyActiveUsers.map { "\($0) monthly active users" } ?? "monthly active users unstated")
        return parts.joined(separator: ", ")
    }

    static func json(_ matches: [PortfolioMatch]) -> String {
        JSONNode.object([
            .init("matches", .array(matches.map { match in
                .object([
                    .init("product", .string(match.product)),
                    .init("release", .string(match.release)),
                    .init("component", .string(match.component)),
                    .init("name", .string(match.name)),
                    .init("version", .optional(match.version)),
                    .init("license", .optional(match.license)),
                    .init("path", .array(match.path.map(step))),
                    .init("commercial", .bool(match.commercial)),
                    .init("distribution", .array(match.distribution.map { .string($0.rawValue) })),
                    .init("monthlyActiveUsers", match.monthlyActiveUsers.map(JSONNode.int) ?? .null),
                ])
            })),
        ]).rendered()
    }

    static func step(_ step: PathStep) -> JSONNode {
        var members: [JSONNode.Member] = [.init("ref", .string(step.ref.rawValue))]
        if let edge = step.edge { members.append(.init("edge", .string(edge.rawValue))) }
        if step.attached { members.append(.init("attached", .bool(true))) }
        return .object(members)
    }

    static func csv(_ matches: [PortfolioMatch]) -> String {
        var out = "product,release,component,name,version,license,path,commercial,distribution,monthly_active_users\r\n"
        for match in matches {
            let cells = [
                match.product, match.release, match.component, match.name, match.version ?? "", match.license ?? "",
                TextReportWriter.draw(match.path), match.commercial ? "true" : "false",
                match.distribution.map(\.rawValue).joined(separator: " "), match.monthlyActiveUsers.map(String.init) ?? "",
            ]
            out += cells.map(cell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One CSV cell: quoted when needed, never a formula.
    public static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingAll("\"", "\"\"") + "\""
    }
}
