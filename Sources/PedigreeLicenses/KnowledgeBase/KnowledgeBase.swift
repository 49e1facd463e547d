/// Pedigree's license knowledge: the terms of the licenses it knows, the names they go by, the SPDX
/// License List, components whose license is a fact, and license compatibility.
///
/// The data lives in one file, `Sources/PedigreeLicenses/Data/knowledge-base.json`, validated by
/// `Schemas/knowledge-base.schema.json` and loaded once (`shared`). Its sections:
/// - `licenses` (software, data and content licenses) and `modelLicenses` (AI model and output terms):
///   entries with the fields of `LicenseTerms` plus `aliases`, `category` and `notes`. Omitted optional
///   keys take defaults: lists empty, flags false, `derivativesAllowed` true, attribution empty.
///   `copyleft`, `commercial`, `category` and `sources` are required: a fact is stated or absent.
/// - `knownComponents`: identifiers (purl, Hugging Face id, name) with their license, optionally by
///   version range or date.
/// - `compatibility`: differences between Pedigree's verdicts and the OSADL matrix, each with a reason.
/// - `spdxLicenses`, `spdxExceptions`: the SPDX list, written by `Scripts/generate-spdx-list.py`.
///
/// A second file, `Data/licenses-generated.json` (`GeneratedLicenseFile`), gives terms by rule to every
/// other license of the SPDX list and ScanCode LicenseDB; curated entries override it.
///
/// Unknown is a value: `terms(for:)` is nil for an id without properties, even when it is on the SPDX
/// list. Adding an alias to an entry is all it takes to make the lenient reader understand a new name.
public struct KnowledgeBase: LicenseCatalog, LicenseIDLookup, Sendable {
    /// The bundled knowledge base, loaded on first use.
    ///
    /// The bundled file is part of the build and a test decodes it, so a failure here means a broken
    /// installation, not bad input: it stops the program with the decoding error.
    public static let shared: KnowledgeBase = {
        do {
            return try bundled()
        } catch {
            fatalError("pedigree: the bundled license knowledge base is damaged: \(error)")
        }
    }()

    /// Entries of `licenses`, then those of `modelLicenses`, then the generated ones (`Data/licenses-generated.json`).
    public let entries: [LicenseEntry]
    /// Ids of the entries that came from `modelLicenses`.
    public let modelLicenseIDs: Set<String>
    /// Ids of the entries decided by a rule of the generated data rather than curated one by one.
    public let generatedLicenseIDs: Set<String>
    public let knownComponents: [KnownComponent]
    public let compatibilityNotes: [CompatibilityNote]
    public let spdxLicenseListVersion: String
    public let spdxLicenses: [SPDXLicense]
    public let spdxExceptions: [SPDXException]

    private let entryIndex: [String: Int]
    /// Hugging Face Hub license id (lower-cased) -> the license it names (`huggingFaceLicenseIDs`).
    private let huggingFaceIDs: [String: String]
    private let spdxIndex: [String: Int]
    private let exceptionIndex: [String: Int]
    let aliases: LicenseAliasIndex
    private let componentIndex: [String: [Int]]
    private let noteIndex: [String: Int]

