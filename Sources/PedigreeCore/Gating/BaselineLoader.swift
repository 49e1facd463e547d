import PedigreeDiagnostics
import PedigreeEngine
import PedigreeLicenses
import SafeJSON

/// Reads the findings accepted earlier (`--baseline FILE`, DOMAIN §8.7).
///
/// The file may be an earlier JSON report (`findings[].fingerprint`), an earlier SARIF log of Pedigree
/// (`results[].partialFingerprints["pedigree/v1"]`), or an SBOM (any input Pedigree reads): an SBOM is
/// audited with the same policy, context and flags as the current run, and its findings' fingerprints
/// form the baseline. This is how a pull request is compared with its base branch's SBOM.
public enum BaselineLoader {
    /// The baseline's findings.
    ///
    /// - Parameters:
    ///   - path: the baseline file.
    ///   - request: the current audit's request; an SBOM baseline is audited with it, inputs replaced.
    /// - Throws: `InputError` when the file cannot be read, a report lacks fingerprints, or an SBOM
    ///   baseline cannot be read (`baseline.unreadable`, with the reader's diagnostic as a note).
    public static func load(
        _ path: String, request: AuditRequest, catalog: any LicenseCatalog = KnowledgeBase.shared
    ) throws(InputError) -> [BaselineComparison.Entry] {
        let bytes = try SafeFile.read(path, limits: request.limits)
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        if first == UInt8(ascii: "{") {
            let root = try JSONParser.parse(bytes, file: path, limits: request.limits)
            if root["runs"] != nil, root["version"]?.string == "2.1.0" { return try sarif(root, path: path) }
            if let findings = root["findings"]?.array, root["bomFormat"] == nil, root["spdxVersion"] == nil,
                root["@context"] == nil
            {
                return try report(findings, path: path)
            }
        }
        var sbomRequest = request
        sbomRequest.inputs = [path]
        sbomRequest.options.baseline = []
        let run = Pipeline.audit(sbomRequest, catalog: catalog)
        if run.inputs.hasInputErrors {
            let first = run.inputs.diagnostics.first { $0.severity == .error }
            var diagnostic = Diagnostic.error(
                "baseline.unreadable",
                "the baseline '\(path)' is neither a Pedigree report nor an SBOM Pedigree can read",
                at: SourceLocation(file: path, line: 0, column: 0))
            if let first { diagnostic.notes.append(first.description) }
            throw InputError(diagnostic)
        }
        return run.result.findings.map(BaselineComparison.Entry.init)
    }

    /// `findings[]` of a JSON report: each needs a string `fingerprint`.
    static func report(_ findings: [JSONValue], path: String) throws(InputError) -> [BaselineComparison.Entry] {
        var entries: [BaselineComparison.Entry] = []
        for finding in findings {
            guard let fingerprint = finding["fingerprint"]?.string, !fingerprint.isEmpty else {
                throw InputError(
                    "baseline.missing-fingerprint",
                    "a finding of the baseline report has no 'fingerprint'; expected a report written by 'pedigree audit --format json'",
                    at: finding.location(in: path))
            }
            let component: String? = finding["component"]?.string ?? finding["component"]?["ref"]?.string
            entries.append(BaselineComparison.Entry(
                fingerprint: fingerprint, rule: finding["rule"]?.string, severity: finding["severity"]?.string,
                component: component, message: finding["message"]?.string))
        }
        return entries
    }

    /// `runs[].results[]` of a SARIF log Pedigree wrote.
    static func sarif(_ root: JSONValue, path: String) throws(InputError) -> [BaselineComparison.Entry] {
        var entries: [BaselineComparison.Entry] = []
        for run in root["runs"]?.array ?? [] {
            guard run["tool"]?["driver"]?["name"]?.string == "Pedigree" else {
                throw InputError(
                    "baseline.foreign-sarif",
                    "the SARIF baseline was written by '\(run["tool"]?["driver"]?["name"]?.string ?? "an unnamed tool")', not Pedigree: its results have no Pedigree fingerprints",
                    at: run.location(in: path))
            }
            for result in run["results"]?.array ?? [] {
                guard let fingerprint = result["partialFingerprints"]?[SARIFReportWriter.fingerprintKey]?.string else {
                    throw InputError(
                        "baseline.missing-fingerprint",
                        "a result of the SARIF baseline has no partialFingerprints '\(SARIFReportWriter.fingerprintKey)'",
                        at: result.location(in: path))
                }
                entries.append(BaselineComparison.Entry(
                    fingerprint: fingerprint, rule: result["ruleId"]?.string, severity: result["level"]?.string,
                    component: result["properties"]?["component"]?.string, message: result["message"]?["text"]?.string))
            }
        }
        return entries
    }
}
