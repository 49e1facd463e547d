import PedigreeDiagnostics

/// One libyaml parsing event, copied into Swift values so that no C memory outlives the event.
struct YAMLEvent: Sendable {
    enum Kind: Sendable {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case alias(anchor: String)
        case scalar(YAMLScalar, anchor: String?)
        case sequenceStart(anchor: String?, tag: String?)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?)
        case mappingEnd
    }

    var kind: Kind
    /// Where the event starts: for a node, its anchor or tag if it has one, else its content.
    var location: SourceLocation
}
