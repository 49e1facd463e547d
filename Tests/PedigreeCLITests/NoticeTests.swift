#if canImport(Glibc)
import Glibc
#endif
import PedigreeCore
import Testing

/// `pedigree notice` for a Llama-, a Gemma- and an Apache-based product, run as the built binary.
@Suite struct NoticeTests {
    static func notice(_ input: String, _ extra: [String] = []) throws -> String {
        let result = try PedigreeProcess.run(["notice", input] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func llamaBasedProductOwesBuiltWithLlamaAndTheAcceptableUsePolicy() throws {
        let text = try Self.notice("Samples/hf-finetune-stack")
        #expect(text.hasPrefix("Third-party notices for Acme Support Assistant\n"))
        #expect(text.contains("\nBuilt with Llama\n"))
        #expect(text.contains("\nLlama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.\n"))
        #expect(text.contains("\nUse restrictions\n"))
        #expect(text.contains("  Terms: https://llama.meta.com/llama3_1/use-policy\n"))
        #expect(text.contains("\nDataset credits\n"))
        #expect(text.contains("\nOpenAssistant/oasst1\n  License: Apache-2.0 (Apache License 2.0)\n"))
        // Only what ships: the manifest's test-only tools and the product itself are not listed as components.
        #expect(!text.contains("\nAcme Support Assistant 2.4.0\n"))
        #expect(try Self.notice("Samples/hf-finetune-stack") == text)
    }

    @Test func gemmaBasedProductPassesOnTheGemmaTerms() throws {
        let text = try Self.notice("Tests/Fixtures/reports/notice/gemma", ["--distribution", "on-device"])
        #expect(text.contains("\nGemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms\n"))
        #expect(text.contains("\nGemma Terms of Use (last modified 2025-03-24) (LicenseRef-scancode-gemma-tou-2025-03-24)\n  Terms: https://ai.google.dev/gemma/terms\n  Terms: https://ai.google.dev/gemma/prohibited_use_policy\n  Applies to: acme/gemma-2-2b-notes 1.0, google/gemma-2-2b-it\n"))
        #expect(!text.contains("Built with Llama"))
        #expect(!text.contains("Source code offer"))
    }

    @Test func apacheBasedProductPassesOnNoticeFilesAndOffersGPLSource() throws {
        let text = try Self.notice("Tests/Fixtures/reports/notice/apache", ["--distribution", "on-device"])
        #expect(text.contains("\nNOTICE files\n"))
        #expect(text.contains("\n- mistralai/Mistral-7B-v0.1 (Apache-2.0)\n- vllm 0.6.3 (Apache-2.0)\n"))
        #expect(text.contains("\nApache-2.0 (Apache License 2.0)\n  Applies to: mistralai/Mistral-7B-v0.1, vllm 0.6.3\n"))
        #expect(text.contains("\nSource code offer\n"))
        #expect(text.contains("\n- busybox 1.36.1 (GPL-2.0-only)\n"))
        // pytest is excluded from what ships.
        #expect(!text.contains("pytest"))
        #expect(!text.contains("Use restrictions"))
    }

    @Test func licensesThatRequireTheirTextGetItInFullWithTheStatedCopyrights() throws {
        let text = try Self.notice("Tests/Fixtures/reports/notice/copyright")
        // SPDX copyrightText, one line per stated line; a holder without the word gets it.
        #expect(text.contains("\ntiny-markdown 2.1.0\n  License: MIT (MIT License)\n  Copyright (c) 2019 Jane Roe\n  Copyright (c) 2021 Tiny Markdown contributors\n"))
        #expect(text.contains("\nzipper 0.4.0\n  License: BSD-3-Clause (BSD 3-Clause \"New\" or \"Revised\" License)\n  Copyright: Zipper Authors\n"))
        // NOASSERTION states nothing.
        #expect(!text.contains("NOASSERTION"))
        // The full texts replace the links, each once, and the data is credited.
        #expect(text.contains("\nFull license texts\n"))
        #expect(text.contains("\nMIT: MIT License\n~~~~~~~~~~~~~~~~\n\nPermission is hereby granted, free of charge"))
        #expect(text.contains("Redistribution and use in source and binary forms"))
        #expect(!text.contains("https://spdx.org/licenses/MIT.html"))
        #expect(text.components(separatedBy: "Permission is hereby granted").count == 2)
        #expect(text.contains("ScanCode LicenseDB"))
        #expect(text.contains("CC-BY-4.0"))
    }

    @Test func cycloneDXCopyrightIsListedWithItsComponent() throws {
        let text = try Self.notice("Tests/Fixtures/reports/notice/apache", ["--distribution", "on-device"])
        #expect(text.contains("\nvllm 0.6.3\n  License: Apache-2.0 (Apache License 2.0)\n  Package: pkg:pypi/vllm@0.6.3\n  Copyright 2023 the vLLM team\n"))
        #expect(text.contains("\nApache-2.0: Apache License 2.0\n"))
        #expect(text.contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION"))
    }

    @Test func writesTheFileAtomicallyAndRefusesSymlinks() throws {
        let path = "/tmp/pedigree-notice-test-\(getpid())"
        let link = path + ".link"
        _ = unlink(path)
        _ = unlink(link)
        defer {
            _ = unlink(path)
            _ = unlink(link)
        }
        let written = try PedigreeProcess.run(["notice", "Tests/Fixtures/reports/notice/apache", "--output", path])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        let bytes = try SafeFile.read(path)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("Third-party notices for inference-box\n"))
        #expect(symlink(path, link) == 0)
        let refused = try PedigreeProcess.run(["notice", "Tests/Fixtures/reports/notice/apache", "--output", link])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error: [output.symlink]"))
    }
}
