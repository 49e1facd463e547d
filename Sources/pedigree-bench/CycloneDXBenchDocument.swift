/// A deterministic, realistic CycloneDX 1.6 JSON document of a chosen size, for parser benchmarks.
///
/// It looks like what SBOM generators print for an AI product: libraries from several ecosystems
/// with purls, SPDX ids or expressions (and now and then a license text with escapes), SHA-256 and
/// SHA-512 hashes, properties, external references, nested components, some models and data sets
/// with a model card, names with non-ASCII characters, and a dependencies section. Pretty-printed
/// with two-space indentation, as most generators write it.
enum CycloneDXBenchDocument {
    struct Output {
        var bytes: [UInt8]
        var components: Int
    }

    static func generate(targetBytes: Int) -> Output {
        var random = SplitMix64(seed: 0x5EED_0F_9ED1_64EE)
        var writer = PrettyJSONWriter(capacity: targetBytes + targetBytes / 8)
        var refs: [String] = []
        var dependencies: [(ref: String, dependsOn: [String])] = []

        writer.beginCycloneDXDocument(serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79")
        writer.beginObject()
        writer.member("type", "application")
        writer.member("bom-ref", "app:assistant-service")
        writer.member("name", "assistant-service")
        writer.member("version", "3.2.0")
        writer.endObject()
        writer.endObject()

        writer.key("components")
        writer.beginArray()
        // The dependencies section takes about a ninth of the document.
        let componentBudget = targetBytes - targetBytes / 9
        var count = 0
        while writer.bytes.count < componentBudget {
            let ref = writeComponent(&writer, &random, index: count, depth: 0, refs: &refs, count: &count)
            var dependsOn: [String] = []
            if !refs.isEmpty {
                for _ in 0..<random.below(6) { dependsOn.append(refs[random.below(refs.count)]) }
            }
            dependencies.append((ref, dependsOn))
        }
        writer.endArray()

        writer.key("dependencies")
        writer.beginArray()
        for dependency in dependencies {
            writer.beginObject()
            writer.member("ref", dependency.ref)
            writer.key("dependsOn")
            writer.beginArray()
            var seen: Set<String> = []
            for target in dependency.dependsOn where target != dependency.ref && seen.insert(target).inserted {
                writer.string(target)
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return Output(bytes: writer.bytes, components: count)
    }

    static let syllables = [
        "ax", "bel", "cor", "dyn", "el", "fab", "gor", "hex", "io", "jet", "ka", "lum", "mir", "nov", "or",
        "pix", "quo", "ra", "syn", "tor", "ul", "vex", "wy", "xa", "yo", "zen",
    ]
    static let licenses = [
        "MIT", "Apache-2.0", "BSD-3-Clause", "BSD-2-Clause", "ISC", "MPL-2.0", "LGPL-2.1-only", "GPL-3.0-or-later",
        "Unlicense", "Zlib", "CC-BY-4.0", "Python-2.0",
    ]
    static let expressions = [
        "Apache-2.0 OR MIT", "MIT AND BSD-3-Clause", "(MIT OR Apache-2.0) AND Unicode-DFS-2016",
        "GPL-2.0-only WITH Classpath-exception-2.0", "LGPL-3.0-or-later OR MPL-2.0",
    ]
    static let authors = [
        "José Álvarez", "Zoë Ærøskøbing", "Łukasz Wróbel", "山田 太郎", "Nguyễn Văn An", "Søren Kierkegård", "Ana Souza",
        "Project Maintainers", "Иван Петров",
    ]
    static let ecosystems = ["npm", "pypi", "maven", "golang", "cargo", "nuget", "gem"]

    static func name(_ random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<(2 + random.below(3)) { text += random.pick(syllables) }
        if random.chance(30) { text += "-" + random.pick(["core", "utils", "cli", "parser", "io", "sdk", "runtime"]) }
        return text
    }

    static func purl(ecosystem: String, group: String, name: String, version: String) -> String {
        switch ecosystem {
        case "npm": "pkg:npm/%40\(group)/\(name)@\(version)"
        case "maven": "pkg:maven/org.\(group)/\(name)@\(version)?type=jar"
        case "golang": "pkg:golang/github.com/\(group)/\(name)@v\(version)"
        default: "pkg:\(ecosystem)/\(name)@\(version)"
        }
    }

    /// Writes one component (and maybe nested ones); returns its `bom-ref`.
    @discardableResult
    static func writeComponent(
        _ writer: inout PrettyJSONWriter, _ random: inout SplitMix64, index: Int, depth: Int, refs: inout [String],
        count: inout Int
    ) -> String {
        count += 1
        let kind = random.below(100)
        let isModel = kind < 3
        let isData = kind >= 3 && kind < 5
        let ecosystem = isModel || isData ? "huggingface" : random.pick(ecosystems)
        let group = name(&random)
        let componentName = name(&random) + (count % 7 == 0 ? "-\(count)" : "")
        let version = "\(random.below(12)).\(random.below(40)).\(random.below(100))"
        let purl = purl(ecosystem: ecosystem, group: group, name: componentName, version: version)
        let ref = "\(purl)#\(count)"
        refs.append(ref)

        writer.beginObject()
        writer.member("type", isModel ? "machine-learning-model" : isData ? "data" : random.chance(90) ? "library" : "framework")
        writer.member("bom-ref", ref)
        writer.key("supplier")
        writer.beginObject()
        writer.member("name", group.capitalizedFirst + " Labs")
        writer.key("url")
        writer.beginArray()
        writer.string("https://\(group).example.org")
        writer.endArray()
        writer.endObject()
        if random.chance(60) { writer.member("author", random.pick(authors)) }
        if ecosystem == "npm" || ecosystem == "maven" { writer.member("group", group) }
        writer.member("name", componentName)
        writer.member("version", version)
        var description = "\(componentName.capitalizedFirst): a \(random.pick(["fast", "small", "safe", "portable"])) "
        description += random.pick(["parser", "tokenizer", "HTTP client", "tensor library", "logging backend", "codec"])
        if random.chance(20) { description += " with \"streaming\" support\nand a C ABI" }
        if random.chance(10) { description += " — maintained by \(random.pick(authors))" }
        writer.member("description", description)
        writer.member("scope", random.chance(85) ? "required" : "optional")

        writer.key("hashes")
        writer.beginArray()
        writer.beginObject()
        writer.member("alg", "SHA-256")
        writer.member("content", random.hex(64))
        writer.endObject()
        if random.chance(50) {
            writer.beginObject()
            writer.member("alg", "SHA-512")
            writer.member("content", random.hex(128))
            writer.endObject()
        }
        writer.endArray()

        writer.key("licenses")
        writer.beginArray()
        writer.beginObject()
        let licenseKind = random.below(100)
        if licenseKind < 70 {
            writer.key("license")
            writer.beginObject()
            writer.member("id", random.pick(licenses))
            writer.endObject()
        } else if licenseKind < 95 {
            writer.member("expression", random.pick(expressions))
        } else {
            writer.key("license")
            writer.beginObject()
            writer.member("name", "\(group.capitalizedFirst) Community License")
            writer.key("text")
            writer.beginObject()
            writer.member("contentType", "text/plain")
            writer.member(
                "content",
                "Copyright (c) 2024 \(group.capitalizedFirst) Labs\n\nPermission is granted to use this software "
                    + "for any \"non-commercial\" purpose.\n\tRedistribution requires this notice.")
            writer.endObject()
            writer.endObject()
        }
        writer.endObject()
        writer.endArray()
        writer.member("purl", purl)

        writer.key("externalReferences")
        writer.beginArray()
        writer.beginObject()
        writer.member("type", "vcs")
        writer.member("url", "https://github.com/\(group)/\(componentName)")
        writer.endObject()
        if random.chance(50) {
            writer.beginObject()
            writer.member("type", "website")
            writer.member("url", "https://\(componentName).\(group).example.org/docs?lang=en&v=\(version)")
            writer.endObject()
        }
        writer.endArray()

        writer.key("properties")
        writer.beginArray()
        for property in 0..<(1 + random.below(4)) {
            writer.beginObject()
            switch property {
            case 0: writer.member("name", "cdx:\(ecosystem):package:path")
                writer.member("value", "node_modules/\(group)/\(componentName)")
            case 1: writer.member("name", "syft:location:0:path")
                writer.member("value", "/usr/lib/\(componentName)/\(version)/metadata.json")
            case 2: writer.member("name", "cdx:reproducible")
                writer.member("value", random.chance(50) ? "true" : "false")
            default: writer.member("name", "internal:build-id")
                writer.member("value", random.hex(24))
            }
            writer.endObject()
        }
        writer.endArray()

        if isModel {
            writer.key("modelCard")
            writer.beginObject()
            writer.key("modelParameters")
            writer.beginObject()
            writer.member("task", random.pick(["text-generation", "image-classification", "speech-recognition"]))
            writer.member("architectureFamily", random.pick(["llama", "mistral", "vit", "whisper"]))
            writer.key("datasets")
            writer.beginArray()
            for _ in 0..<(1 + random.below(3)) {
                writer.beginObject()
                writer.member("ref", refs[random.below(refs.count)])
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
            writer.key("quantitativeAnalysis")
            writer.beginObject()
            writer.key("performanceMetrics")
            writer.beginArray()
            writer.beginObject()
            writer.member("type", "accuracy")
            writer.member("value", "0.\(random.below(1000))")
            writer.endObject()
            writer.endArray()
            writer.endObject()
            writer.endObject()
        }

        if depth == 0, random.chance(12) {
            writer.key("components")
            writer.beginArray()
            for child in 0..<(1 + random.below(3)) {
                writeComponent(&writer, &random, index: child, depth: depth + 1, refs: &refs, count: &count)
            }
            writer.endArray()
        }
        writer.endObject()
        return ref
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension PrettyJSONWriter {
    /// Opens a CycloneDX 1.6 document up to `metadata.component`, whose value the caller writes next.
    mutating func beginCycloneDXDocument(serialNumber: String) {
        beginObject()
        member("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json")
        member("bomFormat", "CycloneDX")
        member("specVersion", "1.6")
        member("serialNumber", serialNumber)
        key("version")
        number(1)
        key("metadata")
        beginObject()
        member("timestamp", "2025-06-01T12:00:00Z")
        key("component")
    }
}
