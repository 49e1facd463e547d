public import PedigreeDiagnostics

/// Parses one untrusted YAML document into a positioned, bounded `YAMLNode` tree.
///
/// libyaml (the system's libyaml 0.2.5) tokenises and parses; it has no limits of its own (100,000
/// nested `[` cost it 20 s), so nodes are composed here from its event stream, one event at a time,
/// and every limit is checked before more input is read. Tags outside the YAML core schema are
/// errors, never behaviour: `!!python/object/apply:os.system` names no code to run here.
public enum YAMLParser {
    /// Parses `bytes` as a single YAML document.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text (a leading byte order mark is allowed; UTF-16 is refused).
    ///   - file: the path shown in diagnostics.
    ///   - firstLine: the line number of the first byte (front matter inside a README starts at line 2).
    ///   - limits: `maxYAMLDepth`, `maxYAMLAliases`, `maxYAMLNodes` and `maxStringBytes` apply.
    /// - Returns: the root node, or `nil` for an empty input or an empty document.
    /// - Throws: `InputError` with one of these codes, positioned at the offending token:
    ///   `yaml.syntax`, `yaml.invalid-utf8`, `yaml.invalid-character` (a control character),
    ///   `yaml.too-deep`, `yaml.alias-budget`, `yaml.unknown-anchor`, `yaml.recursive-alias`,
    ///   `yaml.complex-key`, `yaml.duplicate-key` (with a note at the first key),
    ///   `yaml.multiple-documents`, `yaml.forbidden-tag`, `yaml.tag-mismatch`,
    ///   `yaml.string-too-long`, `yaml.out-of-memory`.
    public static func parse(
        _ bytes: [UInt8], file: String, firstLine: Int = 1, limits: InputLimits = .default
    ) throws(InputError) -> YAMLNode? {
        let positions = YAMLPositions(file: file, firstLine: firstLine)
        guard !bytes.isEmpty else { return nil }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            var location = positions.location(line: 0, column: 0)
            location.byteOffset = 0
            throw InputError(
                "yaml.invalid-utf8", "found a UTF-16 byte order mark; expected UTF-8 text", at: location)
        }
        let result: Result<YAMLNode?, InputError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(InputError) {
                let parser = try LibYAMLEventParser(
                    input: buffer, positions: positions, maxStringBytes: limits.maxStringBytes)
                var composer = YAMLComposer(limits: limits)
                return .success(try composer.compose(from: parser))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
