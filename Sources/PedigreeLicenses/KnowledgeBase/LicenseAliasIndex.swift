/// Looks up licenses by name key, URL key and family word, built once from the data file.
///
/// Each key remembers the targets of its best source only: an entry's own id beats its aliases, and
/// aliases beat names and URLs taken from the SPDX list. A key with several targets at its best level
/// is ambiguous (`bsd` is an alias of BSD-2-Clause, BSD-3-Clause and BSD-4-Clause), never a guess.
struct LicenseAliasIndex: Sendable {
    enum Priority: Int, Sendable, Comparable {
        case entryID = 0, alias = 1, spdxID = 2, spdxName = 3

        static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private struct Targets: Sendable {
        var priority: Priority
        var ids: [String]
    }

    private var names: [String: Targets] = [:]
    private var urls: [String: Targets] = [:]
    private var familyWords: [String: [String]] = [:]
    private var exceptions: [String: String] = [:]
    /// Full names as the SPDX list and ScanCode register them (trimmed, lower-cased) → the one id they
    /// name; a name registered for two ids is left out. Reading such a name is reading a license's own
    /// name, not a rewrite (curated aliases catch misspellings, which are).
    private var registeredNames: [String: String?] = [:]
    /// The most words any indexed name has, which bounds how far the lenient reader looks ahead.
    private(set) var maxWords = 1

    /// Words that name no family even though many licenses contain them.
    private static let nonFamilyWords: Set<String> = [
        "license", "licence", "agreement", "public", "general", "the", "version", "and", "or", "with", "of", "for",
        "by", "v", "only", "later", "community", "open", "source", "software", "free", "terms", "use", "model",
        "research", "non", "commercial", "international", "unported", "generic", "exception", "clause", "new",
    ]

    mutating func add(name: String, id: String, priority: Priority) {
        if LicenseNameKey.isURL(name) {
            if let key = LicenseNameKey.url(name) { Self.insert(&urls, key: key, id: id, priority: priority) }
            return
        }
        let key = LicenseNameKey.name(name)
        guard !key.isEmpty else { return }
        Self.insert(&names, key: key, id: id, priority: priority)
        guard priority == .spdxName else { return }
        let registered = LicenseNameKey.trimmed(name).lowercased()
        if let existing = registeredNames[registered] {
            if existing != id { registeredNames[registered] = .some(nil) }
        } else {
            registeredNames[registered] = id
        }
        let words = LicenseNameKey.words(name)
        maxWords = max(maxWords, name.split(whereSeparator: { $0.isWhitespace }).count, min(words.count, 32))
    }

    mutating func add(url: String, id: String, priority: Priority) {
        if let key = LicenseNameKey.url(url) { Self.insert(&urls, key: key, id: id, priority: priority) }
    }

    /// Whether `name` is, up to case and surrounding spaces, a name registered for `id` alone.
    func isRegisteredName(_ name: String, of id: String) -> Bool {
        registeredNames[LicenseNameKey.trimmed(name).lowercased()] == .some(id)
    }

    /// Indexes a license exception by its id and name.
    mutating func add(exception name: String, id: String) {
        let key = LicenseNameKey.name(name)
        if !key.isEmpty, exceptions[key] == nil { exceptions[key] = id }
    }

    /// The exception id a name or id means, nil when none.
    ///
    /// Without a version (`classpath exception`), the one exception whose key begins with the name's.
    func resolve(exception name: String) -> String? {
        let key = LicenseNameKey.name(name)
        guard !key.isEmpty else { return nil }
        if let id = exceptions[key] { return id }
        let ids = Set(exceptions.filter { $0.key.hasPrefix(key) && $0.key.dropFirst(key.count).first?.isNumber == true }.values)
        return ids.count == 1 ? ids.first : nil
    }

    /// Records the words of an id or alias as family words (`gpl` in `GPL-2.0-only`, `openrail` in
    /// `bigscience-openrail-m`).
    mutating func addFamilyWords(of text: String, id: String) {
        guard !LicenseNameKey.isURL(text) else { return }
        for word in LicenseNameKey.words(text) where Self.isFamilyWord(word) {
            var ids = familyWords[word, default: []]
            if !ids.contains(id) {
                ids.append(id)
                familyWords[word] = ids
            }
        }
    }

    private static func isFamilyWord(_ word: String) -> Bool {
        word.count >= 2 && !nonFamilyWords.contains(word) && word.allSatisfy { $0.isLetter || $0 == "+" }
            && word.contains(where: \.isLetter)
    }

    private static func insert(_ table: inout [String: Targets], key: String, id: String, priority: Priority) {
        if var targets = table[key] {
            if priority < targets.priority {
                table[key] = Targets(priority: priority, ids: [id])
            } else if priority == targets.priority, !targets.ids.contains(id) {
                targets.ids.append(id)
                table[key] = targets
            }
        } else {
            table[key] = Targets(priority: priority, ids: [id])
        }
    }

    func resolve(name: String) -> LicenseNameResolution {
        if LicenseNameKey.isURL(name) { return resolve(url: name) }
        return Self.resolution(names[LicenseNameKey.name(name)])
    }

    func resolve(url: String) -> LicenseNameResolution {
        guard let key = LicenseNameKey.url(url) else { return .unknown }
        return Self.resolution(urls[key])
    }

    /// The licenses a bare family word names (`bsd`, `gpl`, `openrail`), when there are at least two.
    func family(_ text: String) -> [String] {
        let words = LicenseNameKey.words(text)
        guard words.count == 1, Self.isFamilyWord(words[0]), let ids = familyWords[words[0]], ids.count >= 2 else {
            return []
        }
        return ids
    }

    private static func resolution(_ targets: Targets?) -> LicenseNameResolution {
        guard let targets else { return .unknown }
        return targets.ids.count == 1 ? .license(targets.ids[0]) : .ambiguous(targets.ids)
    }
}
