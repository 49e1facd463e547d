import ArgumentParser
import PedigreeCore

@main
struct Pedigree: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pedigree",
        abstract: "Audit the licenses of an AI product's supply chain: models, datasets and code.",
        discussion: """
            Pedigree reads SBOMs (SPDX 2.x/3.0, CycloneDX 1.2-1.6), Hugging Face model and dataset cards, \
            adapter configs, GGUF headers and its own pedigree.yaml, joins them into one lineage graph, \
            carries each license's terms along fine-tunes, merges, quantizations, training data and links, \
            and reports every conflict with the lineage path that explains it.

            Exit codes: 0 no blocking findings, 1 blocking findings, 2 an input can't be used, 64 usage error.

            Examples:
              pedigree audit Samples/hf-finetune-stack
              pedigree audit bom.cdx.json --distribution saas --mau 250000000 --format sarif
              pedigree explain Samples/hf-finetune-stack --component acme/support-llama-3.1-8b
              pedigree licenses llama3.1
            """,
        version: PedigreeVersion.current,
        subcommands: [Audit.self, Graph.self, Explain.self, Notice.self, Licenses.self, Store.self]
    )
}
