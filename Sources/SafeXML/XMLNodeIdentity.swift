/// What all elements (or attributes) of one document with the same name have in common: local name,
/// namespace URI and file.
///
/// Shared by reference, so that each of a million elements pays one pointer for them instead of
/// five words; immutable, so sharing is safe across threads.
final class XMLNodeIdentity: Sendable {
    let name: String
    let namespace: String?
    let file: String

    init(name: String, namespace: String?, file: String) {
        self.name = name
        self.namespace = namespace
        self.file = file
    }

    /// The same identity with one field changed, for the setters of the value types that share it.
    func with(name: String? = nil, namespace: String?? = nil, file: String? = nil) -> XMLNodeIdentity {
        XMLNodeIdentity(name: name ?? self.name, namespace: namespace ?? self.namespace, file: file ?? self.file)
    }

    func matches(_ localName: String, _ namespace: String?) -> Bool {
        name == localName && (namespace == nil || self.namespace == namespace)
    }
}
