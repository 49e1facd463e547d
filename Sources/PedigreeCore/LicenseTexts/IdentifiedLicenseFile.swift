import PedigreeDiagnostics
import PedigreeLicenses

/// One file given to `pedigree licenses --identify`: what it is, or why it could not be read.
public struct IdentifiedLicenseFile: Sendable {
    public var path: String
    public var result: Result<LicenseTextIdentification, InputError>

    /// Reads and identifies each file, in the order given.
    public static func identify(
        _ paths: [String], identifier: LicenseTextIdentifier, limits: InputLimits = .default
    ) -> [IdentifiedLicenseFile] {
        paths.map { path in
            do throws(InputError) {
                let text = try LicenseTextFile.read(path, limits: limits)
                return IdentifiedLicenseFile(path: path, result: .success(identifier.identify(text)))
            } catch {
                return IdentifiedLicenseFile(path: path, result: .failure(error))
            }
        }
    }
}
