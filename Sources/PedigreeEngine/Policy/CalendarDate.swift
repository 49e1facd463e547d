/// A calendar day (`YYYY-MM-DD`), enough to decide whether a waiver has expired.
///
/// The engine never reads the clock: the caller passes today's date (from the system or
/// `SOURCE_DATE_EPOCH`), so that an audit is reproducible.
public struct CalendarDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (also the date part of an ISO 8601 timestamp); nil when it is not one.
    ///
    /// Grammar: `date = 4DIGIT "-" 2DIGIT "-" 2DIGIT [ "T" *ANY ]`, month 1–12, day 1–31.
    public init?(_ text: String) {
        let head = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let parts = head.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The UTC day of a Unix timestamp (for `SOURCE_DATE_EPOCH`).
    public init(unixSeconds: Int64) {
        // Civil-from-days (H. Hinnant's algorithm), valid for the proleptic Gregorian calendar.
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: Int(yoe + era * 400 + (month <= 2 ? 1 : 0)), month: Int(month), day: Int(day))
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
