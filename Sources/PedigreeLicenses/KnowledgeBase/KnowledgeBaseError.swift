/// The knowledge base data could not be decoded; the message names the entry and key.
public struct KnowledgeBaseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
