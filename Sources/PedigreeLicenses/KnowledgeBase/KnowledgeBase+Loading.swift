import Foundation

extension KnowledgeBase {
    /// Decodes a knowledge base from the data file's JSON, strictly (see `KnowledgeBaseFile`).
    ///
    /// - Throws: `KnowledgeBaseError` naming the entry and key that failed.
    ///
    /// - Parameter generatedJSON: the generated data file (`licenses-generated.json`), when given.
    public init(json bytes: [UInt8], generatedJSON: [UInt8]? = nil) throws(KnowledgeBaseError) {
        let file = try Self.decode(KnowledgeBaseFile.self, from: bytes, what: "the knowledge base")
        var generated = GeneratedLicenses()
        if let generatedJSON {
            let data = try Self.decode(GeneratedLicenseFile.self, from: generatedJSON, what: "the generated license data")
            generated = GeneratedLicenses(
                entries: try data.entries(), aliases: data.aliases, groups: data.groups.mapValues(\.members))
        }
        self.init(
            licenses: file.licenses, modelLicenses: file.modelLicenses, knownComponents: file.knownComponents,
            compatibilityNotes: file.compatibility, spdxLicenseListVersion: file.spdxLicenseListVersion,
            spdxLicenses: file.spdxLicenses, spdxExceptions: file.spdxExceptions, generated: generated,
            huggingFaceLicenseIDs: file.huggingFaceLicenseIDs)
    }

    private static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], what: String) throws(KnowledgeBaseError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw KnowledgeBaseError(Self.describe(error))
        } catch {
            throw KnowledgeBaseError("cannot decode \(what): \(error)")
        }
    }

    /// The knowledge base bundled with Pedigree (`Data/knowledge-base.json`).
    ///
    /// - Throws: `KnowledgeBaseError` when the resource is missing or does not decode.
    public static func bundled() throws(KnowledgeBaseError) -> KnowledgeBase {
        try KnowledgeBase(json: resource("knowledge-base"), generatedJSON: resource("licenses-generated"))
    }

    static func resource(_ name: String) throws(KnowledgeBaseError) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json") else {
            throw KnowledgeBaseError("the bundled license data '\(name).json' is missing")
        }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw KnowledgeBaseError("cannot read the bundled license data '\(name).json': \(error)")
        }
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
