import PedigreeModel

/// How each SPDX 2.2/2.3 relationship type becomes an edge of the lineage graph.
///
/// A relationship reads "A TYPE B". An edge reads "`from` uses or derives from `to`", so half of the
/// types (the `…_OF` forms) turn around: `A DEPENDENCY_OF B` is the edge `B depends-on A`. Types that
/// say only how two elements relate in lineage (`DESCENDANT_OF`, `GENERATED_FROM`) need the kinds of
/// both ends to pick the edge kind, which `SPDXLineageInference` decides. Sources: SPDX 2.3
/// specification, clause 11 "Relationships between SPDX elements"; DOMAIN.md §1.
enum SPDX2RelationshipType {
    /// Which end of "A TYPE B" becomes the edge's `from`.
    enum Direction: Sendable, Equatable {
        /// `A → B`.
        case forward
        /// `B → A` (the `…_OF`, `…_FOR` forms).
        case reverse
    }

    /// What the relationship means for the graph.
    enum Meaning: Sendable, Equatable {
        /// An edge of a fixed kind.
        case edge(EdgeKind, Direction)
        /// A lineage edge whose kind depends on what the two ends are (DESCENDANT_OF, ANCESTOR_OF).
        case lineage(Direction)
        /// "Generated from" (GENERATED_FROM, GENERATES): generated-by, trained-on, quantized-from or
        /// derived-from, depending on the two ends.
        case generated(Direction)
        /// `OTHER`: the comment says what it is, if anything.
        case other
        /// `SPDXRef-DOCUMENT DESCRIBES B`: B is a product root.
        case describes
        /// `A DESCRIBED_BY SPDXRef-DOCUMENT`: A is a product root.
        case describedBy
    }

    /// Every relationship type of SPDX 2.3 (2.2 is a subset), by its tag-value/JSON spelling.
    static let table: [String: Meaning] = [
        "DESCRIBES": .describes,
        "DESCRIBED_BY": .describedBy,
        "CONTAINS": .edge(.contains, .forward),
        "CONTAINED_BY": .edge(.contains, .reverse),
        "DEPENDS_ON": .edge(.dependsOn, .forward),
        "DEPENDENCY_OF": .edge(.dependsOn, .reverse),
        "DEPENDENCY_MANIFEST_OF": .edge(.contains, .reverse),
        "BUILD_DEPENDENCY_OF": .edge(.buildDependency, .reverse),
        "DEV_DEPENDENCY_OF": .edge(.devDependency, .reverse),
        "OPTIONAL_DEPENDENCY_OF": .edge(.dependsOn, .reverse),
        "PROVIDED_DEPENDENCY_OF": .edge(.dependsOn, .reverse),
        "TEST_DEPENDENCY_OF": .edge(.testDependency, .reverse),
        "RUNTIME_DEPENDENCY_OF": .edge(.dependsOn, .reverse),
        "EXAMPLE_OF": .edge(.contains, .reverse),
        "GENERATES": .generated(.reverse),
        "GENERATED_FROM": .generated(.forward),
        "ANCESTOR_OF": .lineage(.reverse),
        "DESCENDANT_OF": .lineage(.forward),
        "VARIANT_OF": .edge(.derivedFrom, .forward),
        "DISTRIBUTION_ARTIFACT": .edge(.contains, .forward),
        // A patch's content ends up in the patched element, which is then a modification of it.
        "PATCH_FOR": .edge(.derivedFrom, .reverse),
        "PATCH_APPLIED": .edge(.derivedFrom, .reverse),
        "COPY_OF": .edge(.derivedFrom, .forward),
        "FILE_ADDED": .edge(.contains, .reverse),
        // A deleted file is no longer part of what ships; the edge keeps it reached but flowing nothing.
        "FILE_DELETED": .edge(.devDependency, .reverse),
        "FILE_MODIFIED": .edge(.derivedFrom, .forward),
        "EXPANDED_FROM_ARCHIVE": .edge(.contains, .reverse),
        "DYNAMIC_LINK": .edge(.dynamicLink, .forward),
        "STATIC_LINK": .edge(.staticLink, .forward),
        "DATA_FILE_OF": .edge(.contains, .reverse),
        "TEST_CASE_OF": .edge(.testDependency, .reverse),
        "BUILD_TOOL_OF": .edge(.buildDependency, .reverse),
        "DEV_TOOL_OF": .edge(.devDependency, .reverse),
        "TEST_OF": .edge(.testDependency, .reverse),
        "TEST_TOOL_OF": .edge(.testDependency, .reverse),
        "DOCUMENTATION_OF": .edge(.contains, .reverse),
        "OPTIONAL_COMPONENT_OF": .edge(.contains, .reverse),
        "METAFILE_OF": .edge(.contains, .reverse),
        "PACKAGE_OF": .edge(.contains, .reverse),
        "AMENDS": .edge(.derivedFrom, .forward),
        "PREREQUISITE_FOR": .edge(.dependsOn, .reverse),
        "HAS_PREREQUISITE": .edge(.dependsOn, .forward),
        "REQUIREMENT_DESCRIPTION_FOR": .edge(.contains, .reverse),
        "SPECIFICATION_FOR": .edge(.contains, .reverse),
        "OTHER": .other,
    ]

    /// The RDF spelling of a type (`relationshipType_dependencyOf`) in the table's spelling
    /// (`DEPENDENCY_OF`): camel case split at capitals.
    static func normalizedName(_ name: String) -> String {
        var raw = Substring(name)
        if let hash = raw.lastIndex(of: "#") { raw = raw[raw.index(after: hash)...] }
        if raw.hasPrefix("relationshipType_") { raw = raw.dropFirst("relationshipType_".count) }
        if raw.contains(where: \.isLowercase) {
            var out = ""
            for character in raw {
                if character.isUppercase, let last = out.last, last != "_" { out.append("_") }
                out += character.uppercased()
            }
            return out
        }
        return String(raw).uppercased()
    }

    static func meaning(of name: String) -> Meaning? {
        table[name] ?? table[normalizedName(name)]
    }
}
