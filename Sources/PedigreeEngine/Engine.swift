import PedigreeDiagnostics
import PedigreeLicenses
import PedigreeModel

/// Audits a lineage graph: resolves the product context, reads every license, chooses among `OR`
/// alternatives, propagates terms to a fixed point and runs every rule of the catalogue.
///
/// - Complexity: O(L · (V + E)) for L distinct licenses carrying terms, plus the findings' paths.
public enum Engine {
    /// Runs an audit.
    ///
    /// - Parameters:
    ///   - graph: the merged lineage graph (roots as the inputs named them).
    ///   - context: the product context from the manifest and flags; fields it leaves unstated come from
    ///     `policy.product`, and what is still unstated is assumed (commercial, distributed as a binary).
    ///   - policy: deny/allow lists, severities, interpretations, waivers.
    ///   - catalog: license knowledge (`KnowledgeBase.shared` in the tool).
    ///   - options: today's date (for waiver expiry) and the baseline.
    public static func audit(
        graph: LineageGraph, context: ProductContext = ProductContext(), policy: AuditPolicy = AuditPolicy(),
        catalog: any LicenseCatalog, options: AuditOptions = AuditOptions()
    ) -> AuditResult {
        let (graph, lineageNotes) = KnownLineage.extend(graph, catalog: catalog)
        var diagnostics: [Diagnostic] = lineageNotes
        var index = GraphIndex(graph: graph, interpretation: policy.interpretation)
        let stated = policy.product.overridden(by: context)
        // Loops are reported by the merge that built the graph; here they decide attachments and conflicts.
        let strongComponents = StronglyConnectedComponents(graph)
        var (product, roots) = ProductResolver.resolve(
            stated: stated, policy: policy, index: &index, components: strongComponents)
        let rootSet = Set(roots)

        // Read every license once per distinct statement text.
        var table: [ResolvedLicense] = []
        var tableIndex: [String: Int] = [:]
        func intern(_ atom: ExpressionAlternatives.Atom) -> Int {
            let key = atom.id + "\u{1F}" + (atom.orLater ? "+" : "") + "\u{1F}" + (atom.exception ?? "")
            if let existing = tableIndex[key] { return existing }
            table.append(ResolvedLicense(id: atom.id, orLater: atom.orLater, exception: atom.exception, catalog: catalog))
            tableIndex[key] = table.count - 1
            return table.count - 1
        }
        struct ReadingKey: Hashable {
            var parts: [String]
            var ambiguous: Bool
            var list: LicenseListEvidence?
        }
        var readings: [ReadingKey: LicenseReading] = [:]
        // Expanded once per distinct expression, however many components state it.
        struct InternedExpansion {
            var alternatives: [[Int]]
            var shared: [Int]
            var texts: [String]
            var truncated: Bool
        }
        var expansions: [LicenseExpression: InternedExpansion] = [:]
        var componentLicenses: [ComponentLicense] = []
        componentLicenses.reserveCapacity(index.nodeCount)
        for (node, component) in graph.components.enumerated() {
            var license = ComponentLicense()
            var statement = component.effectiveLicense
            if let given = statement, given.isEmpty || given.isNoAssertion { statement = given }
            let isRoot = rootSet.contains(node)
            func read(_ statement: LicenseStatement) -> LicenseReading {
                let key = ReadingKey(
                    parts: statement.parts.map { $0.form.rawValue + ":" + $0.raw }, ambiguous: statement.isAmbiguousList,
                    list: statement.list)
                if let cached = readings[key] { return cached }
                let reading = catalog.read(statement)
                readings[key] = reading
                return reading
            }
            if let statement, !statement.isEmpty {
                license.statement = statement
                license.reading = read(statement)
            }
            if isRoot, license.isMissing, let outbound = stated.license {
                let productStatement = LicenseStatement(LicenseText(outbound))
                license.statement = productStatement
                license.reading = read(productStatement)
                license.fromProductContext = true
            }
            if let reading = license.reading {
                // Readings are shared between equal statements, so each diagnostic is placed here.
                for diagnostic in reading.diagnostics {
                    var located = diagnostic
                    located.location = license.statement?.location ?? component.location ?? diagnostic.location
                    diagnostics.append(located)
                }
                if let expression = reading.expression {
                    let expanded = expansions[expression] ?? {
                        let expansion = ExpressionAlternatives.expand(expression)
                        let interned = InternedExpansion(
                            alternatives: expansion.alternatives.map { $0.map(intern) }, shared: expansion.shared.map(intern),
                            texts: expansion.alternatives.map { ExpressionAlternatives.text($0 + expansion.shared) },
                            truncated: expansion.truncated)
                        expansions[expression] = interned
                        return interned
                    }()
                    license.alternatives = expanded.alternatives
                    license.shared = expanded.shared
                    license.alternativeTexts = expanded.texts
                    license.truncatedAlternatives = expanded.truncated
                    if expanded.truncated {
                        diagnostics.append(.warning(
                            "license.too-many-alternatives",
                            "the license of '\(component.ref)' has more than \(ExpressionAlternatives.limit) alternatives; only the first \(ExpressionAlternatives.limit) were considered",
                            at: license.statement?.location ?? component.location))
                    }
                }
            }
            componentLicenses.append(license)
        }

        // The product's outbound license: stated, else the first root's own.
        var outbound: [Int] = []
        if let text = stated.license {
            let reading = catalog.read(LicenseStatement(LicenseText(text)))
            if let expression = reading.expression {
                outbound = ExpressionAlternatives.expand(expression).allAtoms.map(intern)
            }
        }
        if stated.license == nil {
            product.assumptions.append("the product's outbound license is not stated: the product's own license is used, and none is treated as proprietary")
        }

        let firstRoot = roots.min(by: { index.rank[$0] < index.rank[$1] })
        if outbound.isEmpty, let firstRoot { outbound = componentLicenses[firstRoot].atoms }

        // Which aspects can reach a root from each component, whatever the license (for OR choices),
        // and which components ship.
        let shippedVia = index.searchUpstream(from: roots) { EdgeClass.ships(index.edgeKind[$0]) }
        let shipped = shippedVia.map { $0 != -2 }
        var choices: [LicenseChoice] = []
        let undecided = (0..<index.nodeCount).filter { componentLicenses[$0].alternatives.count > 1 }
        if !undecided.isEmpty {
            var reaches: [Aspect: [Bool]] = [:]
            let passes: [Aspect: Set<EdgeClass>] = [
                .commercial: [.derivative, .staticLink, .dynamicLink, .trainedOn, .bundle],
                .copyleft: [.derivative, .staticLink, .dynamicLink],
                .hosting: [.derivative, .staticLink, .dynamicLink, .bundle],
                .territory: [.derivative, .staticLink, .dynamicLink, .bundle],
            ]
            for (aspect, classes) in passes {
                let via = index.searchUpstream(from: roots) { edge in
                    EdgeClass(rawValue: Int(index.edgeClass[edge])).map { classes.contains($0) } ?? false
                }
                reaches[aspect] = via.map { $0 != -2 }
            }
            let policyContext = RuleContextPolicy(policy: policy)
            let chooser = LicenseChooser(
                licenses: table, product: product, policyCheck: { policyContext.isDenied($0) },
                outbound: outbound.map { table[$0] }, reachesProduct: reaches)
            var decided = [Bool](repeating: false, count: index.nodeCount)
            for node in undecided.sorted(by: { index.rank[$0] < index.rank[$1] }) {
                var upstream: [Int] = []
                for slot in Int(index.upStart[node])..<Int(index.upStart[node + 1]) {
                    let edge = Int(index.upEdges[slot])
                    guard let edgeClass = EdgeClass(rawValue: Int(index.edgeClass[edge])),
                        [.derivative, .staticLink, .dynamicLink].contains(edgeClass)
                    else { continue }
                    let neighbour = componentLicenses[Int(index.edgeTo[edge])]
                    if neighbour.alternatives.count == 1 || neighbour.chosen > 0 || decided[Int(index.edgeTo[edge])] {
                        upstream += neighbour.atoms
                    }
                }
                let license = componentLicenses[node]
                let (chosen, choice) = chooser.choose(
                    license.alternatives, shared: license.shared, texts: license.alternativeTexts,
                    expression: license.reading?.expression.map(ExpressionAlternatives.shortDescription)
                        ?? license.alternativeTexts.joined(separator: " OR "),
                    component: graph.components[node].ref, node: node, upstream: upstream,
                    shipped: shipped[node], isRoot: rootSet.contains(node))
                componentLicenses[node].chosen = chosen
                decided[node] = true
                choices.append(choice)
            }
            choices.sort { $0.component < $1.component }
        }
        if stated.license == nil, let firstRoot { outbound = componentLicenses[firstRoot].atoms }

        // Propagation.
        var sources = [[Int32]](repeating: [], count: table.count)
        for node in 0..<index.nodeCount {
            for license in componentLicenses[node].atoms where sources[license].last != Int32(node) {
                sources[license].append(Int32(node))
            }
        }
        let tables = table.map { TransferTable(license: $0, interpretation: policy.interpretation) }
        let propagator = Propagator(index: index, licenses: table, tables: tables, sources: sources)
        let forward = propagator.forward()
        let rootReach = propagator.reachingRoots(roots, aspects: [.commercial, .copyleft, .hosting, .territory])
        let rootVia = index.searchUpstream(from: roots)
        var isDerivative = [Bool](repeating: false, count: index.nodeCount)
        for edge in 0..<index.realEdgeCount where index.edgeKind[edge].isDerivative {
            isDerivative[Int(index.edgeFrom[edge])] = true
        }
        if product.monthlyActiveUsers == nil || product.dailyActiveUsers == nil || product.annualRevenueUSD == nil {
            let metrics = Set(rootReach.filter { $0.aspect == .commercial }.flatMap {
                table[$0.license].terms?.thresholds.map(\.metric) ?? []
            })
            let missing = metrics.filter { metric in
                switch metric {
                case .monthlyActiveUsers: product.monthlyActiveUsers == nil
                case .dailyActiveUsers: product.dailyActiveUsers == nil
                case .annualRevenueUSD: product.annualRevenueUSD == nil
                }
            }.map(\.rawValue).sorted()
            if !missing.isEmpty {
                product.assumptions.append("usage thresholds reach the product but its \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") not stated: those limits were not checked")
            }
        }

        let knownFacts = graph.components.map { catalog.knownLicense(purl: $0.purl, name: $0.name, version: $0.version) }
        let ruleContext = RuleContext(
            index: index, product: product, roots: roots, policy: policy, catalog: catalog, licenses: table,
            componentLicenses: componentLicenses, outbound: outbound, forward: forward, propagator: propagator,
            rootReach: rootReach,
            rootVia: rootVia, shipped: shipped, isDerivative: isDerivative, knownFacts: knownFacts, cycleOf: strongComponents.cycleOf)

        // Rules, severities, fingerprints.
        var findings: [Finding] = []
        var identityByRef: [ComponentRef: String] = [:]
        for (node, component) in graph.components.enumerated() where identityByRef[component.ref] == nil {
            identityByRef[component.ref] = index.identity[node]
        }
        for rule in RuleCatalogue.all {
            guard let severity = policy.severity(of: rule.id) else { continue }
            for var finding in rule.evaluate(ruleContext) {
                finding.severity = severity
                // `source`, not `component`: the values hashed before derivative findings moved to the
                // derivative, so that fingerprints and older baselines still match (Finding's Decisions).
                finding.fingerprint = Fingerprint.make([
                    finding.rule.rawValue, identityByRef[finding.source] ?? finding.source.rawValue,
                    identityByRef[finding.firedAt] ?? finding.firedAt.rawValue,
                    finding.licenses.map { $0.uppercased() }.sorted().joined(separator: ","),
                ])
                findings.append(finding)
            }
        }
        InferredTermNotes.annotate(&findings, catalog: catalog)
        var identities: [ComponentRef: WaiverApplication.Identity] = [:]
        for component in graph.components where identities[component.ref] == nil {
            identities[component.ref] = WaiverApplication.Identity(name: component.name, purl: component.purl)
        }
        diagnostics += WaiverApplication.apply(policy.waivers, to: &findings, identities: identities, today: options.today)
        if options.today == nil, policy.waivers.contains(where: { $0.expires != nil }) {
            product.assumptions.append("no date was given for the audit: waiver expiry dates were not checked")
        }
        WaiverApplication.applyBaseline(options.baseline, to: &findings)
        for position in findings.indices { findings[position].blockingSeverity = options.blockingSeverity }
        findings = Self.sorted(findings)

        // The result.
        let components = graph.components.enumerated().map { node, component in
            let license = componentLicenses[node]
            let declared = component.declaredLicense.flatMap { $0.isEmpty ? nil : $0.displayText }
            let concluded = component.concludedLicense.flatMap { $0.isEmpty ? nil : $0.displayText }
            let inForce = license.atoms.isEmpty ? nil : license.atoms.map { table[$0].key }.joined(separator: " AND ")
            return AuditedComponent(
                ref: component.ref, name: component.name, version: component.version, kind: component.kind,
                purl: component.purl, declaredLicense: declared, concludedLicense: concluded, license: inForce,
                licensesDiffer: declared != nil && concluded != nil && declared != concluded
                    && !(component.concludedLicense?.isNoAssertion ?? false),
                location: component.location, ships: shipped[node], isProduct: rootSet.contains(node),
                copyright: component.copyrightText)
        }
        var relationships = graph.edges.map { edge in
            AuditedRelationship(
                from: edge.from, to: edge.to, kind: edge.kind, origin: edge.statedAs ?? edge.origin?.file,
                location: edge.location)
        }
        for edge in index.realEdgeCount..<index.edgeKind.count {
            relationships.append(AuditedRelationship(
                from: graph.components[Int(index.edgeFrom[edge])].ref, to: graph.components[Int(index.edgeTo[edge])].ref,
                kind: index.edgeKind[edge], origin: "attached-to-product", attached: true))
        }
        return AuditResult(
            context: product, components: components, relationships: relationships, findings: findings,
            choices: choices, obligations: ObligationCollector.collect(ruleContext), diagnostics: diagnostics,
            ruleContext: ruleContext)
    }

