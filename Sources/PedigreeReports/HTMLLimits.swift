/// How much of an audit one HTML page shows, so that it opens in a browser in a few seconds and prints
/// at any product size; the JSON and SARIF reports keep everything.
///
/// Decisions: at 20,000 components the unabridged page was 31.5 MB and took 58 s to open in headless
/// Chromium, almost all of it one card per finding and one row per component. A reviewer reads the
/// blocking findings and the components that hold them; the rest is counted per rule and listed up to
/// a limit, folded in `<details>` (no script). The limits keep the page near 1 MB (a test asserts it
/// stays under `bytes` at 20,000 components), which a browser parses and lays out in well under a
/// second; a page that hits a limit says what it left out and where to find it.
public struct HTMLLimits: Sendable, Hashable {
    /// Findings shown in full as cards, blocking first.
    public var findingCards: Int
    /// Further findings listed as table rows (folded), across all rules.
    public var findingRows: Int
    /// Rows of the components table; components that hold a blocking finding come first.
    public var componentRows: Int
    /// Components named per obligation, then "and N more".
    public var namesPerList: Int
    /// Rows of the license-choices table and items of the notes list.
    public var otherRows: Int
    /// The size the page is designed to stay under at 20,000 components.
    public var bytes: Int

    public init(findingCards: Int, findingRows: Int, componentRows: Int, namesPerList: Int, otherRows: Int, bytes: Int) {
        self.findingCards = findingCards
        self.findingRows = findingRows
        self.componentRows = componentRows
        self.namesPerList = namesPerList
        self.otherRows = otherRows
        self.bytes = bytes
    }

    /// The limits `pedigree audit --format html` writes with.
    public static let standard = HTMLLimits(
        findingCards: 100, findingRows: 1_000, componentRows: 1_000, namesPerList: 50, otherRows: 500, bytes: 2_000_000)
}
