/// The compact result table (under 100 columns) and the comparison lines under it.
enum BenchTable {
    /// The widest line the table prints, so that it reads whole in a terminal or a CI log.
    static let width = 100
    /// The case column; a longer label takes a line of its own.
    static let labelWidth = 34
    /// How far a detail that does not fit beside the figures is indented on its own lines.
    static let detailIndent = "      "

    static func print(_ rows: [BenchRunner.Row]) {
        Swift.print("")
        Swift.print(
            pad("case", labelWidth) + " " + padLeft("runs", 4) + " " + padLeft("best", 9) + " " + padLeft("speed", 10)
                + " " + padLeft("peak RSS", 9) + "  " + "detail")
        Swift.print(String(repeating: "-", count: width - 1))
        rows.flatMap(lines).forEach { Swift.print($0) }
        let comparisons = rows.compactMap { row in comparison(row, rows: rows) }
        if !comparisons.isEmpty {
            Swift.print("")
            comparisons.forEach { Swift.print($0) }
        }
        let memory = rows.compactMap(peakAgainstInput)
        if !memory.isEmpty {
            Swift.print("")
            memory.forEach { Swift.print($0) }
        }
    }

    /// One row: its label, figures and detail. A label longer than its column stands alone on the line
    /// above the figures; a detail that does not fit beside them follows on lines of its own, wrapped
    /// between words: neither is ever cut.
    static func lines(_ row: BenchRunner.Row) -> [String] {
        let label = row.benchCase.label
        let above = label.count > labelWidth ? [label] : []
        var line = pad(above.isEmpty ? label : "", labelWidth) + " "
        guard let result = row.result else { return above + [line + "FAILED: " + (row.failure ?? "")] }
        line += padLeft("\(result.runs)", 4) + " " + padLeft(duration(result.bestSeconds), 9) + " "
        line += padLeft(result.bytes.map { throughput(bytes: $0, seconds: result.bestSeconds) } ?? "", 10) + " "
        line += padLeft(row.peakResidentBytes.map(size) ?? "", 9)
        if line.count + 2 + result.detail.count <= width { return above + [line + "  " + result.detail] }
        return above + [line] + wrap(result.detail, width: width - detailIndent.count).map { detailIndent + $0 }
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word stays whole).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// "read+graph CycloneDX JSON 100k: 1.21 s, file 62.3 MB, peak 201.0 MB = 3.23x the file".
    static func peakAgainstInput(_ row: BenchRunner.Row) -> String? {
        guard row.benchCase.comparesPeakWithInput, let result = row.result, let bytes = result.bytes, bytes > 0,
            let peak = row.peakResidentBytes
        else { return nil }
        return pad(row.benchCase.label + ":", 36) + " " + padLeft(duration(result.bestSeconds), 9) + ", file "
            + padLeft(size(bytes), 8) + ", peak " + padLeft(size(peak), 8) + " = "
            + ratio(Double(peak) / Double(bytes)) + " the file"
    }

    /// "SafeJSON is 1.70x JSONSerialization: 188.4 MB/s vs 110.2 MB/s", then the peak memory of both.
    static func comparison(_ row: BenchRunner.Row, rows: [BenchRunner.Row]) -> String? {
        guard let baselineName = row.benchCase.baseline,
            let baseline = rows.first(where: { $0.benchCase.name == baselineName }),
            let result = row.result, let baselineResult = baseline.result
        else { return nil }
        let speed = baselineResult.bestSeconds / result.bestSeconds
        var text = "\(row.benchCase.subject) is \(ratio(speed)) \(baseline.benchCase.subject)"
        if let bytes = result.bytes, let baselineBytes = baselineResult.bytes {
            text += ": \(throughput(bytes: bytes, seconds: result.bestSeconds)) vs "
            text += "\(throughput(bytes: baselineBytes, seconds: baselineResult.bestSeconds))"
        }
        if let peak = row.peakResidentBytes, let baselinePeak = baseline.peakResidentBytes, peak > 0 {
            text += "\n  peak memory \(size(peak)) vs \(size(baselinePeak))"
            text += " (\(ratio(Double(baselinePeak) / Double(peak))) less)"
        }
        return text
    }

    static func ratio(_ value: Double) -> String { fixed(value, value < 10 ? 2 : 1) + "x" }

    static func duration(_ seconds: Double) -> String {
        if seconds < 1e-3 { return fixed(seconds * 1e6, 1) + " µs" }
        if seconds < 1 { return fixed(seconds * 1e3, 1) + " ms" }
        return fixed(seconds, 2) + " s"
    }

    static func throughput(bytes: Int, seconds: Double) -> String {
        fixed(Double(bytes) / seconds / 1e6, 1) + " MB/s"
    }

    static func size(_ bytes: Int) -> String {
        let megabytes = Double(bytes) / 1e6
        return megabytes < 1000 ? fixed(megabytes, 1) + " MB" : fixed(megabytes / 1e3, 2) + " GB"
    }

    /// `value` with `digits` decimals, without Foundation's formatters.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        guard digits > 0 else { return "\(whole)" }
        let fractionText = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
