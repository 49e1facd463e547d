import PedigreeDiagnostics

/// What one reader produced from one input file, before merging.
public struct SBOMDocument: Sendable, Hashable {
    public var path: String
    public var format: InputFormat
    /// The specification version the file states (`1.6`, `SPDX-2.3`, `3.0.1`, GGUF `3`).
    public var specVersion: String?
    public var components: [Component]
    public var edges: [Edge]
    /// The product the document describes, when it names one.
    public var roots: [ComponentRef]
    /// Product context, files to include and other settings, when the input is a manifest.
    public var manifest: Manifest?
    public var diagnostics: [Diagnostic]
    /// Licenses the document defines itself, by the id its expressions use (`LicenseRef-3`).
    public var extractedLicenses: [String: ExtractedLicense] = [:]

    public init(
        path: String, format: InputFormat, specVersion: String? = nil, components: [Component] = [],
        edges: [Edge] = [], roots: [ComponentRef] = [], manifest: Manifest? = nil, diagnostics: [Diagnostic] = []
    ) {
        self.path = path
        self.format = format
        self.specVersion = specVersion
        self.components = components
        self.edges = edges
        self.roots = roots
        self.manifest = manifest
        self.diagnostics = diagnostics
    }
}
