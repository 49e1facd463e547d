import PedigreeCore

/// A question across the portfolio: which products reach something, in which context.
public struct PortfolioQuery: Sendable, Hashable {
    public enum Subject: Sendable, Hashable {
        /// A component by ref, purl (any version), Hugging Face id or name.
        case component(String)
        /// A license id (`CC-BY-NC-4.0`) or a category (`non-commercial`, `network-copyleft`…).
        case license(String)
        /// Anything made from this model by fine-tuning, quantizing, merging, adapting or distilling.
        case derivedFrom(String)
    }

    public var subject: Subject
    public var commercial: Bool?
    public var distribution: [ProductContext.Distribution]
    public var monthlyActiveUsersOver: Int?
    public var allReleases: Bool
    public var product: String?

    public init(
        subject: Subject, commercial: Bool? = nil, distribution: [ProductContext.Distribution] = [],
        monthlyActiveUsersOver: Int? = nil, allReleases: Bool = false, product: String? = nil
    ) {
        self.subject = subject
        self.commercial = commercial
        self.distribution = distribution
        self.monthlyActiveUsersOver = monthlyActiveUsersOver
        self.allReleases = allReleases
        self.product = product
    }

    var filter: ReleaseFilter {
        ReleaseFilter(
            latestOnly: !allReleases, product: product, commercial: commercial,
            distributionMask: ContextColumns.mask(distribution), monthlyActiveUsersOver: monthlyActiveUsersOver)
    }
}

/// One release that answers a query, with the path that connects its product to the component.
public struct PortfolioMatch: Sendable, Hashable, Codable {
    public var product: String
    public var release: String
    public var component: String
    public var name: String
    public var version: String?
    public var license: String?
    /// From the product root down to the matched component (for `--derived-from`, on to the model).
    public var path: [PathStep]
    public var commercial: Bool
    public var distribution: [ProductContext.Distribution]
    public var monthlyActiveUsers: Int?
}

extension Portfolio {
    /// Answers a query: the index names the candidates, each with its shortest path.
    ///
    /// A category is decided from the knowledge base's terms for each license the portfolio uses (the
    /// same test a policy's `deny: [category]` applies); SQL then finds the components that carry them.
    public func query(_ query: PortfolioQuery) throws(StoreError) -> [PortfolioMatch] {
        let filter = query.filter
        var hits: [ReachHit]
        var lineageTargets: [Int64] = []
        switch query.subject {
        case .component(let text):
            let matcher = ComponentMatcher(text: text)
            let ids = try backend.componentIDs(identities: matcher.identities, nameKey: matcher.nameKey, ref: text)
            hits = try backend.reach(componentIDs: ids, filter: filter)
        case .license(let text):
            hits = try backend.reach(licenseKeys: try licenseKeys(text), filter: filter)
        case .derivedFrom(let text):
            let matcher = ComponentMatcher(text: text)
            lineageTargets = try backend.componentIDs(identities: matcher.identities, nameKey: matcher.nameKey, ref: text)
            hits = Self.nearestPerRelease(try backend.descendants(ancestorIDs: lineageTargets, filter: filter))
        }
        hits.sort { ($0.product, $0.handle.releaseID, $0.depth ?? .max, $0.ref) < ($1.product, $1.handle.releaseID, $1.depth ?? .max, $1.ref) }
        let nodes = hits.map { NodeKey(release: $0.handle, ref: $0.ref) }
        let paths = try backend.paths(to: nodes)
        let chains = lineageTargets.isEmpty ? [:] : try backend.lineages(from: nodes, to: lineageTargets)
        return zip(hits, nodes).map { hit, node in
            var path = paths[node] ?? [PathStep(ref: ComponentRef(hit.ref))]
            if let chain = chains[node] {
                if let first = chain.first, path.last?.ref == first.ref { path[path.count - 1] = first }
                path += chain.dropFirst()
            }
            return PortfolioMatch(
                product: hit.product, release: hit.version, component: hit.ref, name: hit.name,
                version: hit.componentVersion, license: hit.license, path: path, commercial: hit.context.commercial,
                distribution: hit.context.distribution, monthlyActiveUsers: hit.context.monthlyActiveUsers)
        }
    }

    /// The license keys (lowercased ids) a license query means: a category's members among the
    /// licenses the portfolio uses, else the id itself.
    func licenseKeys(_ text: String) throws(StoreError) -> [String] {
        guard let category = PolicyLicenseCategory(rawValue: text.lowercased()) else {
            let resolved = knowledge.base.canonicalLicenseID(text) ?? knowledge.base.entry(for: text)?.terms.id ?? text
            return Array(Set([text.lowercased(), resolved.lowercased()])).sorted()
        }
        return try backend.licenseIDs().filter { id in
            knowledge.base.terms(for: id).map(category.matches) ?? false
        }.map { $0.lowercased() }
    }

    /// For `--derived-from`, one answer per release: the derivative nearest its product.
    static func nearestPerRelease(_ hits: [ReachHit]) -> [ReachHit] {
        var best: [ReleaseHandle: ReachHit] = [:]
        for hit in hits {
            guard let current = best[hit.handle] else {
                best[hit.handle] = hit
                continue
            }
            let key = (hit.depth ?? .max, hit.lineageDepth ?? .max, hit.ref)
            let currentKey = (current.depth ?? .max, current.lineageDepth ?? .max, current.ref)
            if key < currentKey { best[hit.handle] = hit }
        }
        return Array(best.values)
    }
}
