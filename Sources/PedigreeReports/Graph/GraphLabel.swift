import PedigreeModel

/// The text shown for a component in a drawn graph: name and version, then kind and license.
enum GraphLabel {
    static func lines(_ component: Component) -> [String] {
        var first = component.name.isEmpty ? component.ref.rawValue : component.name
        if let version = component.version, !version.isEmpty { first += " " + version }
        var second = component.kind.rawValue
        if let license = component.effectiveLicense, !license.isEmpty { second += " · " + license.displayText }
        return [first, second]
    }

    /// Whether `text` is printable ASCII without any of `special`: then it needs no escaping at all.
    static func isPlainASCII(_ text: String, except special: String) -> Bool {
        let specials = Array(special.utf8)
        return text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && !specials.contains($0) }
    }

    /// C0 and C1 controls, DEL and the bidirectional overrides: never copied into a drawing.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}
