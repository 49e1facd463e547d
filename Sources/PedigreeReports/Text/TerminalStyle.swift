import PedigreeEngine

/// ANSI colours for the text report on a terminal, or none.
///
/// Decisions: colour is used only to mark severities and headings, and every coloured word is also
/// written as a word, so nothing is lost without colour. The caller decides whether colour is on
/// (a terminal, `NO_COLOR` unset); this type only paints.
public struct TerminalStyle: Sendable, Hashable {
    public var coloured: Bool

    public static let plain = TerminalStyle(coloured: false)
    public static let colour = TerminalStyle(coloured: true)

    public init(coloured: Bool) { self.coloured = coloured }

    enum Paint: String {
        case error = "1;31", warning = "33", info = "36", muted = "2", heading = "1"
    }

    /// The text wrapped in the paint's SGR sequence, or the text itself when colour is off.
    func paint(_ text: String, _ paint: Paint) -> String {
        coloured ? "\u{1B}[" + paint.rawValue + "m" + text + "\u{1B}[0m" : text
    }

    /// A line whose first `prefixLength` characters hold a padded marker: only the marker's word is painted.
    func paintPrefix(of line: String, length prefixLength: Int, _ paint: Paint) -> String {
        guard coloured else { return line }
        let prefix = line.prefix(prefixLength)
        let leading = prefix.prefix { $0 == " " }
        let word = prefix.dropFirst(leading.count).prefix { $0 != " " }
        let after = line.dropFirst(leading.count + word.count)
        return String(leading) + self.paint(String(word), paint) + after
    }

    static func paint(for severity: FindingSeverity) -> Paint {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
    }
}
