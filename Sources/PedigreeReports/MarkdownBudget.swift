/// Markdown written within a size limit: parts are added whole or not at all, tables row by row, and
/// a room kept for what must close the document.
///
/// Decisions: sizes are counted in UTF-8 bytes, which is never less than the characters GitHub counts
/// (a pull-request comment holds 65,536), so a document that fits here fits there.
struct MarkdownBudget {
    private(set) var text = ""
    private var used = 0
    /// Bytes the parts may use; the rest is kept for the closing part.
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func fits(_ part: String) -> Bool { used + part.utf8.count <= limit }

    /// Adds `part` when it fits; returns whether it did.
    @discardableResult
    mutating func add(_ part: String) -> Bool {
        guard fits(part) else { return false }
        text += part
        used += part.utf8.count
        return true
    }

    /// Adds a folded table of as many of `rows` as fit (at most `maxRows`), then a note of how many
    /// were left out; nothing when not even the table's head fits.
    mutating func foldedTable(summary: String, head: String, rows: [String], total: Int, maxRows: Int) {
        let open = "<details><summary>\(HTMLText.escape(summary))</summary>\n\n" + head
        let close = "\n</details>\n\n"
        let noteRoom = Self.cutNote(total).utf8.count
        guard used + open.utf8.count + close.utf8.count + noteRoom <= limit else { return }
        var body = open
        var size = open.utf8.count
        var shown = 0
        for row in rows.prefix(maxRows) {
            let rowSize = row.utf8.count
            guard used + size + rowSize + noteRoom + close.utf8.count <= limit else { break }
            body += row
            size += rowSize
            shown += 1
        }
        if shown < total { body += Self.cutNote(total - shown) }
        add(body + close)
    }

    static func cutNote(_ left: Int) -> String {
        "\n_\(left) more not shown; see the full report (`--format html` or `json`)._\n"
    }
}
