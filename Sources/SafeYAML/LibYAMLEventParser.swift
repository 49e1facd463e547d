internal import CYAML
import PedigreeDiagnostics

/// Pulls events from libyaml's event API over one in-memory buffer.
///
/// Ownership: this value is the only owner of its `yaml_parser_t`, allocated at a fixed address
/// (libyaml keeps a pointer to the parser inside the parser) and deleted in `deinit`. It is
/// non-copyable and must not outlive the buffer it reads, so it is created and consumed inside the
/// `withUnsafeBufferPointer` that provides the bytes. One thread uses it, from start to end.
///
/// libyaml has no nesting, alias or size limits of its own; `YAMLComposer` applies them event by
/// event, so a hostile document is rejected before libyaml has read much past the problem. Each
/// event is copied into Swift values and freed at once.
struct LibYAMLEventParser: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeBufferPointer<UInt8>
    private let positions: YAMLPositions
    private let maxStringBytes: Int

    /// - Parameter input: non-empty UTF-8 bytes that stay valid for the life of this value.
    init(input: UnsafeBufferPointer<UInt8>, positions: YAMLPositions, maxStringBytes: Int) throws(InputError) {
        guard let base = input.baseAddress, !input.isEmpty else {
            throw InputError("yaml.syntax", "expected YAML text, found no bytes", at: positions.location(line: 0, column: 0))
        }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deinitialize(count: 1)
            parser.deallocate()
            throw InputError(
                "yaml.out-of-memory", "could not allocate a YAML parser", at: positions.location(line: 0, column: 0))
        }
        yaml_parser_set_input_string(parser, base, input.count)
        self.parser = parser
        self.input = input
        self.positions = positions
        self.maxStringBytes = maxStringBytes
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// The next event; after `.streamEnd` the composer stops asking.
    ///
    /// - Throws: `InputError` for libyaml's reader, scanner and parser errors, and
    ///   `yaml.string-too-long` for a scalar longer than `maxStringBytes`.
    func next() throws(InputError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw currentError() }
        defer { yaml_event_delete(&event) }
        return try convert(event)
    }

    private func convert(_ event: yaml_event_t) throws(InputError) -> YAMLEvent {
        let location = positions.location(line: Int(event.start_mark.line), column: Int(event.start_mark.column))
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return YAMLEvent(kind: .streamStart, location: location)
        case YAML_DOCUMENT_START_EVENT:
            return YAMLEvent(kind: .documentStart, location: location)
        case YAML_DOCUMENT_END_EVENT:
            return YAMLEvent(kind: .documentEnd, location: location)
        case YAML_ALIAS_EVENT:
            return YAMLEvent(kind: .alias(anchor: Self.text(event.data.alias.anchor) ?? ""), location: location)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let length = Int(data.length)
            guard length <= maxStringBytes else {
                throw InputError(
                    "yaml.string-too-long",
                    "scalar of \(length) bytes is longer than the limit of \(maxStringBytes) bytes", at: location)
            }
            let value = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) }
            let scalar = YAMLScalar(
                value: value ?? "", isPlain: data.style == YAML_PLAIN_SCALAR_STYLE, tag: Self.text(data.tag))
            return YAMLEvent(kind: .scalar(scalar, anchor: Self.text(data.anchor)), location: location)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return YAMLEvent(
                kind: .sequenceStart(anchor: Self.text(data.anchor), tag: Self.text(data.tag)), location: location)
        case YAML_SEQUENCE_END_EVENT:
            return YAMLEvent(kind: .sequenceEnd, location: location)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return YAMLEvent(
                kind: .mappingStart(anchor: Self.text(data.anchor), tag: Self.text(data.tag)), location: location)
        case YAML_MAPPING_END_EVENT:
            return YAMLEvent(kind: .mappingEnd, location: location)
        default:
            // YAML_STREAM_END_EVENT, and YAML_NO_EVENT which libyaml only returns after the stream end.
            return YAMLEvent(kind: .streamEnd, location: location)
        }
    }

    /// The error libyaml recorded, with its position converted once to 1-based lines and columns.
    private func currentError() -> InputError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return InputError(
                "yaml.out-of-memory", "ran out of memory while parsing YAML",
                at: positions.location(line: Int(state.problem_mark.line), column: Int(state.problem_mark.column)))
        case YAML_READER_ERROR:
            let offset = Int(state.problem_offset)
            let location = positions.location(ofByteOffset: offset, in: input)
            let value = Int(state.problem_value)
            if problem.hasPrefix("control characters") {
                return InputError(
                    "yaml.invalid-character",
                    "found control character \(Self.codePoint(value)) at byte \(offset); expected printable characters, tab or line breaks",
                    at: location)
            }
            let found = value >= 0 ? " (byte 0x\(Self.hex(value, digits: 2)))" : ""
            return InputError(
                "yaml.invalid-utf8", "invalid UTF-8 at byte \(offset): \(problem)\(found)", at: location)
        default:
            let location = positions.location(
                line: Int(state.problem_mark.line), column: Int(state.problem_mark.column))
            guard let contextText = state.context.map({ String(cString: $0) }) else {
                return InputError("yaml.syntax", problem, at: location)
            }
            let contextLocation = positions.location(
                line: Int(state.context_mark.line), column: Int(state.context_mark.column))
            var diagnostic = Diagnostic.error("yaml.syntax", "\(problem) \(contextText)", at: location)
            diagnostic.notes = ["\(Self.subject(ofContext: contextText)) starts at \(contextLocation)"]
            return InputError(diagnostic)
        }
    }

    /// `a quoted scalar` from libyaml's `while scanning a quoted scalar`.
    private static func subject(ofContext context: String) -> String {
        for prefix in ["while scanning ", "while parsing "] where context.hasPrefix(prefix) {
            return String(context.dropFirst(prefix.count))
        }
        return context
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func codePoint(_ value: Int) -> String { "U+" + hex(value, digits: 4) }

    private static func hex(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