    /// Builds the indexes over curated and generated entries.
    ///
    /// A curated entry wins over a generated one with the same id, and generated ids and aliases are
    /// indexed below curated aliases, so the curated file stays the one source of truth for what it
    /// covers. `@name` in a `gplCompatibility` list is replaced by the members of group `name`.
    public init(
        licenses: [LicenseEntry], modelLicenses: [LicenseEntry] = [], knownComponents: [KnownComponent] = [],
        compatibilityNotes: [CompatibilityNote] = [], spdxLicenseListVersion: String = "",
        spdxLicenses: [SPDXLicense] = [], spdxExceptions: [SPDXException] = [],
        generated: GeneratedLicenses = GeneratedLicenses(), huggingFaceLicenseIDs: [String: String] = [:]
    ) {
        var hub: [String: String] = [:]
        for (hubID, id) in huggingFaceLicenseIDs { hub[hubID.lowercased()] = id }
        self.huggingFaceIDs = hub
        let curatedIDs = Set((licenses + modelLicenses).map { $0.id.lowercased() })
        let generatedEntries = generated.entries.filter { !curatedIDs.contains($0.id.lowercased()) }
        entries = (licenses + modelLicenses + generatedEntries).map { generated.expandingGroups(in: $0) }
        modelLicenseIDs = Set(modelLicenses.map(\.id))
        generatedLicenseIDs = Set(generatedEntries.map(\.id))
        self.knownComponents = knownComponents
        self.compatibilityNotes = compatibilityNotes
        self.spdxLicenseListVersion = spdxLicenseListVersion
        self.spdxLicenses = spdxLicenses
        self.spdxExceptions = spdxExceptions

        var entryIndex: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where entryIndex[entry.id.lowercased()] == nil {
            entryIndex[entry.id.lowercased()] = index
        }
        // Deprecated SPDX ids stay out of the id index: reading rewrites them, with a warning.
        let scanCodeNames = generated.aliases.map { ($0.key, $0.value) }
            + generatedEntries.flatMap { entry in entry.aliases.map { ($0, entry.id) } }
        for (alias, id) in scanCodeNames where alias.hasPrefix("LicenseRef-") {
            if entryIndex[alias.lowercased()] == nil, let target = entryIndex[id.lowercased()] {
                entryIndex[alias.lowercased()] = target
            }
        }
        var spdxIndex: [String: Int] = [:]
        for (index, license) in spdxLicenses.enumerated() { spdxIndex[license.id.lowercased()] = index }
        var exceptionIndex: [String: Int] = [:]
        for (index, exception) in spdxExceptions.enumerated() { exceptionIndex[exception.id.lowercased()] = index }

        var aliases = LicenseAliasIndex()
        for entry in entries where !generatedLicenseIDs.contains(entry.id) {
            aliases.add(name: entry.id, id: entry.id, priority: .entryID)
            aliases.addFamilyWords(of: entry.id, id: entry.id)
            for alias in entry.aliases {
                aliases.add(name: alias, id: entry.id, priority: .alias)
                aliases.addFamilyWords(of: alias, id: entry.id)
            }
        }
        for license in spdxLicenses where !license.isDeprecated {
            aliases.add(name: license.id, id: license.id, priority: .spdxID)
            aliases.add(name: license.name, id: license.id, priority: .spdxName)
            aliases.add(url: license.referenceURL, id: license.id, priority: .spdxID)
            for url in license.urls { aliases.add(url: url, id: license.id, priority: .spdxName) }
            aliases.addFamilyWords(of: license.id, id: license.id)
        }
        for entry in generatedEntries {
            aliases.add(name: entry.id, id: entry.id, priority: .spdxID)
            for alias in entry.aliases { aliases.add(name: alias, id: entry.id, priority: .spdxID) }
            if entry.id.hasPrefix("LicenseRef-") { aliases.add(name: entry.name, id: entry.id, priority: .spdxName) }
        }
        for (alias, id) in generated.aliases.sorted(by: { $0.key < $1.key }) {
            aliases.add(name: alias, id: id, priority: .spdxID)
        }
        for exception in spdxExceptions where !exception.isDeprecated {
            aliases.add(exception: exception.id, id: exception.id)
            aliases.add(exception: exception.name, id: exception.id)
        }
        self.entryIndex = entryIndex
        self.spdxIndex = spdxIndex
        self.exceptionIndex = exceptionIndex
        self.aliases = aliases

        var componentIndex: [String: [Int]] = [:]
        for (index, component) in knownComponents.enumerated() {
            for identifier in component.identifiers {
                let key = KnownComponent.purlWithoutVersion(identifier) ?? identifier.lowercased()
                componentIndex[key, default: []].append(index)
            }
        }
        self.componentIndex = componentIndex
        var noteIndex: [String: Int] = [:]
        for (index, note) in compatibilityNotes.enumerated() {
            noteIndex[Self.pairKey(note.leading, note.other)] = index
        }
        self.noteIndex = noteIndex
    }

    // MARK: Lookup by id

    /// The entry of a license id (case-insensitive), nil when the knowledge base has no properties for it.
    public func entry(for id: String) -> LicenseEntry? {
        entryIndex[id.lowercased()].map { entries[$0] }
    }

    public func terms(for id: String) -> LicenseTerms? { entry(for: id)?.terms }

    /// The SPDX list entry of an id (case-insensitive), deprecated ids included.
    public func spdxLicense(_ id: String) -> SPDXLicense? { spdxIndex[id.lowercased()].map { spdxLicenses[$0] } }

