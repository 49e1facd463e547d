import Foundation
import Testing

/// `pedigree store` run as the built binary: exit codes, standard error, and the two-command quick start.
@Suite struct StoreCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pedigree-store-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var store: String { folder.appendingPathComponent("portfolio.db").path }

    @Test func addThenQueryAnswersWithThePathAsCSV() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let added = try PedigreeProcess.run(["store", "add", "Samples/hf-finetune-stack", "--store", store])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("stored release '2.4.0' of 'Acme Support Assistant': 8 components"))
        let again = try PedigreeProcess.run(["store", "add", "Samples/hf-finetune-stack", "--store", store])
        #expect(again.stdout == "release '2.4.0' of 'Acme Support Assistant' is already stored from the same inputs; nothing was written\n")
        let query = try PedigreeProcess.run(["store", "query", "--license", "non-commercial", "--format", "csv", "--store", store])
        #expect(query.status == 0, "\(query.stderr)")
        let lines = query.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("Acme Support Assistant,2.4.0,datasets/acme/support-dialogs,") == true)
    }

    @Test func aMissingStoreIsAnErrorWithExitCode2() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PedigreeProcess.run(["store", "query", "--component", "torch", "--store", store])
        #expect(result.status == 2)
        #expect(result.stderr.contains("[store.missing] there is no store at '\(store)'"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func anUnusableInputStoresNothingAndExits2() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PedigreeProcess.run(["store", "add", "Tests/Fixtures/manifest/errors/pedigree.yaml", "--store", store])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Tests/Fixtures/manifest/errors/pedigree.yaml:"))
        #expect(result.stderr.contains("[store.nothing-stored]"))
    }

    @Test func usageErrorsExit64() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let both = try PedigreeProcess.run(["store", "query", "--component", "a", "--license", "MIT", "--store", store])
        #expect(both.status == 64)
        let scheme = try PedigreeProcess.run(["store", "init", "--store", "mysql://u@h/db"])
        #expect(scheme.status == 64)
        #expect(scheme.stderr.contains("the scheme 'mysql' is not one Pedigree stores in"))
    }
}
