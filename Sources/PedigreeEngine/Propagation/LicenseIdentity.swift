/// Version arithmetic on SPDX ids: `-only`, `-or-later`, `+`, and "the newest version it allows".
///
/// DOMAIN §5: `+` / `-or-later` counts as the newest version it allows. The families below are the
/// versioned licenses whose later versions a `+` can reach; for any other id `+` changes nothing.
enum LicenseIdentity {
    /// Known versions per family, oldest first.
    static let families: [String: [String]] = [
        "GPL": ["1.0", "2.0", "3.0"],
        "LGPL": ["2.0", "2.1", "3.0"],
        "AGPL": ["1.0", "3.0"],
        "GFDL": ["1.1", "1.2", "1.3"],
        "MPL": ["1.0", "1.1", "2.0"],
        "EUPL": ["1.0", "1.1", "1.2"],
        "CC-BY": ["1.0", "2.0", "2.5", "3.0", "4.0"],
        "CC-BY-SA": ["1.0", "2.0", "2.5", "3.0", "4.0"],
        "CC-BY-NC": ["1.0", "2.0", "2.5", "3.0", "4.0"],
        "CC-BY-ND": ["1.0", "2.0", "2.5", "3.0", "4.0"],
        "CC-BY-NC-SA": ["1.0", "2.0", "2.5", "3.0", "4.0"],
        "CC-BY-NC-ND": ["1.0", "2.0", "2.5", "3.0", "4.0"],
        "APACHE": ["1.0", "1.1", "2.0"],
        "OFL": ["1.0", "1.1"],
    ]

    struct Parts: Hashable {
        var family: String
        var version: String?
        var orLater: Bool
    }

    /// Splits `GPL-2.0-or-later` into (`GPL`, `2.0`, orLater); family and comparison are upper-case.
    static func parts(of id: String, orLater flag: Bool = false) -> Parts {
        var text = id.uppercased()
        var orLater = flag
        if text.hasSuffix("+") {
            text.removeLast()
            orLater = true
        }
        if text.hasSuffix("-OR-LATER") {
            text.removeLast("-OR-LATER".count)
            orLater = true
        } else if text.hasSuffix("-ONLY") {
            text.removeLast("-ONLY".count)
        }
        if let dash = text.lastIndex(of: "-") {
            let tail = text[text.index(after: dash)...]
            if let first = tail.first, first.isNumber, tail.allSatisfy({ $0.isNumber || $0 == "." }) {
                return Parts(family: String(text[..<dash]), version: String(tail), orLater: orLater)
            }
        }
        return Parts(family: text, version: nil, orLater: orLater)
    }

    /// The id's identity for comparisons: `FAMILY-VERSION`, with `+` raised to the newest version.
    static func normalized(_ id: String, orLater flag: Bool = false) -> String {
        let p = parts(of: id, orLater: flag)
        guard let version = p.version else { return p.family }
        if p.orLater, let newest = families[p.family]?.last { return p.family + "-" + newest }
        return p.family + "-" + version
    }

    /// The ids to try, in order, when looking up the terms of an id (newest version first for `+`).
    static func lookupCandidates(_ id: String, orLater flag: Bool) -> [String] {
        let p = parts(of: id, orLater: flag)
        var candidates: [String] = []
        if p.orLater, let version = p.version, let newest = families[p.family]?.last, newest != version {
            let original = familySpelling(id, family: p.family)
            candidates += [original + "-" + newest + "-or-later", original + "-" + newest + "-only", original + "-" + newest]
        }
        if p.orLater, let version = p.version {
            let original = familySpelling(id, family: p.family)
            candidates += [original + "-" + version + "-or-later"]
        }
        candidates.append(id)
        if let version = p.version {
            let original = familySpelling(id, family: p.family)
            candidates += [original + "-" + version + "-only", original + "-" + version]
        }
        var seen = Set<String>()
        return candidates.filter { seen.insert($0.uppercased()).inserted }
    }

    /// The family as the id spells it (`Apache` rather than `APACHE`), for building lookup candidates.
    private static func familySpelling(_ id: String, family: String) -> String {
        String(id.prefix(family.count))
    }
}