    public func spdxException(_ id: String) -> SPDXException? {
        exceptionIndex[id.lowercased()].map { spdxExceptions[$0] }
    }

    public func canonicalLicenseID(_ id: String) -> String? {
        if let license = spdxLicense(id) { return license.id }
        return entry(for: id)?.id
    }

    public func canonicalExceptionID(_ id: String) -> String? { spdxException(id)?.id }

    /// Whether the id came from the `modelLicenses` section.
    public func isModelLicense(_ id: String) -> Bool { entry(for: id).map { modelLicenseIDs.contains($0.id) } ?? false }

    // MARK: Lookup by name

    /// Resolves a license name, alias, Hugging Face id or URL (see `LicenseNameKey` for the normal forms).
    ///
    /// A deprecated SPDX id resolves through the alias of its replacement (`GPL-2.0` -> `GPL-2.0-only`).
    public func resolve(name: String) -> LicenseNameResolution {
        let resolution = aliases.resolve(name: name)
        if resolution != .unknown { return resolution }
        let family = aliases.family(name)
        return family.isEmpty ? .unknown : .ambiguous(family)
    }

    /// Whether `name` is one of the names the data registers for `id` (its SPDX name, a ScanCode name
    /// or an alias such as a PyPI classifier's), up to case and surrounding spaces.
    public func isRegisteredName(_ name: String, of id: String) -> Bool { aliases.isRegisteredName(name, of: id) }

    /// The license a Hugging Face Hub license id or common `license_name` value names (`llama3.1`,
    /// `flux-1-dev-non-commercial-license`), nil for anything else, family ids (`bsd`) included.
    public func huggingFaceLicense(_ hubID: String) -> String? {
        huggingFaceIDs[LicenseNameKey.trimmed(hubID).lowercased()]
    }

    /// Resolves a license URL (`license_link`, CycloneDX `license.url`).
    public func resolve(url: String) -> LicenseNameResolution { aliases.resolve(url: url) }

    /// The newest version an `orLater` license allows (DOMAIN.md §5): `GPL-2.0-or-later` ->
    /// `GPL-3.0-or-later`, `MPL-1.1` -> `MPL-2.0`; the id itself when the list has nothing newer.
    public func newestVersion(of id: String) -> String {
        guard let split = Self.versionSplit(id) else { return id }
        var best = (version: split.version, id: id)
        for license in spdxLicenses where !license.isDeprecated {
            guard let other = Self.versionSplit(license.id), other.prefix == split.prefix,
                other.suffix == split.suffix, VersionRange.compare(other.version, best.version) > 0
            else { continue }
            best = (other.version, license.id)
        }
        return best.id
    }

    /// `GPL-2.0-or-later` -> ("GPL", [2, 0], "or-later").
    static func versionSplit(_ id: String) -> (prefix: String, version: [Int], suffix: String)? {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard let index = parts.lastIndex(where: { part in
            part.first?.isNumber == true && part.allSatisfy { $0.isNumber || $0 == "." }
        }), index > 0, let version = VersionRange.numbers(parts[index], wholeText: true)
        else { return nil }
        return (parts[..<index].joined(separator: "-"), version, parts[(index + 1)...].joined(separator: "-"))
    }

    // MARK: Known components

    /// The known-component entries that match a component, optionally on a date (`YYYY-MM-DD`).
    public func knownComponents(purl: String?, name: String, version: String?, on date: String? = nil)
        -> [KnownComponent]
    {
        var result: [KnownComponent] = []
        var seen = Set<Int>()
        for key in KnownComponent.identityKeys(purl: purl, name: name) {
            for index in componentIndex[key] ?? [] where !seen.contains(index) {
                seen.insert(index)
                let component = knownComponents[index]
                if component.covers(version: version) && component.isValid(on: date) { result.append(component) }
            }
        }
        return result
    }

    public func knownLicense(purl: String?, name: String, version: String?) -> KnownLicenseFact? {
        knownLicense(purl: purl, name: name, version: version, on: nil)
    }

    /// The license a component is known to carry, when the matching entries agree on one; nil when
    /// nothing matches or the matching entries (different versions or dates) disagree.
    public func knownLicense(purl: String?, name: String, version: String?, on date: String?) -> KnownLicenseFact? {
        let matches = knownComponents(purl: purl, name: name, version: version, on: date)
        guard let first = matches.first, matches.allSatisfy({ $0.license == first.license }) else { return nil }
        return first.fact
    }

