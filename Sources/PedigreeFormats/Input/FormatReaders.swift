import PedigreeDiagnostics
import PedigreeModel

/// The readers this build has, one entry per format; a detected format without an entry is reported
/// as unreadable (`input.unrecognized-format`) instead of being guessed at.
public struct FormatReader: Sendable {
    /// Reads one detected input into a document. Throws only when the input can't be used at all.
    public typealias Read = @Sendable (_ input: ReaderInput, _ path: String, _ limits: InputLimits) throws(InputError) ->
        SBOMDocument

    public var format: InputFormat
    public var read: Read

    public init(format: InputFormat, read: @escaping Read) {
        self.format = format
        self.read = read
    }

    /// Every reader of this build, by format.
    public static let all: [InputFormat: FormatReader] = {
        var table: [InputFormat: FormatReader] = [:]
        for reader in [
            cycloneDXJSON, cycloneDXXML, spdx2JSON, spdx2YAML, spdx2TagValue, spdx2RDF, spdx2XML, spdx3JSONLD,
            huggingFaceCard, adapterConfig, gguf, manifest, huggingFaceConfig,
        ] + ProjectFileKind.readers {
            table[reader.format] = reader
        }
        return table
    }()

    static let cycloneDXJSON = FormatReader(format: .cycloneDXJSON) { input, path, _ throws(InputError) in
        guard case .json(let value) = input else { throw mismatch(.cycloneDXJSON, path) }
        return CycloneDXReader.read(json: value, path: path)
    }

    static let cycloneDXXML = FormatReader(format: .cycloneDXXML) { input, path, _ throws(InputError) in
        guard case .xml(let root) = input else { throw mismatch(.cycloneDXXML, path) }
        return CycloneDXReader.read(xml: root, path: path)
    }

    static let huggingFaceCard = FormatReader(format: .huggingFaceCard) { input, path, limits throws(InputError) in
        guard case .bytes(let bytes) = input else { throw mismatch(.huggingFaceCard, path) }
        return try HuggingFaceCardReader.read(markdown: bytes, path: path, limits: limits)
    }

    static let adapterConfig = FormatReader(format: .adapterConfig) { input, path, _ throws(InputError) in
        guard case .json(let value) = input else { throw mismatch(.adapterConfig, path) }
        return AdapterConfigReader.read(json: value, path: path)
    }

    static let gguf = FormatReader(format: .gguf) { input, path, limits throws(InputError) in
        guard case .bytes(let bytes) = input else { throw mismatch(.gguf, path) }
        return try GGUFReader.read(bytes: bytes, path: path, limits: limits)
    }

    static let huggingFaceConfig = FormatReader(format: .huggingFaceConfig) { input, path, _ throws(InputError) in
        guard case .json(let value) = input else { throw mismatch(.huggingFaceConfig, path) }
        return HuggingFaceConfigReader.read(json: value, path: path)
    }

    static let manifest = FormatReader(format: .manifest) { input, path, _ throws(InputError) in
        guard case .yaml(let node) = input else { throw mismatch(.manifest, path) }
        return ManifestReader.read(yaml: node, path: path)
    }

    static let spdx2JSON = FormatReader(format: .spdx2JSON) { input, path, _ throws(InputError) in
        guard case .json(let value) = input else { throw mismatch(.spdx2JSON, path) }
        return SPDX2Reader.read(json: value, path: path)
    }

    static let spdx2YAML = FormatReader(format: .spdx2YAML) { input, path, _ throws(InputError) in
        guard case .yaml(let node) = input else { throw mismatch(.spdx2YAML, path) }
        return SPDX2Reader.read(yaml: node, path: path)
    }

    static let spdx2TagValue = FormatReader(format: .spdx2TagValue) { input, path, _ throws(InputError) in
        guard case .bytes(let bytes) = input else { throw mismatch(.spdx2TagValue, path) }
        return try SPDX2Reader.read(tagValue: bytes, path: path)
    }

    /// RDF/XML and the plain XML serialization share one entry point, which tells them apart by root.
    static let spdx2RDF = FormatReader(format: .spdx2RDF) { input, path, _ throws(InputError) in
        guard case .xml(let root) = input else { throw mismatch(.spdx2RDF, path) }
        return SPDX2Reader.read(rdf: root, path: path)
    }

    static let spdx2XML = FormatReader(format: .spdx2XML) { input, path, _ throws(InputError) in
        guard case .xml(let root) = input else { throw mismatch(.spdx2XML, path) }
        return SPDX2Reader.read(rdf: root, path: path)
    }

    static let spdx3JSONLD = FormatReader(format: .spdx3JSONLD) { input, path, _ throws(InputError) in
        guard case .json(let value) = input else { throw mismatch(.spdx3JSONLD, path) }
        return SPDX3Reader.read(json: value, path: path)
    }

    static func mismatch(_ format: InputFormat, _ path: String) -> InputError {
        InputError(
            "input.reader-mismatch", "the \(format.rawValue) reader was given input of another kind",
            at: SourceLocation(file: path, line: 0, column: 0))
    }
}

extension InputFormat {
    /// How the format is named in messages.
    public var displayName: String {
        switch self {
        case .cycloneDXJSON: "CycloneDX JSON"
        case .cycloneDXXML: "CycloneDX XML"
        case .spdx2JSON: "SPDX 2 JSON"
        case .spdx2YAML: "SPDX 2 YAML"
        case .spdx2TagValue: "SPDX 2 tag-value"
        case .spdx2RDF: "SPDX 2 RDF/XML"
        case .spdx2XML: "SPDX 2 XML"
        case .spdx3JSONLD: "SPDX 3 JSON-LD"
        case .huggingFaceCard: "Hugging Face card"
        case .adapterConfig: "adapter config"
        case .gguf: "GGUF"
        case .manifest: "Pedigree manifest"
        case .pythonMetadata: "Python package metadata"
        case .pyproject: "pyproject.toml"
        case .pipRequirements: "pip requirements"
        case .uvLock: "uv.lock"
        case .poetryLock: "poetry.lock"
        case .npmPackage: "package.json"
        case .npmLock: "package-lock.json"
        case .cargoManifest: "Cargo.toml"
        case .cargoLock: "Cargo.lock"
        case .goMod: "go.mod"
        case .goVendorModules: "vendor/modules.txt"
        case .gitModules: ".gitmodules"
        case .cmakeLists: "CMakeLists.txt"
        case .conanfile: "conanfile.txt"
        case .vcpkgManifest: "vcpkg.json"
        case .vendoredLicense: "vendored license file"
        case .ollamaModelfile: "Ollama Modelfile"
        case .mlflowModel: "MLflow MLmodel"
        case .huggingFaceConfig: "Hugging Face config"
        }
    }
}
