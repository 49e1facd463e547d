import PedigreeLicenses

/// One license as the engine uses it: an expression atom (id, `+`, `WITH` exception) with its terms.
struct ResolvedLicense: Sendable {
    /// Canonical text of the atom, e.g. `GPL-2.0-only WITH Classpath-exception-2.0`.
    let key: String
    let id: String
    let orLater: Bool
    let exception: String?
    /// Nil when the catalog does not know the id: an unknown license, which carries no terms.
    let terms: LicenseTerms?
    /// `FAMILY-VERSION`, `+` raised to the newest version: the identity compatibility checks compare.
    let normalized: String
    /// A `WITH` exception that lets linking code escape the copyleft (Classpath and its kin).
    let linkingException: Bool
    /// The aspects a component licensed under this license holds itself.
    let own: AspectMask

    /// Exceptions whose purpose is that linking (or compiler output) does not extend the copyleft.
    static let linkingExceptions: Set<String> = [
        "CLASSPATH-EXCEPTION-2.0", "GCC-EXCEPTION-2.0", "GCC-EXCEPTION-3.1", "LLVM-EXCEPTION",
        "LGPL-3.0-LINKING-EXCEPTION", "OCAML-LGPL-LINKING-EXCEPTION", "GNU-COMPILER-EXCEPTION",
        "LIBTOOL-EXCEPTION", "BISON-EXCEPTION-2.2", "AUTOCONF-EXCEPTION-3.0", "AUTOCONF-EXCEPTION-2.0",
        "FONT-EXCEPTION-2.0", "FREERTOS-EXCEPTION-2.0", "QT-LGPL-EXCEPTION-1.1", "ECOS-EXCEPTION-2.0",
        "WXWINDOWS-EXCEPTION-3.1", "UNIVERSAL-FOSS-EXCEPTION-1.0", "U-BOOT-EXCEPTION-2.0",
        "SWIFT-EXCEPTION", "GPL-3.0-LINKING-EXCEPTION", "GPL-3.0-LINKING-SOURCE-EXCEPTION",
    ]

    init(id: String, orLater: Bool, exception: String?, catalog: any LicenseCatalog) {
        self.id = id
        self.orLater = orLater
        self.exception = exception
        var key = id + (orLater && !id.hasSuffix("+") && !id.uppercased().hasSuffix("-OR-LATER") ? "+" : "")
        if let exception { key += " WITH " + exception }
        self.key = key
        var found: LicenseTerms?
        for candidate in LicenseIdentity.lookupCandidates(id, orLater: orLater) {
            if let terms = catalog.terms(for: candidate) {
                found = terms
                break
            }
        }
        terms = found
        // Compare by the catalog's own id when it knows the license: aliases then compare equal.
        normalized = found.map { LicenseIdentity.normalized($0.id) } ?? LicenseIdentity.normalized(id, orLater: orLater)
        linkingException = exception.map { Self.linkingExceptions.contains($0.uppercased()) } ?? false
        own = found.map(Self.ownAspects) ?? AspectMask()
    }

    var displayID: String { key }

    static func ownAspects(_ terms: LicenseTerms) -> AspectMask {
        var mask = AspectMask([.work])
        switch terms.copyleft {
        case .strong, .network: mask.insert(.copyleft)
        case .weakFile, .weakLibrary: mask.insert(.weakCopyleft)
        case .shareAlike: mask.insert(.shareAlike)
        case .none: break
        }
        if terms.commercial != .allowed || !terms.thresholds.isEmpty { mask.insert(.commercial) }
        if !terms.derivativesAllowed { mask.insert(.noDerivatives) }
        if terms.useRestrictionsFlowDown { mask.insert(.useRestrictions) }
        let a = terms.attribution
        if a.notice != nil || a.display != nil || a.namePrefix != nil || a.licenseCopy || a.noticeFile {
            mask.insert(.attribution)
        }
        if terms.hostedServiceForbidden || terms.hostingIsDistribution { mask.insert(.hosting) }
        if !terms.territory.isEmpty { mask.insert(.territory) }
        if !terms.outputUse.isEmpty || terms.derivativeIncludesOutputs { mask.insert(.outputTerms) }
        return mask
    }

    var isStrongCopyleft: Bool { terms?.copyleft == .strong || terms?.copyleft == .network }
    var isNetworkCopyleft: Bool { terms?.copyleft == .network }

    /// Permissive: no copyleft, commercial use allowed, derivatives allowed, nothing that flows down.
    var isPermissive: Bool {
        guard let terms else { return false }
        return terms.copyleft == .none && terms.commercial == .allowed && terms.thresholds.isEmpty
            && terms.derivativesAllowed && !terms.useRestrictionsFlowDown && terms.outputUse.isEmpty
            && !terms.hostedServiceForbidden && terms.territory.isEmpty
    }
}