    /// The bases the matching known components were made from, each with the base's own known license;
    /// a base whose license the knowledge base does not know is left out (a test keeps the data whole).
    public func knownBases(purl: String?, name: String, version: String?) -> [KnownBaseFact] {
        var facts: [KnownBaseFact] = []
        for component in knownComponents(purl: purl, name: name, version: version) {
            for base in component.derivedFrom where !facts.contains(where: { $0.identifier == base.identifier }) {
                guard let license = knownLicense(purl: nil, name: base.identifier, version: nil) else { continue }
                facts.append(KnownBaseFact(
                    identifier: base.identifier, relationship: base.relationship, license: license.license,
                    note: component.note, sources: component.sources))
            }
        }
        return facts
    }

    // MARK: Compatibility

    /// Whether code under `other` may become part of a work released under `leading`, from the data:
    /// the same license; `other`'s `gplCompatibility` names `leading`; or `other` is permissive (no
    /// copyleft, no commercial, derivative, output or hosting limits) and `leading` is permissive too
    /// or only file-level copyleft (MPL, EPL, CDDL keep other files' licenses). Otherwise no; unknown
    /// when either license has no terms.
    ///
    /// Either side may carry a `WITH` exception (`GPL-2.0-only WITH Classpath-exception-2.0`): an
    /// exception is an additional permission, which a recipient may drop but not extend. So code with
    /// an exception may join a work under the same license without it; a work granting an exception
    /// may take in permissive and file-level copyleft code, but no other copyleft code, whose licensors
    /// granted no such permission.
    public func compatibility(leading: String, other: String) -> CompatibilityVerdict {
        guard let lead = compatibilityTerms(leading), let absorbed = compatibilityTerms(other) else { return .unknown }
        if lead.terms.id == absorbed.terms.id {
            // Two ids of one text (`bzip2-1.0.5`, `bzip2-1.0.6`) are compatible, not the same license.
            if lead.exception == absorbed.exception { return leading.caseInsensitiveEquals(other) ? .same : .yes }
            return lead.exception == nil ? .yes : .no
        }
        if lead.exception != nil, absorbed.terms.copyleft > .weakFile { return .no }
        return compatibility(lead: lead.terms, absorbed: absorbed.terms)
    }

    /// The terms of a license id, or of `ID WITH EXCEPTION` when both are known; nil otherwise.
    public func compatibilityTerms(_ text: String) -> (terms: LicenseTerms, exception: String?)? {
        let parts = text.components(separatedBy: " WITH ")
        var found = terms(for: parts[0])
        if found == nil, spdxLicense(parts[0])?.isDeprecated == true, case .license(let id) = resolve(name: parts[0]) {
            found = terms(for: id)
        }
        guard parts.count <= 2, let found else { return nil }
        guard parts.count == 2 else { return (found, nil) }
        guard let exception = canonicalExceptionID(parts[1]) else { return nil }
        return (found, exception)
    }

    private func compatibility(lead: LicenseTerms, absorbed: LicenseTerms) -> CompatibilityVerdict {
        if lead.id == absorbed.id { return .same }
        if absorbed.gplCompatibility.contains(where: { $0.caseInsensitiveEquals(lead.id) }) { return .yes }
        if Self.isUnrestricted(absorbed) && absorbed.copyleft == .none {
            if lead.copyleft == .none && Self.isUnrestricted(lead) { return .yes }
            if lead.copyleft == .weakFile { return .yes }
        }
        return .no
    }

    /// The documented difference from OSADL for a pair, if the data has one.
    public func compatibilityNote(leading: String, other: String) -> CompatibilityNote? {
        noteIndex[Self.pairKey(leading, other)].map { compatibilityNotes[$0] }
    }

    private static func isUnrestricted(_ terms: LicenseTerms) -> Bool {
        terms.commercial == .allowed && terms.derivativesAllowed && terms.outputUse.isEmpty
            && !terms.useRestrictionsFlowDown && !terms.hostedServiceForbidden && terms.thresholds.isEmpty
    }

    private static func pairKey(_ leading: String, _ other: String) -> String {
        leading.lowercased() + "\u{0}" + other.lowercased()
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
