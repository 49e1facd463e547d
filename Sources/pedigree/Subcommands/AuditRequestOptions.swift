#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import PedigreeCore

/// The options of every command that audits (`audit`, `explain`, `notice`): the inputs, the product
/// context flags and the policy, turned into one `AuditRequest`.
struct AuditRequestOptions: ParsableArguments {
    @OptionGroup
    var input: InputOptions

    @OptionGroup(title: "Product context")
    var product: ProductContextOptions

    @OptionGroup(title: "Policy")
    var policy: PolicyOptions

    /// The request the options state, with the policy read (a policy that cannot be used ends the
    /// run with exit code 2) and today's date for waiver expiry.
    func request() throws -> AuditRequest {
        var request = AuditRequest(inputs: input.inputs, context: product.context, options: AuditOptions(today: Self.today()))
        try policy.apply(to: &request)
        return request
    }

    /// Today for waiver expiry: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the clock (UTC).
    static func today() -> CalendarDate {
        if let epoch = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }), let seconds = Int64(epoch) {
            return CalendarDate(unixSeconds: seconds)
        }
        return CalendarDate(unixSeconds: Int64(time(nil)))
    }
}
