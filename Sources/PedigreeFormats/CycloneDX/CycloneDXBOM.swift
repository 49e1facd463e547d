import PedigreeDiagnostics

/// What the JSON and XML decoders extract from a CycloneDX BOM, before it becomes an `SBOMDocument`.
///
/// The two serialisations differ only in spelling, so each decoder fills these values and one
/// builder (`CycloneDXDocumentBuilder`) gives them their meaning: which edges, kinds and licenses.
struct CycloneDXBOM: Sendable {
    var specVersion: String?
    var metadataComponent: CycloneDXComponent?
    var components: [CycloneDXComponent] = []
    var services: [CycloneDXComponent] = []
    var dependencies: [CycloneDXDependency] = []
}

/// A `component` or `service` as stated, with its nested components and pedigree.
struct CycloneDXComponent: Sendable {
    var location: SourceLocation
    var isService = false
    /// `type` as written (`library`, `machine-learning-model`…); nil for services or when missing.
    var type: String?
    var bomRef: String?
    var bomRefLocation: SourceLocation?
    var name: String?
    var group: String?
    var version: String?
    var purl: String?
    var scope: String?
    /// `copyright`: the copyright lines the component states, for NOTICE files.
    var copyright: String?
    var supplier: String?
    var licenses: [CycloneDXLicense] = []
    var evidenceLicenses: [CycloneDXLicense] = []
    var hashes: [String: String] = [:]
    var properties: [String: String] = [:]
    var components: [CycloneDXComponent] = []
    var services: [CycloneDXComponent] = []
    var ancestors: [CycloneDXComponent] = []
    var descendants: [CycloneDXComponent] = []
    var variants: [CycloneDXComponent] = []
    /// `modelCard.modelParameters.datasets`: references to data components, or inline descriptions.
    var datasets: [CycloneDXDataset] = []
    /// `bom-ref`s of the entries of a data component's `data` list, which models may reference.
    var dataRefs: [CycloneDXReference] = []

    init(location: SourceLocation) { self.location = location }
}

/// One entry of a `licenses` list: a license object or an SPDX expression.
struct CycloneDXLicense: Sendable {
    enum Content: Sendable {
        case license(id: CycloneDXText?, name: CycloneDXText?, url: CycloneDXText?)
        case expression(CycloneDXText)
    }

    var content: Content
    /// The license text the entry quotes (`text.content`, base64 decoded), when it is usable text.
    var text: CycloneDXText?
    /// `declared`, `concluded` (1.6+), or nil when not stated.
    var acknowledgement: String?
    var location: SourceLocation
}

/// A string value with where it was written.
struct CycloneDXText: Sendable {
    var value: String
    var location: SourceLocation
}

/// A `bom-ref` used as a reference (`dependsOn`, `provides`, `datasets[].ref`).
typealias CycloneDXReference = CycloneDXText

/// A training data set named by a model card.
enum CycloneDXDataset: Sendable {
    case reference(CycloneDXReference)
    /// An inline `componentData` description; becomes a dataset component of its own.
    case inline(CycloneDXComponent)
}

/// One entry of the `dependencies` graph.
struct CycloneDXDependency: Sendable {
    var ref: CycloneDXReference
    var dependsOn: [CycloneDXReference] = []
    var provides: [CycloneDXReference] = []
}
