/// What a license name, alias, Hugging Face id or URL resolves to in the knowledge base.
public enum LicenseNameResolution: Sendable, Hashable {
    /// Exactly one license: its canonical id.
    case license(String)
    /// A family or shared name: the candidate ids, in the order the data lists them.
    case ambiguous([String])
    case unknown
}
