import PedigreeCore

/// Prints diagnostics on standard error, one per line, as `path:line:col: severity: [code] message`.
enum DiagnosticPrinter {
    /// Notes (files skipped in folders and the like) only with `verbose`.
    static func print(_ diagnostics: [Diagnostic], verbose: Bool) {
        for diagnostic in diagnostics where verbose || diagnostic.severity != .note {
            printError(diagnostic.description)
        }
    }
}

extension LoadedLineage {
    /// The inputs as the report lists them: every file that was read, with its format.
    var reportInputs: [AuditReport.Input] {
        load.files.compactMap { file in
            guard let document = file.document else { return nil }
            return AuditReport.Input(path: file.path, format: document.format, specVersion: document.specVersion)
        }
    }
}
