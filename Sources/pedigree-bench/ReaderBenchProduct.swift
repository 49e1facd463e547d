/// A deterministic product of `count` components with about three dependency edges each, written as
/// CycloneDX 1.6 JSON and XML and as SPDX 2.3 JSON and tag-value, for the reader benchmarks.
///
/// Every serialization carries the same facts (name, version, purl, license, SHA-256, one
/// description, three dependencies to later components), so the four cases compare formats and
/// not content. Component 0 is the application the document describes; edges only point forward,
/// so the graph is a DAG as generated SBOMs mostly are.
struct ReaderBenchProduct {
    struct Entry {
        var name: String
        var version: String
        var purl: String
        /// An SPDX id or expression, or nil for an undeclared license.
        var license: String?
        var sha256: String
        var description: String
        var dependsOn: [Int]
    }

    var entries: [Entry]

    static let licenses = [
        "MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "MPL-2.0", "LGPL-2.1-only", "GPL-3.0-or-later", "Zlib",
        "Apache-2.0 OR MIT", "MIT AND BSD-3-Clause", "GPL-2.0-only WITH Classpath-exception-2.0",
    ]
    static let ecosystems = ["npm", "pypi", "cargo", "gem", "nuget", "golang"]
    static let words = ["fast", "small", "safe", "portable", "parser", "codec", "tensor", "http", "log", "yaml"]

