import PedigreeDiagnostics

/// Builds the node tree from libyaml's events, enforcing every bound as the events arrive.
///
/// Composition follows YAML 1.2.2 chapter 3.2.2: a stream holds documents, a document one node, a
/// node is a scalar, an alias, or a collection whose events nest:
///
///     stream    ::= STREAM-START document? STREAM-END            (a second document is an error)
///     document  ::= DOCUMENT-START node DOCUMENT-END
///     node      ::= ALIAS | SCALAR | sequence | mapping
///     sequence  ::= SEQUENCE-START node* SEQUENCE-END
///     mapping   ::= MAPPING-START (SCALAR node)* MAPPING-END     (keys are scalars, unique by text)
///
/// libyaml checks the syntax but has no limits, so this type is the defence: it stops at the first
/// event that opens a collection beyond `maxYAMLDepth`, and it never expands an alias to measure
/// it. Instead every anchored node keeps its expanded node count, and each alias adds that count to
/// a running total of nodes that aliases contribute, in saturating arithmetic; the total may not
/// exceed `maxYAMLNodes`, and no more than `maxYAMLAliases` aliases may appear. The document's own
/// nodes are bounded by the input size, so the tree a reader walks is bounded too. An alias may
/// only refer to a complete node; its value is shared with the anchored node (copy-on-write).
struct YAMLComposer {
    /// An anchor's most recent definition; `node` is `nil` while that node is still open.
    private struct Anchor {
        var serial: Int
        var location: SourceLocation
        var node: YAMLNode?
        var expandedCount: Int
    }

