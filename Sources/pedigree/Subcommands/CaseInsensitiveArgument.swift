import ArgumentParser

/// A named value read case-insensitively from the command line (`--format SARIF`, `--fail-on Warning`):
/// CI files are written by hand, and the names have no meaningful case.
protocol CaseInsensitiveArgument: ExpressibleByArgument, RawRepresentable where RawValue == String {}

extension CaseInsensitiveArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
