#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PedigreeCore
import PedigreeStore

/// The portfolio store on SQLite and on PostgreSQL: `add` throughput and store size for generated
/// products of ~200 components each, then the latency of the three query kinds, of `impact` and the
/// throughput of `reaudit`, on each database.
///
/// The product count is `PEDIGREE_BENCH_PRODUCTS` (default 10,000, the issue's scale). Products draw
/// their libraries from one pool of 40,000, so that components recur across products as in a real
/// portfolio; each runs a fine-tune of one of 20 base models (one of them Llama 3.1 8B) trained on 2 of
/// 500 datasets (one non-commercial). Each product is audited once and the same release written to both
/// stores, so `add` is reported as the audit plus each database's write. PostgreSQL is a throwaway
/// cluster the bench starts (when PostgreSQL is installed), or `PEDIGREE_BENCH_POSTGRES=postgres://…`.
/// Goals at 10,000 products: each query under 100 ms, `impact` under 2 s.
enum PortfolioBench {
    static let queryRuns = 5
    static let database = "portfolio.db"
    static let serverFile = "postgres-server"
    /// Products re-audited to measure `reaudit` (all of them would take as long as `add`).
    static let reauditSample = 200

    static var productCount: Int {
        getenv("PEDIGREE_BENCH_PRODUCTS").flatMap { Int(String(cString: $0)) }.map { max(10, $0) } ?? 10_000
    }

    static let add = BenchCase(
        name: "portfolio.add", label: "store add", prepare: PortfolioBenchStores.startServer,
        finish: PortfolioBenchStores.stopServer
    ) { context in
        let stores = try PortfolioBenchStores(context, create: true)
        let timing = try build(stores)
        var detail = "\(productCount) products, \(try stores.sqlite.statistics().nodes / productCount) components each; "
            + "audit \(milliseconds(timing.audit / Double(productCount))) ms/release; "
            + "SQLite " + rates(write: timing.sqlite, audit: timing.audit, bytes: try stores.sqlite.databaseBytes())
        if let postgres = stores.postgres {
            detail += "; PostgreSQL " + rates(write: timing.postgres, audit: timing.audit, bytes: try postgres.databaseBytes())
        }
        return BenchResult(bestSeconds: timing.audit + timing.sqlite + timing.postgres, runs: 1, detail: detail)
    }

    static let cases: [BenchCase] = [add] + PortfolioBenchStores.Kind.allCases.flatMap { kind in
        [
            queryCase(kind, "query.component", "store query --component", PortfolioQuery(subject: .component("pkg:pypi/lib-7"))),
            queryCase(
                kind, "query.license", "store query --license category",
                PortfolioQuery(subject: .license("non-commercial"), commercial: true)),
            queryCase(
                kind, "query.derived", "store query --derived-from",
                PortfolioQuery(subject: .derivedFrom("meta-llama/Llama-3.1-8B"), commercial: true, monthlyActiveUsersOver: 700_000_000)),
            impactCase(kind), reauditCase(kind),
        ]
    }

    static func queryCase(_ kind: PortfolioBenchStores.Kind, _ name: String, _ label: String, _ query: PortfolioQuery) -> BenchCase {
        BenchCase(
            name: "portfolio.\(kind.rawValue).\(name)", label: "\(label) (\(kind.label))",
            prepare: PortfolioBenchStores.startServer, finish: PortfolioBenchStores.stopServer
        ) { context in
            let portfolio = try PortfolioBenchStores(context, create: false).portfolio(kind)
            var matches = 0
            let best = try Stopwatch.best(runs: queryRuns) { try portfolio.query(query) } inspect: { matches = $0.count }
            return BenchResult(bestSeconds: best, runs: queryRuns, detail: "\(matches) matches with paths")
        }
    }

    static func impactCase(_ kind: PortfolioBenchStores.Kind) -> BenchCase {
        BenchCase(
            name: "portfolio.\(kind.rawValue).impact", label: "store impact --relabel (\(kind.label))",
            prepare: PortfolioBenchStores.startServer, finish: PortfolioBenchStores.stopServer
        ) { context in
            let portfolio = try PortfolioBenchStores(context, create: false).portfolio(kind)
            var report: ImpactReport?
            let best = try Stopwatch.best(runs: 3) {
                try portfolio.impact(ImpactRequest(relabel: LicenseFact(component: "datasets/bench/dataset-1", license: "CC-BY-NC-4.0")))
            } inspect: { report = $0 }
            return BenchResult(
                bestSeconds: best, runs: 3,
                detail: "\(report?.releasesChecked ?? 0) releases audited twice, \(report?.changed.count ?? 0) would change")
        }
    }

    /// Re-audits a sample of products under a changed knowledge digest, one product at a time.
    static func reauditCase(_ kind: PortfolioBenchStores.Kind) -> BenchCase {
        BenchCase(
            name: "portfolio.\(kind.rawValue).reaudit", label: "store reaudit --changed (\(kind.label))",
            prepare: PortfolioBenchStores.startServer, finish: PortfolioBenchStores.stopServer
        ) { context in
            let knowledge = StoreKnowledge(base: .shared, digest: SHA256.hex("bench knowledge \(Stopwatch.now())"))
            let portfolio = try PortfolioBenchStores(context, create: false, knowledge: knowledge).portfolio(kind)
            let sample = min(reauditSample, productCount)
            let start = Stopwatch.now()
            var reaudited = 0
            for index in 0..<sample {
                reaudited += try portfolio.reaudit(ReauditRequest(changedOnly: true, product: "product-\(index)")).reaudited.count
            }
            let seconds = Stopwatch.now() - start
            return BenchResult(
                bestSeconds: seconds, runs: 1,
                detail: "\(reaudited) of \(productCount) releases: \(Int(Double(reaudited) / seconds)) releases/s")
        }
    }

