/// Facts about the run rather than the product: today's date and the accepted baseline.
public struct AuditOptions: Sendable, Hashable {
    /// Today, for waiver expiry; nil means waivers never expire in this run (and that is stated).
    public var today: CalendarDate?
    /// Fingerprints of findings accepted earlier (`--baseline`); such findings are reported, not blocking.
    public var baseline: Set<String>

    public init(today: CalendarDate? = nil, baseline: Set<String> = []) {
        self.today = today
        self.baseline = baseline
    }
}
