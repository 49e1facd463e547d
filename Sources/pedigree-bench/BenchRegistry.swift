/// Every case of `make bench`, in the order printed. A new case: one file, one line here.
enum BenchRegistry {
    static let cases: [BenchCase] = [
        JSONParseBench.safeJSON,
        JSONParseBench.foundation,
        HostileJSONBench.deepArray,
        HostileJSONBench.invalidUTF8,
        HostileJSONBench.repeatedKey,
        HostileJSONBench.manyKeys,
        HostileJSONBench.hugeString,
        EngineBench.thousand,
        EngineBench.tenThousand,
        EngineBench.hundredThousand,
        EngineBench.cyclic,
    ] + ReaderBench.cases + LicenseTextBench.cases + PortfolioBench.cases + ProjectScanBench.cases
}