    /// Sorts by `findingOrder`, moving indices rather than the (large) findings themselves.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        // Integer keys, so that comparing does not copy findings or compare strings more than once.
        let files = Array(Set(findings.map { $0.location?.file ?? "" })).sorted()
        var fileRank: [String: Int] = [:]
        for (rank, file) in files.enumerated() { fileRank[file] = rank }
        let fingerprints = findings.map(\.fingerprint)
        let fingerprintOrder = fingerprints.indices.sorted { fingerprints[$0] < fingerprints[$1] }
        var fingerprintRank = [Int](repeating: 0, count: findings.count)
        for (rank, position) in fingerprintOrder.enumerated() { fingerprintRank[position] = rank }
        struct Key: Comparable {
            var file: Int, line: Int, column: Int, offset: Int, rule: Int, fingerprint: Int, position: Int
            static func < (l: Key, r: Key) -> Bool {
                if (l.file, l.line, l.column, l.offset) != (r.file, r.line, r.column, r.offset) {
                    return (l.file, l.line, l.column, l.offset) < (r.file, r.line, r.column, r.offset)
                }
                return (l.rule, l.fingerprint, l.position) < (r.rule, r.fingerprint, r.position)
            }
        }
        let keys = findings.indices.map { position in
            let finding = findings[position]
            let location = finding.location
            return Key(
                file: fileRank[location?.file ?? ""] ?? 0, line: location?.line ?? 0, column: location?.column ?? 0,
                offset: location?.byteOffset ?? 0, rule: finding.rule.catalogueIndex,
                fingerprint: fingerprintRank[position], position: position)
        }
        return keys.sorted().map { findings[$0.position] }
    }

    /// Location, then rule, then fingerprint: the order STYLE.md asks of reports.
    static func findingOrder(_ l: Finding, _ r: Finding) -> Bool {
        let left = l.location ?? SourceLocation(file: "", line: 0, column: 0)
        let right = r.location ?? SourceLocation(file: "", line: 0, column: 0)
        if left != right { return left < right }
        if l.rule != r.rule { return l.rule < r.rule }
        if l.fingerprint != r.fingerprint { return l.fingerprint < r.fingerprint }
        return l.message < r.message
    }
}

/// The policy's deny/allow test, usable before the rule context exists.
struct RuleContextPolicy {
    let policy: AuditPolicy

    func isDenied(_ license: ResolvedLicense) -> Bool {
        guard license.terms != nil else { return false }
        if RuleContext.listMatches(policy.allow, license) { return false }
        if policy.deny.isEmpty { return !policy.allow.isEmpty }
        return RuleContext.listMatches(policy.deny, license)
    }
}
