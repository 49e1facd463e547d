/// The formats Pedigree reads, as detected from content.
public enum InputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case cycloneDXJSON = "cyclonedx-json"
    case cycloneDXXML = "cyclonedx-xml"
    case spdx2JSON = "spdx2-json"
    case spdx2YAML = "spdx2-yaml"
    case spdx2TagValue = "spdx2-tag-value"
    case spdx2RDF = "spdx2-rdf"
    /// The SPDX 2 XML serialization (a `Document` tree mirroring the JSON one), not RDF/XML.
    case spdx2XML = "spdx2-xml"
    case spdx3JSONLD = "spdx3-jsonld"
    case huggingFaceCard = "huggingface-card"
    case adapterConfig = "adapter-config"
    case gguf
    case manifest = "pedigree-manifest"
    /// Installed Python package metadata (`*.dist-info/METADATA`, `*.egg-info/PKG-INFO`).
    case pythonMetadata = "python-metadata"
    case pyproject = "pyproject-toml"
    case pipRequirements = "pip-requirements"
    case uvLock = "uv-lock"
    case poetryLock = "poetry-lock"
    /// `package.json`: a project's own, or an installed package's in `node_modules`.
    case npmPackage = "npm-package-json"
    case npmLock = "npm-package-lock"
    case cargoManifest = "cargo-toml"
    case cargoLock = "cargo-lock"
    case goMod = "go-mod"
    case goVendorModules = "go-vendor-modules"
    case gitModules = "gitmodules"
    case cmakeLists = "cmake-lists"
    case conanfile = "conanfile-txt"
    case vcpkgManifest = "vcpkg-json"
    /// The license file of a vendored folder (`third_party/<name>/LICENSE`).
    case vendoredLicense = "vendored-license"
    case ollamaModelfile = "ollama-modelfile"
    case mlflowModel = "mlflow-mlmodel"
    /// A Hugging Face `config.json` (transformers): a model in its folder, with lineage hints.
    case huggingFaceConfig = "huggingface-config"
}
