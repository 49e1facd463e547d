import PedigreeDiagnostics
import PedigreeModel
import SafeYAML

/// Reads an MLflow `MLmodel` file: the logged model, and for the `transformers` flavor the Hugging
/// Face model it was saved from (`source_model_name`, `source_model_revision`).
///
/// Decisions: the model is named by its folder (MLflow's artifact path); it is `derived-from` its
/// source model (the flavor may save it fine-tuned or as-is, and everything flows either way). Its
/// license is the `LICENSE.txt` the flavor writes beside it (read by the project join); without one
/// it states no license. Other flavors name no source model and give the model alone.
public enum MLflowModelReader {
    public static func read(_ bytes: [UInt8], path: String, limits: InputLimits = .default) throws(InputError) -> SBOMDocument {
        guard let root = try YAMLParser.parse(bytes, file: path, limits: limits), root.mapping != nil else {
            throw ProjectDiagnostic.unexpectedType(field: "MLmodel", expected: "a YAML mapping", found: "something else")
                .error(at: SourceLocation(file: path, line: 1, column: 1))
        }
        let folder = ProjectJoin.folderPath(of: path)
        let name = folder.split(separator: "/").last.map(String.init) ?? "model"
        let start = SourceLocation(file: path, line: 1, column: 1)
        var document = SBOMDocument(path: path, format: .mlflowModel)
        var model = Component(ref: ComponentRef("mlflow:" + folder), name: name, kind: .model, location: start,
            origins: [Origin(file: path, format: .mlflowModel, location: start)])
        if let uuid = root["model_uuid"]?.string { model.properties["mlflow.model_uuid"] = uuid }
        if let run = root["run_id"]?.string { model.properties["mlflow.run_id"] = run }
        let id = ProjectLicenseFiles.licenseRef(package: PackageCoordinates(type: "mlflow", name: name), file: "LICENSE.txt")
        if root["flavors"]?["transformers"] != nil {
            document.extractedLicenses[id] = ExtractedLicense(id: id, name: "LICENSE.txt", location: start)
            model.declaredLicense = LicenseStatement(LicenseText(id, form: .expression, location: start))
        }
        document.components = [model]
        if let source = root["flavors"]?["transformers"]?["source_model_name"], let sourceName = source.string {
            let location = source.location
            let origin = Origin(file: path, format: .mlflowModel, location: location)
            if let repository = HuggingFaceRepository.parse(sourceName, kind: .model) {
                var base = repository.referencedComponent(location: location, origin: origin)
                if let revision = root["flavors"]?["transformers"]?["source_model_revision"]?.string {
                    base.properties["huggingface.revision"] = revision
                }
                document.components.append(base)
                document.edges.append(Edge(from: model.ref, to: base.ref, kind: .derivedFrom, statedAs: "source_model_name",
                    location: location, origin: origin))
            }
        }
        return document
    }
}