    init(count: Int, seed: UInt64 = 0x5EED_0DE4_0001) {
        var random = SplitMix64(seed: seed)
        entries = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            let name = index == 0 ? "assistant-service" : random.pick(Self.words) + "-" + random.pick(Self.words) + "-\(index)"
            let version = "\(random.below(12)).\(random.below(40)).\(random.below(100))"
            let ecosystem = random.pick(Self.ecosystems)
            let purl = ecosystem == "golang" ? "pkg:golang/github.com/example/\(name)@v\(version)" : "pkg:\(ecosystem)/\(name)@\(version)"
            let license = random.chance(5) ? nil : random.pick(Self.licenses)
            var dependsOn: [Int] = []
            let later = count - index - 1
            while dependsOn.count < min(3, later) {
                let target = index + 1 + random.below(later)
                if !dependsOn.contains(target) { dependsOn.append(target) }
            }
            entries.append(Entry(
                name: name, version: version, purl: purl, license: license, sha256: random.hex(64),
                description: "The \(random.pick(Self.words)) \(random.pick(Self.words)) library", dependsOn: dependsOn))
        }
    }

    func ref(_ index: Int) -> String { entries[index].purl }
    func spdxID(_ index: Int) -> String { "SPDXRef-Package-\(index)" }

    // MARK: CycloneDX

    func cycloneDXJSON() -> [UInt8] {
        var writer = PrettyJSONWriter(capacity: entries.count * 900)
        writer.beginCycloneDXDocument(serialNumber: "urn:uuid:4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
        writeCycloneDXComponent(&writer, 0, type: "application")
        writer.endObject()
        writer.key("components")
        writer.beginArray()
        for index in entries.indices.dropFirst() { writeCycloneDXComponent(&writer, index, type: "library") }
        writer.endArray()
        writer.key("dependencies")
        writer.beginArray()
        for (index, entry) in entries.enumerated() {
            writer.beginObject()
            writer.member("ref", ref(index))
            writer.key("dependsOn")
            writer.beginArray()
            for target in entry.dependsOn { writer.string(ref(target)) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    private func writeCycloneDXComponent(_ writer: inout PrettyJSONWriter, _ index: Int, type: String) {
        let entry = entries[index]
        writer.beginObject()
        writer.member("type", type)
        writer.member("bom-ref", ref(index))
        writer.member("name", entry.name)
        writer.member("version", entry.version)
        writer.member("description", entry.description)
        writer.key("hashes")
        writer.beginArray()
        writer.beginObject()
        writer.member("alg", "SHA-256")
        writer.member("content", entry.sha256)
        writer.endObject()
        writer.endArray()
        if let license = entry.license {
            writer.key("licenses")
            writer.beginArray()
            writer.beginObject()
            if license.contains(" ") {
                writer.member("expression", license)
            } else {
                writer.key("license")
                writer.beginObject()
                writer.member("id", license)
                writer.endObject()
            }
            writer.endObject()
            writer.endArray()
        }
        writer.member("purl", entry.purl)
        writer.endObject()
    }

    func cycloneDXXML() -> [UInt8] {
        var out = MarkupBuffer(capacity: entries.count * 900)
        out.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.line("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" serialNumber=\"urn:uuid:4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\" version=\"1\">")
        out.line("  <metadata>")
        out.line("    <timestamp>2025-06-01T12:00:00Z</timestamp>")
        writeCycloneDXComponent(&out, 0, type: "application", indent: "    ")
        out.line("  </metadata>")
        out.line("  <components>")
        for index in entries.indices.dropFirst() { writeCycloneDXComponent(&out, index, type: "library", indent: "    ") }
        out.line("  </components>")
        out.line("  <dependencies>")
        for (index, entry) in entries.enumerated() {
            out.line("    <dependency ref=\"\(MarkupBuffer.escaped(ref(index)))\">")
            for target in entry.dependsOn { out.line("      <dependency ref=\"\(MarkupBuffer.escaped(ref(target)))\"/>") }
            out.line("    </dependency>")
        }
        out.line("  </dependencies>")
        out.line("</bom>")
        return out.bytes
    }

    private func writeCycloneDXComponent(_ out: inout MarkupBuffer, _ index: Int, type: String, indent: String) {
        let entry = entries[index]
        out.line(indent + "<component type=\"\(type)\" bom-ref=\"\(MarkupBuffer.escaped(ref(index)))\">")
        out.line(indent + "  <name>\(MarkupBuffer.escaped(entry.name))</name>")
        out.line(indent + "  <version>\(entry.version)</version>")
        out.line(indent + "  <description>\(MarkupBuffer.escaped(entry.description))</description>")
        out.line(indent + "  <hashes>")
        out.line(indent + "    <hash alg=\"SHA-256\">\(entry.sha256)</hash>")
        out.line(indent + "  </hashes>")
        if let license = entry.license {
            out.line(indent + "  <licenses>")
            if license.contains(" ") {
                out.line(indent + "    <expression>\(MarkupBuffer.escaped(license))</expression>")
            } else {
                out.line(indent + "    <license><id>\(license)</id></license>")
            }
            out.line(indent + "  </licenses>")
        }
        out.line(indent + "  <purl>\(MarkupBuffer.escaped(entry.purl))</purl>")
        out.line(indent + "</component>")
    }

    // MARK: SPDX 2.3

    func spdxJSON() -> [UInt8] {
        var writer = PrettyJSONWriter(capacity: entries.count * 1000)
        writer.beginObject()
        writer.member("spdxVersion", "SPDX-2.3")
        writer.member("dataLicense", "CC0-1.0")
        writer.member("SPDXID", "SPDXRef-DOCUMENT")
        writer.member("name", "assistant-service-sbom")
        writer.member("documentNamespace", "https://sbom.example.org/assistant-service/\(entries.count)")
        writer.key("creationInfo")
        writer.beginObject()
        writer.member("created", "2025-06-01T12:00:00Z")
        writer.key("creators")
        writer.beginArray()
        writer.string("Tool: pedigree-bench")
        writer.endArray()
        writer.endObject()
        writer.key("documentDescribes")
        writer.beginArray()
        writer.string(spdxID(0))
        writer.endArray()
        writer.key("packages")
        writer.beginArray()
        for (index, entry) in entries.enumerated() {
            writer.beginObject()
            writer.member("SPDXID", spdxID(index))
            writer.member("name", entry.name)
            writer.member("versionInfo", entry.version)
            if index == 0 { writer.member("primaryPackagePurpose", "APPLICATION") }
            writer.member("downloadLocation", "NOASSERTION")
            writer.member("licenseConcluded", entry.license ?? "NOASSERTION")
            writer.member("licenseDeclared", entry.license ?? "NOASSERTION")
            writer.member("copyrightText", "NOASSERTION")
            writer.member("description", entry.description)
            writer.key("checksums")
            writer.beginArray()
            writer.beginObject()
            writer.member("algorithm", "SHA256")
            writer.member("checksumValue", entry.sha256)
            writer.endObject()
            writer.endArray()
            writer.key("externalRefs")
            writer.beginArray()
            writer.beginObject()
            writer.member("referenceCategory", "PACKAGE-MANAGER")
            writer.member("referenceType", "purl")
            writer.member("referenceLocator", entry.purl)
            writer.endObject()
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.key("relationships")
        writer.beginArray()
        writer.beginObject()
        writer.member("spdxElementId", "SPDXRef-DOCUMENT")
        writer.member("relationshipType", "DESCRIBES")
        writer.member("relatedSpdxElement", spdxID(0))
        writer.endObject()
        for (index, entry) in entries.enumerated() {
            for target in entry.dependsOn {
                writer.beginObject()
                writer.member("spdxElementId", spdxID(index))
                writer.member("relationshipType", "DEPENDS_ON")
                writer.member("relatedSpdxElement", spdxID(target))
                writer.endObject()
            }
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    func spdxTagValue() -> [UInt8] {
        var out = MarkupBuffer(capacity: entries.count * 800)
        out.line("SPDXVersion: SPDX-2.3")
        out.line("DataLicense: CC0-1.0")
        out.line("SPDXID: SPDXRef-DOCUMENT")
        out.line("DocumentName: assistant-service-sbom")
        out.line("DocumentNamespace: https://sbom.example.org/assistant-service/\(entries.count)")
        out.line("Creator: Tool: pedigree-bench")
        out.line("Created: 2025-06-01T12:00:00Z")
        out.line("")
        out.line("Relationship: SPDXRef-DOCUMENT DESCRIBES \(spdxID(0))")
        for (index, entry) in entries.enumerated() {
            out.line("")
            out.line("PackageName: \(entry.name)")
            out.line("SPDXID: \(spdxID(index))")
            out.line("PackageVersion: \(entry.version)")
            if index == 0 { out.line("PrimaryPackagePurpose: APPLICATION") }
            out.line("PackageDownloadLocation: NOASSERTION")
            out.line("PackageChecksum: SHA256: \(entry.sha256)")
            out.line("PackageLicenseConcluded: \(entry.license ?? "NOASSERTION")")
            out.line("PackageLicenseDeclared: \(entry.license ?? "NOASSERTION")")
            out.line("PackageCopyrightText: NOASSERTION")
            out.line("PackageDescription: \(entry.description)")
            out.line("ExternalRef: PACKAGE-MANAGER purl \(entry.purl)")
        }
        out.line("")
        for (index, entry) in entries.enumerated() {
            for target in entry.dependsOn { out.line("Relationship: \(spdxID(index)) DEPENDS_ON \(spdxID(target))") }
        }
        return out.bytes
    }
}
