#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PedigreeCore

/// How the text report fits where it is written: the terminal's width and colour, or plain text.
///
/// Decisions: colour only when standard output is a terminal, the report is not written to a file,
/// `NO_COLOR` is unset or empty (no-color.org) and `TERM` is not `dumb`. The width is the terminal's;
/// without a terminal it is `COLUMNS` when set, else 100, so CI logs and files read the same everywhere.
enum TerminalOutput {
    static let defaultWidth = 100

    /// The text report writer for a report going to `output` (nil: standard output); notes only when `verbose`.
    static func textReportWriter(writingTo output: String?, verbose: Bool = false) -> TextReportWriter {
        let toTerminal = output == nil && isatty(1) == 1
        return TextReportWriter(
            width: width(toTerminal: toTerminal), style: TerminalStyle(coloured: toTerminal && colourAllowed()), showNotes: verbose)
    }

    static func width(toTerminal: Bool) -> Int {
        if toTerminal, let columns = terminalColumns() { return columns }
        if let columns = environment("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
        return defaultWidth
    }

    static func colourAllowed() -> Bool {
        if let noColour = environment("NO_COLOR"), !noColour.isEmpty { return false }
        return environment("TERM") != "dumb"
    }

    static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
