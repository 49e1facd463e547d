import PedigreeModel

/// How each SPDX 3.0.1 relationship type becomes an edge of the lineage graph.
///
/// A relationship reads "`from` TYPE `to`" (SPDX 3.0.1 `Core/Vocabularies/RelationshipType`); an edge
/// reads "`from` uses or derives from `to`", so `ancestorOf`, `hasVariant`, `generates`, `packagedBy`
/// and `copiedTo` turn around. A build's `hasInput` and `hasOutput` pair up: each output was generated
/// from each input. Types about vulnerabilities, builds, agents and publication say nothing
/// about licenses and are ignored; `hasDeclaredLicense`/`hasConcludedLicense` attach licenses.
/// `finetunedOn`, `pretrainedOn` and `evaluatedOn` are SPDX 3.1 additions read the same way.
enum SPDX3RelationshipType {
    enum Direction: Sendable, Equatable { case forward, reverse }

    enum Meaning: Sendable, Equatable {
        case edge(EdgeKind, Direction)
        /// `dependsOn` and its kin: a `LifecycleScopedRelationship` scope of development, build or test
        /// (or design) makes it a dependency that does not ship.
        case dependency
        /// `descendantOf` / `ancestorOf`: the ends' kinds decide (`SPDXLineageInference`).
        case lineage(Direction)
        /// `generates`: the generated element is generated-by, trained on, quantized from or derived
        /// from the generator, depending on the two ends.
        case generates
        /// The `SpdxDocument` or `Sbom` describes its product.
        case describes
        case declaredLicense
        case concludedLicense
        /// `other`: its comment or description may say what it is.
        case other
        /// `Build hasInput X` / `Build hasOutput Y`: each output is generated from each input.
        case buildInput
        case buildOutput
        /// Not about licenses or lineage.
        case ignored
    }

    static let table: [String: Meaning] = [
        "trainedOn": .edge(.trainedOn, .forward),
        "finetunedOn": .edge(.trainedOn, .forward),
        "pretrainedOn": .edge(.trainedOn, .forward),
        "testedOn": .edge(.testedOn, .forward),
        "evaluatedOn": .edge(.testedOn, .forward),
        "descendantOf": .lineage(.forward),
        "ancestorOf": .lineage(.reverse),
        // `A hasVariant B`: B is a variant of A.
        "hasVariant": .edge(.derivedFrom, .reverse),
        "generates": .generates,
        "dependsOn": .dependency,
        "hasOptionalDependency": .dependency,
        "hasProvidedDependency": .dependency,
        "hasPrerequisite": .dependency,
        "hasStaticLink": .edge(.staticLink, .forward),
        "hasDynamicLink": .edge(.dynamicLink, .forward),
        "contains": .edge(.contains, .forward),
        "hasDataFile": .edge(.contains, .forward),
        "hasDistributionArtifact": .edge(.contains, .forward),
        "hasDocumentation": .edge(.contains, .forward),
        "hasOptionalComponent": .edge(.contains, .forward),
        "hasSpecification": .edge(.contains, .forward),
        "hasMetadata": .edge(.contains, .forward),
        "hasDependencyManifest": .edge(.contains, .forward),
        "hasExample": .edge(.contains, .forward),
        "hasAddedFile": .edge(.contains, .forward),
        "hasRequirement": .edge(.contains, .forward),
        "expandsTo": .edge(.contains, .forward),
        // `A packagedBy B`: B is the package that holds A.
        "packagedBy": .edge(.contains, .reverse),
        // `A configures B`: A is configuration shipped with B.
        "configures": .edge(.contains, .reverse),
        "hasTest": .edge(.testDependency, .forward),
        "hasTestCase": .edge(.testDependency, .forward),
        "usesTool": .edge(.buildDependency, .forward),
        // A deleted file no longer ships; the edge keeps it reached while nothing flows.
        "hasDeletedFile": .edge(.devDependency, .forward),
        // `A copiedTo B`: B is a copy of A.
        "copiedTo": .edge(.derivedFrom, .reverse),
        // `A modifiedBy B`, `A patchedBy B`: A incorporates the modification B.
        "modifiedBy": .edge(.derivedFrom, .forward),
        "patchedBy": .edge(.derivedFrom, .forward),
        "describes": .describes,
        "hasDeclaredLicense": .declaredLicense,
        "hasConcludedLicense": .concludedLicense,
        "other": .other,
        "affects": .ignored, "doesNotAffect": .ignored, "fixedBy": .ignored, "fixedIn": .ignored,
        "foundBy": .ignored, "exploitCreatedBy": .ignored, "hasAssessmentFor": .ignored,
        "hasAssociatedVulnerability": .ignored, "underInvestigationFor": .ignored, "reportedBy": .ignored,
        "publishedBy": .ignored, "republishedBy": .ignored, "coordinatedBy": .ignored, "availableFrom": .ignored,
        "amendedBy": .ignored, "serializedInArtifact": .ignored, "delegatedTo": .ignored, "hasEvidence": .ignored,
        "invokedBy": .ignored, "hasHost": .ignored,
        // A `build_Build`'s outputs are generated from its inputs (Build profile).
        "hasInput": .buildInput, "hasOutput": .buildOutput,
    ]

    /// The vocabulary term of a type written as a term or as its IRI
    /// (`https://spdx.org/rdf/3.0.1/terms/Core/RelationshipType/dependsOn`).
    static func term(_ raw: String) -> String {
        if let slash = raw.lastIndex(of: "/") { return String(raw[raw.index(after: slash)...]) }
        if let colon = raw.lastIndex(of: ":") { return String(raw[raw.index(after: colon)...]) }
        return raw
    }

    static func meaning(of raw: String) -> Meaning? { table[term(raw)] }

    /// A `LifecycleScopedRelationship` scope's effect on a dependency.
    static func dependencyKind(scope: String?) -> EdgeKind {
        switch scope.map(term) {
        case "development", "design": .devDependency
        case "build": .buildDependency
        case "test": .testDependency
        default: .dependsOn
        }
    }
}
