import Foundation

extension KnowledgeBase {
    /// Decodes a knowledge base from the data file's JSON, strictly (see `KnowledgeBaseFile`).
    ///
    /// - Throws: `KnowledgeBaseError` naming the entry and key that failed.
    public init(json bytes: [UInt8]) throws(KnowledgeBaseError) {
        let file: KnowledgeBaseFile
        do {
            file = try JSONDecoder().decode(KnowledgeBaseFile.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw KnowledgeBaseError(Self.describe(error))
        } catch {
            throw KnowledgeBaseError("cannot decode the knowledge base: \(error)")
        }
        self.init(
            licenses: file.licenses, modelLicenses: file.modelLicenses, knownComponents: file.knownComponents,
            compatibilityNotes: file.compatibility, spdxLicenseListVersion: file.spdxLicenseListVersion,
            spdxLicenses: file.spdxLicenses, spdxExceptions: file.spdxExceptions)
    }

    /// The knowledge base bundled with Pedigree (`Data/knowledge-base.json`).
    ///
    /// - Throws: `KnowledgeBaseError` when the resource is missing or does not decode.
    public static func bundled() throws(KnowledgeBaseError) -> KnowledgeBase {
        guard let url = Bundle.module.url(forResource: "knowledge-base", withExtension: "json") else {
            throw KnowledgeBaseError("the bundled knowledge base 'knowledge-base.json' is missing")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw KnowledgeBaseError("cannot read the bundled knowledge base: \(error)")
        }
        return try KnowledgeBase(json: [UInt8](data))
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .dataCorrupted(let context):
            return "knowledge base\(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "knowledge base\(path(context)): missing key '\(key.stringValue)'"
        case .typeMismatch(let type, let context):
            return "knowledge base\(path(context)): expected \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "knowledge base\(path(context)): expected \(type), found null"
        @unknown default:
            return "knowledge base: \(error)"
        }
    }
}
