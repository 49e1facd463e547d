/// Reads a usage threshold (users or revenue, and the limit) from a sentence's plain text.
///
/// Decisions: the metric is daily active users when the sentence says "daily", revenue when it says
/// "revenue" or "turnover", else monthly active users; the limit is the largest number the sentence
/// states, scaled by a following "thousand", "million" or "billion" (or `k`, `m`, `b`). A sentence
/// without a number states no threshold.
enum LicenseThresholdReader {
    static func threshold(in plain: String) -> LicenseTerms.Threshold? {
        let metric: LicenseTerms.ThresholdMetric
        if plain.contains(" revenue ") || plain.contains(" turnover ") {
            metric = .annualRevenueUSD
        } else if plain.contains(" daily ") {
            metric = .dailyActiveUsers
        } else {
            metric = .monthlyActiveUsers
        }
        let words = plain.split(separator: " ")
        var largest: Double?
        for (index, word) in words.enumerated() {
            var digits = word.filter { $0.isNumber || $0 == "." }
            while digits.hasSuffix(".") { digits.removeLast() }
            let compact = word.filter { $0 != "," && $0 != "$" }
            var suffixScale: Double = 1
            if let last = compact.last, ["k", "m", "b"].contains(last), compact.dropLast().allSatisfy({ $0.isNumber || $0 == "." }) {
                suffixScale = last == "k" ? 1e3 : last == "m" ? 1e6 : 1e9
            } else if !compact.allSatisfy({ $0.isNumber || $0 == "." }) {
                continue
            }
            guard !digits.isEmpty, var value = Double(digits) else { continue }
            value *= suffixScale
            if index + 1 < words.count {
                switch words[index + 1] {
                case "thousand": value *= 1e3
                case "million": value *= 1e6
                case "billion": value *= 1e9
                default: break
                }
            }
            if value > (largest ?? 0) { largest = value }
        }
        guard let largest, largest >= 100 else { return nil }
        return LicenseTerms.Threshold(metric: metric, limit: largest)
    }
}
