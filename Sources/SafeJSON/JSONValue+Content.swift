extension JSONValue {
    /// Whether two values say the same thing, wherever they stand: positions are ignored, object
    /// members compare by key regardless of order, array items in order, numbers by their text.
    ///
    /// - Complexity: O(n) in the size of the smaller value (plus a key lookup per member).
    public func hasSameContent(as other: JSONValue) -> Bool {
        switch (kind, other.kind) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.hasSameContent(as: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.members.allSatisfy { member in b[member.key].map { member.value.hasSameContent(as: $0) } ?? false }
        default: return false
        }
    }
}
