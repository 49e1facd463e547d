/// Whether one license's work may be distributed under another (DOMAIN §8.8).
///
/// Same license (versions as `+` allows) or listed in the inbound license's `gplCompatibility`.
/// One fact is built in because it is in the license texts themselves rather than in a compatibility
/// list: GPL-3.0 §13 and AGPL-3.0 §13 let works under the two be combined.
enum LicenseCompatibility {
    static func absorbs(outbound: ResolvedLicense, inbound: ResolvedLicense) -> Bool {
        guard outbound.terms != nil, let terms = inbound.terms else { return false }
        if outbound.normalized == inbound.normalized { return true }
        let target = LicenseIdentity.parts(of: outbound.normalized)
        for entry in terms.gplCompatibility where matches(entry: entry, target: target) { return true }
        let pair: Set<String> = [outbound.normalized, inbound.normalized]
        if pair == ["GPL-3.0", "AGPL-3.0"] { return true }
        return false
    }

    /// A compatibility entry names the target: same family, and same version (or any later one for `+`).
    private static func matches(entry: String, target: LicenseIdentity.Parts) -> Bool {
        let parts = LicenseIdentity.parts(of: entry)
        guard parts.family == target.family else { return false }
        guard let version = parts.version, let targetVersion = target.version else {
            return parts.version == nil
        }
        if parts.orLater { return compare(targetVersion, version) >= 0 }
        return compare(targetVersion, version) == 0
    }

    private static func compare(_ a: String, _ b: String) -> Int {
        let left = a.split(separator: ".").map { Int($0) ?? 0 }
        let right = b.split(separator: ".").map { Int($0) ?? 0 }
        for position in 0..<max(left.count, right.count) {
            let l = position < left.count ? left[position] : 0
            let r = position < right.count ? right[position] : 0
            if l != r { return l < r ? -1 : 1 }
        }
        return 0
    }

    /// Whether any of the outbound licenses absorbs `inbound`; an unknown or missing outbound never does.
    static func anyAbsorbs(_ outbound: [ResolvedLicense], inbound: ResolvedLicense) -> Bool {
        outbound.contains { absorbs(outbound: $0, inbound: inbound) }
    }
}
