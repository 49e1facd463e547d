/// One measurement of `make bench`, run in a child process of its own so that its peak memory is its own.
///
/// A case is a value: adding one means adding one file that defines it and one line in
/// `BenchRegistry.cases`. `prepare` runs once in the parent before any child starts (to write
/// fixtures that several cases share); `run` runs in the child and returns the best of its runs.
struct BenchCase: Sendable {
    /// Unique, dotted name, also the argument the child is started with (`json.parse.safejson`).
    var name: String
    /// What is measured, as printed in the table.
    var label: String
    /// What the comparison line calls this case ("SafeJSON"); the label when nil.
    var subject: String
    /// The case this one is compared with in the summary ("SafeJSON is 1.7x JSONSerialization").
    var baseline: String?
    /// Whether the summary states the peak memory as a multiple of the input (`BenchResult.bytes`).
    var comparesPeakWithInput: Bool
    var prepare: (@Sendable (BenchContext) throws -> String?)?
    /// Runs once in the parent after every case (to stop a server `prepare` started).
    var finish: (@Sendable (BenchContext) -> Void)?
    var run: @Sendable (BenchContext) throws -> BenchResult

    init(
        name: String, label: String, subject: String? = nil, baseline: String? = nil,
        comparesPeakWithInput: Bool = false,
        prepare: (@Sendable (BenchContext) throws -> String?)? = nil,
        finish: (@Sendable (BenchContext) -> Void)? = nil,
        run: @escaping @Sendable (BenchContext) throws -> BenchResult
    ) {
        self.name = name
        self.label = label
        self.subject = subject ?? label
        self.baseline = baseline
        self.comparesPeakWithInput = comparesPeakWithInput
        self.prepare = prepare
        self.finish = finish
        self.run = run
    }
}

/// What a child reports: best wall time of its runs, the bytes each run processed (for throughput)
/// and a short fact that shows the work was real (the number of components read, the error code).
struct BenchResult: Sendable {
    var bestSeconds: Double
    var runs: Int
    var bytes: Int?
    var detail: String

    init(bestSeconds: Double, runs: Int, bytes: Int? = nil, detail: String = "") {
        self.bestSeconds = bestSeconds
        self.runs = runs
        self.bytes = bytes
        self.detail = detail
    }
}

/// Where fixtures live during one bench run: a fresh folder in the system temp directory, removed at the end.
struct BenchContext: Sendable {
    var workDirectory: String

    func path(_ name: String) -> String { workDirectory + "/" + name }
}

/// A case's failure, printed in its row instead of a measurement.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
