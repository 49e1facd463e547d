import Foundation
import Testing

@Suite("pedigree graph")
struct GraphCommandTests {
    @Test func samplePrintsDOTWithLabelledEdges() throws {
        let result = try PedigreeProcess.run(["graph", "Samples/cyclonedx-ml-bom"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("digraph lineage {"))
        #expect(result.stdout.contains(#""model-support-llama-gguf" -> "model-support-llama" [label="quantized-from"];"#))
        #expect(result.stdout.contains(#""model-support-llama" -> "dataset-oasst1" [label="trained-on"];"#))
    }

    @Test(arguments: ["mermaid", "json"])
    func otherFormats(format: String) throws {
        let result = try PedigreeProcess.run(["graph", "Samples/cyclonedx-xml-ml-bom", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("fine-tuned-from"))
        #expect(result.stdout.hasPrefix(format == "json" ? "{" : "flowchart LR"))
    }

    @Test func unusableInputExitsTwoWithAPositionAndStillPrintsTheRest() throws {
        let result = try PedigreeProcess.run([
            "graph", "Tests/Fixtures/cyclonedx/detection/folder/sub/broken.cdx.json", "Samples/cyclonedx-ml-bom",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Tests/Fixtures/cyclonedx/detection/folder/sub/broken.cdx.json:4:3: error: [json."))
        #expect(result.stdout.contains("acme-support-assistant"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try PedigreeProcess.run(["graph"]).status == 64)
        #expect(try PedigreeProcess.run(["graph", "Samples", "--format", "png"]).status == 64)
    }

    @Test func helpShowsAnExample() throws {
        let result = try PedigreeProcess.run(["graph", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("pedigree graph Samples/cyclonedx-ml-bom"))
    }
}
