import PedigreeDiagnostics

/// What the project-file readers say about their inputs: one case per problem, one code each.
enum ProjectDiagnostic {
    /// The file is not UTF-8 text (throws; nothing in it can be trusted).
    case invalidText(format: String)
    /// A field that must be present is missing; the reader goes on without it.
    case missingField(field: String, format: String)
    /// A field holds a value of the wrong type.
    case unexpectedType(field: String, expected: String, found: String)
    /// A dependency line or entry that names no package.
    case unreadableRequirement(String)
    /// A requirements option that points elsewhere (`-r`, `-c`, `--index-url`): not followed.
    case optionNotFollowed(String)
    /// Installed metadata names a license file that is not installed beside it.
    case licenseFileMissing(file: String, package: String)

    var code: String {
        switch self {
        case .invalidText: "project.invalid-text"
        case .missingField: "project.missing-field"
        case .unexpectedType: "project.unexpected-type"
        case .unreadableRequirement: "project.unreadable-requirement"
        case .optionNotFollowed: "project.option-not-followed"
        case .licenseFileMissing: "project.license-file-missing"
        }
    }

    var message: String {
        switch self {
        case .invalidText(let format): "expected UTF-8 text in \(format), found invalid bytes"
        case .missingField(let field, let format): "\(format) has no '\(field)'"
        case .unexpectedType(let field, let expected, let found): "expected \(expected) for '\(field)', found \(found)"
        case .unreadableRequirement(let text): "cannot read a package name from '\(text)'; expected 'name', 'name==version' or 'name>=range'"
        case .optionNotFollowed(let text): "'\(text)' is not followed; name that file as an input to read it"
        case .licenseFileMissing(let file, let package):
            "'\(package)' names the license file '\(file)', which is not installed beside its metadata; its license stays unknown"
        }
    }

    func warning(at location: SourceLocation?) -> Diagnostic { .warning(code, message, at: location) }

    func note(at location: SourceLocation?) -> Diagnostic { .note(code, message, at: location) }

    func error(at location: SourceLocation?) -> InputError { InputError(code, message, at: location) }
}
