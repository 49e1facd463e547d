/// Facts about the run rather than the product: today's date, the accepted baseline and what blocks.
public struct AuditOptions: Sendable, Hashable {
    /// Today, for waiver expiry; nil means waivers never expire in this run (and that is stated).
    public var today: CalendarDate?
    /// Fingerprints of findings accepted earlier (`--baseline`); such findings are reported, not blocking.
    public var baseline: Set<String>
    /// The lowest severity that blocks (`--fail-on`; errors by default, DOMAIN §6); nil: nothing blocks.
    /// The summary's blocking count and each finding's status follow it, so they agree with the exit code.
    public var blockingSeverity: FindingSeverity?

    public init(today: CalendarDate? = nil, baseline: Set<String> = [], blockingSeverity: FindingSeverity? = .error) {
        self.today = today
        self.baseline = baseline
        self.blockingSeverity = blockingSeverity
    }
}