    /// A collection whose end event has not arrived yet.
    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        var anchorSerial: Int
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        /// A mapping's key waiting for its value.
        var pendingKey: YAMLNode?
        /// Where each key of a mapping was first seen, to report duplicates.
        var keyLocations: [String: SourceLocation] = [:]
        /// Nodes this collection stands for once aliases are expanded, itself included.
        var expandedCount = 1
    }

    private let limits: InputLimits
    private var stack: [Frame] = []
    private var anchors: [String: Anchor] = [:]
    private var anchorSerial = 0
    private var aliasCount = 0
    private var aliasExpandedNodes = 0
    private var documentCount = 0
    private var root: YAMLNode?

    init(limits: InputLimits) {
        self.limits = limits
    }

    /// Reads events until the end of the stream and returns the document's root node.
    ///
    /// - Returns: `nil` when the stream holds no document, or only an empty one.
    /// - Throws: `InputError` at the first event that breaks a rule (see `YAMLParser`).
    mutating func compose(from parser: borrowing LibYAMLEventParser) throws(InputError) -> YAMLNode? {
        while true {
            let event = try parser.next()
            switch event.kind {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return Self.isEmptyDocument(root) ? nil : root
            case .documentStart:
                documentCount += 1
                guard documentCount == 1 else {
                    throw InputError(
                        "yaml.multiple-documents", "found a second document; expected a single YAML document",
                        at: event.location)
                }
            case .alias(let name):
                try composeAlias(name, at: event.location)
            case .scalar(let scalar, let anchor):
                try composeScalar(scalar, anchor: anchor, at: event.location)
            case .sequenceStart(let anchor, let tag):
                try open(isMapping: false, anchor: anchor, tag: tag, at: event.location)
            case .mappingStart(let anchor, let tag):
                try open(isMapping: true, anchor: anchor, tag: tag, at: event.location)
            case .sequenceEnd, .mappingEnd:
                try close()
            }
        }
    }

    private mutating func composeScalar(_ scalar: YAMLScalar, anchor: String?, at location: SourceLocation) throws(InputError) {
        if let tag = scalar.tag {
            try checkTag(tag, allowed: YAMLCoreSchema.scalarTags, kind: "scalar", at: location)
            guard YAMLCoreSchema.fits(scalar) else {
                throw InputError(
                    "yaml.tag-mismatch",
                    "scalar '\(scalar.value)' is not a value of its tag '\(YAMLCoreSchema.displayTag(tag))'", at: location)
            }
        }
        let serial = defineAnchor(anchor, at: location)
        try complete(YAMLNode(kind: .scalar(scalar), location: location), expandedCount: 1, anchor: anchor, serial: serial)
    }

    private mutating func composeAlias(_ name: String, at location: SourceLocation) throws(InputError) {
        if isAtMappingKey {
            throw InputError(
                "yaml.complex-key", "mapping key is the alias '*\(name)'; expected a scalar key", at: location)
        }
        guard let anchor = anchors[name] else {
            throw InputError(
                "yaml.unknown-anchor", "alias '*\(name)' refers to no anchor defined before it", at: location)
        }
        guard let node = anchor.node else {
            var diagnostic = Diagnostic.error(
                "yaml.recursive-alias",
                "alias '*\(name)' refers to a node that contains it; expected an alias to a complete node", at: location)
            diagnostic.notes = ["anchor '&\(name)' is at \(anchor.location)"]
            throw InputError(diagnostic)
        }
        aliasCount += 1
        guard aliasCount <= limits.maxYAMLAliases else {
            throw InputError(
                "yaml.alias-budget",
                "alias '*\(name)' is alias number \(aliasCount); expected at most \(limits.maxYAMLAliases) aliases",
                at: location)
        }
        aliasExpandedNodes = YAMLPositions.saturatingAdd(aliasExpandedNodes, anchor.expandedCount)
        guard aliasExpandedNodes <= limits.maxYAMLNodes else {
            throw InputError(
                "yaml.alias-budget",
                "alias '*\(name)' brings the nodes added by aliases to \(aliasExpandedNodes); expected at most \(limits.maxYAMLNodes)",
                at: location)
        }
        try complete(
            YAMLNode(kind: node.kind, location: location), expandedCount: anchor.expandedCount, anchor: nil, serial: 0)
    }

    private mutating func open(isMapping: Bool, anchor: String?, tag: String?, at location: SourceLocation) throws(InputError) {
        let kind = isMapping ? "mapping" : "sequence"
        if let tag {
            let allowed: Set<String> = [
                isMapping ? YAMLCoreSchema.mappingTag : YAMLCoreSchema.sequenceTag, YAMLCoreSchema.nonSpecificTag,
            ]
            try checkTag(tag, allowed: allowed, kind: kind, at: location)
        }
        if isAtMappingKey {
            throw InputError("yaml.complex-key", "mapping key is a \(kind); expected a scalar key", at: location)
        }
        guard stack.count < limits.maxYAMLDepth else {
            throw InputError(
                "yaml.too-deep",
                "\(kind) nested \(stack.count + 1) levels deep; expected at most \(limits.maxYAMLDepth) levels",
                at: location)
        }
        let serial = defineAnchor(anchor, at: location)
        stack.append(Frame(isMapping: isMapping, location: location, anchor: anchor, anchorSerial: serial))
    }

    /// Ends the innermost collection; libyaml guarantees the end event matches its start.
    private mutating func close() throws(InputError) {
        guard let frame = stack.popLast() else { return }
        let kind: YAMLNode.Kind = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
        try complete(
            YAMLNode(kind: kind, location: frame.location), expandedCount: frame.expandedCount,
            anchor: frame.anchor, serial: frame.anchorSerial)
    }

    /// Adds a finished node to its parent (or makes it the root) and records its anchor.
    private mutating func complete(_ node: YAMLNode, expandedCount: Int, anchor: String?, serial: Int) throws(InputError) {
        if let anchor, anchors[anchor]?.serial == serial {
            anchors[anchor]?.node = node
            anchors[anchor]?.expandedCount = expandedCount
        }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].expandedCount = YAMLPositions.saturatingAdd(stack[top].expandedCount, expandedCount)
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            // Alias and collection keys were rejected when they started, so a key is a scalar.
            let text = node.scalar?.value ?? ""
            if let first = stack[top].keyLocations[text] {
                var diagnostic = Diagnostic.error(
                    "yaml.duplicate-key", "duplicate key '\(text)'; expected each key once per mapping",
                    at: node.location)
                diagnostic.notes = ["key '\(text)' first appears at \(first)"]
                throw InputError(diagnostic)
            }
            stack[top].keyLocations[text] = node.location
            stack[top].pendingKey = node
            return
        }
        stack[top].pairs.append(YAMLPair(key: key, value: node))
        stack[top].pendingKey = nil
    }

    /// Records the start of an anchored node; its value is filled in when the node completes.
    private mutating func defineAnchor(_ name: String?, at location: SourceLocation) -> Int {
        guard let name else { return 0 }
        anchorSerial += 1
        anchors[name] = Anchor(serial: anchorSerial, location: location, node: nil, expandedCount: 0)
        return anchorSerial
    }

    private var isAtMappingKey: Bool {
        guard let top = stack.last else { return false }
        return top.isMapping && top.pendingKey == nil
    }

    private func checkTag(_ tag: String, allowed: Set<String>, kind: String, at location: SourceLocation) throws(InputError) {
        guard !allowed.contains(tag) else { return }
        let shown = YAMLCoreSchema.displayTag(tag)
        let isCoreTag = [
            YAMLCoreSchema.stringTag, YAMLCoreSchema.integerTag, YAMLCoreSchema.floatTag, YAMLCoreSchema.boolTag,
            YAMLCoreSchema.nullTag, YAMLCoreSchema.sequenceTag, YAMLCoreSchema.mappingTag,
        ].contains(tag)
        if isCoreTag {
            throw InputError("yaml.tag-mismatch", "tag '\(shown)' cannot be applied to a \(kind)", at: location)
        }
        throw InputError(
            "yaml.forbidden-tag",
            "tag '\(shown)' is not allowed; expected a YAML core schema tag (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map or !)",
            at: location)
    }

    /// A document that is only `---`, or only comments: its root is an empty, untagged plain scalar.
    private static func isEmptyDocument(_ root: YAMLNode?) -> Bool {
        guard let scalar = root?.scalar else { return root == nil }
        return scalar.isPlain && scalar.tag == nil && scalar.value.isEmpty
    }
}
