import Foundation

/// The full texts of the licenses that require a copy of their text to accompany the work (MIT, BSD,
/// Apache-2.0, the GPL family, Creative Commons ...), for NOTICE files.
///
/// The data is `Data/license-texts.json`, written by `Scripts/generate-license-texts.py` from ScanCode
/// LicenseDB (nexB Inc. and others, CC-BY-4.0; `credit` says so and must ship wherever the texts do).
///
/// Decisions: only the licenses whose terms say `licenseCopy` are bundled (about 1 MB), since those are
/// the texts a NOTICE owes; a license the data lacks has no text here and the NOTICE links to it instead.
public struct LicenseFullTexts: Sendable {
    /// Where the texts come from and under which license.
    public let credit: String
    let texts: [String: String]

    /// The bundled texts, read on first use; empty (with the reason as credit) if the resource is damaged.
    public static let shared: LicenseFullTexts = {
        guard let url = Bundle.module.url(forResource: "license-texts", withExtension: "json"),
            let data = try? Data(contentsOf: url), let texts = try? LicenseFullTexts(json: data)
        else { return LicenseFullTexts(credit: "", texts: [:]) }
        return texts
    }()

    public init(credit: String, texts: [String: String]) {
        self.credit = credit
        self.texts = texts
    }

    /// Decodes `{"credit": ..., "texts": {id: text}}`.
    public init(json data: Data) throws {
        struct File: Decodable {
            var credit: String
            var texts: [String: String]
        }
        let file = try JSONDecoder().decode(File.self, from: data)
        self.init(credit: file.credit, texts: file.texts)
    }

    /// The full text of the license with this SPDX id (or `LicenseRef-…`), if bundled.
    public func text(for id: String) -> String? { texts[id] }
}