    /// Audits every generated product once and stores it in each store; returns the seconds spent in
    /// the audit and in each database's write.
    static func build(_ stores: PortfolioBenchStores) throws -> (audit: Double, sqlite: Double, postgres: Double) {
        let manifest = stores.context.path("product-pedigree.yaml")
        var timing = (audit: 0.0, sqlite: 0.0, postgres: 0.0)
        for index in 0..<productCount {
            try writeFile(manifest, PortfolioBenchProduct.manifest(index))
            var start = Stopwatch.now()
            let prepared = try stores.sqlite.prepare(AddRequest(inputs: [manifest]))
            timing.audit += Stopwatch.now() - start
            start = Stopwatch.now()
            try check(stores.sqlite.store(prepared), index)
            timing.sqlite += Stopwatch.now() - start
            if let postgres = stores.postgres {
                start = Stopwatch.now()
                try check(postgres.store(prepared), index)
                timing.postgres += Stopwatch.now() - start
            }
        }
        return timing
    }

    static func check(_ outcome: AddOutcome, _ index: Int) throws {
        guard outcome.status == .stored else {
            throw BenchFailure("product \(index) was not stored: \(outcome.diagnostics.first?.message ?? "\(outcome.status)")")
        }
    }

    /// "write 14.2 ms/release, 22 releases/s with the audit, 1402 MiB".
    static func rates(write: Double, audit: Double, bytes: Int) -> String {
        "write \(BenchTable.fixed(write * 1_000 / Double(productCount), 1)) ms/release, "
            + "\(Int(Double(productCount) / (audit + write))) releases/s with the audit, \(bytes >> 20) MiB"
    }

    static func milliseconds(_ seconds: Double) -> String { String(Int((seconds * 1_000).rounded())) }

    static func writeFile(_ path: String, _ text: String) throws {
        guard let file = fopen(path, "w") else { throw BenchFailure("cannot write \(path)") }
        defer { fclose(file) }
        fputs(text, file)
    }

    static func readFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// One generated product as a pedigree.yaml: an application that runs a fine-tune and depends on ~196
/// libraries, some of which depend on each other.
enum PortfolioBenchProduct {
    static let libraryPool = 40_000
    static let libraryLicenses: [(String, Int)] = [
        ("MIT", 35), ("Apache-2.0", 28), ("BSD-3-Clause", 12), ("ISC", 6), ("LGPL-2.1-only", 5), ("GPL-3.0-only", 3),
        ("MPL-2.0", 4), ("CC-BY-4.0", 2), ("AGPL-3.0-only", 1), ("NOASSERTION", 4),
    ]

    static func manifest(_ index: Int) -> String {
        var random = SplitMix64(seed: UInt64(index) &* 0x9E37_79B9 &+ 17)
        let base = random.below(20)
        let baseName = base == 0 ? "meta-llama/Llama-3.1-8B" : "bench/base-\(base)"
        let baseLicense = base == 0 ? "LicenseRef-scancode-llama-3.1-license-2024" : "Apache-2.0"
        var out = """
            pedigree: 1
            product:
              name: product-\(index)
              ref: app
              version: "1.\(index % 10)"
              commercial: \(random.chance(80))
              distribution: [\(random.chance(50) ? "saas" : "binary")]
              license: LicenseRef-Proprietary
              monthly-active-users: \(random.below(1_500) * 1_000_000)
            components:
              - {ref: model, name: "Llama-bench-\(index)", kind: model, purl: "pkg:huggingface/bench/llama-bench-\(index)", license: \(baseLicense)}
              - {ref: base, name: "\(baseName)", kind: model, purl: "pkg:huggingface/\(baseName)", license: \(baseLicense)}

            """
        let first = random.below(500)
        let datasets = [first, (first + 1 + random.below(499)) % 500]
        for (slot, dataset) in datasets.enumerated() {
            out += "  - {ref: data\(slot), name: \"datasets/bench/dataset-\(dataset)\", kind: dataset, purl: \"pkg:huggingface/datasets/bench/dataset-\(dataset)\", license: \(dataset == 0 ? "CC-BY-NC-4.0" : "CC-BY-4.0")}\n"
        }
        var libraries: [Int] = []
        var seen: Set<Int> = []
        while libraries.count < 196 {
            let library = random.below(libraryPool)
            if seen.insert(library).inserted { libraries.append(library) }
        }
        for library in libraries {
            let license = EngineBench.weighted(libraryLicenses, &random)
            out += "  - {ref: lib\(library), name: lib-\(library), version: \"1.\(library % 5)\", purl: \"pkg:pypi/lib-\(library)@1.\(library % 5)\", license: \(license)}\n"
        }
        out += "relationships:\n  - {from: app, to: model, kind: runs}\n  - {from: model, to: base, kind: fine-tuned-from}\n"
        for slot in datasets.indices { out += "  - {from: model, to: data\(slot), kind: trained-on}\n" }
        for (position, library) in libraries.enumerated() {
            let from = position < 40 || random.chance(50) ? "app" : "lib\(libraries[random.below(position)])"
            out += "  - {from: \(from), to: lib\(library), kind: depends-on}\n"
        }
        return out
    }
}
