import Foundation
import Testing

/// The README's usage lines name exactly the options each command's `--help` lists.
@Suite struct UsageDocumentationTests {
    /// The `--name` words of a text.
    static func options(_ text: Substring) -> Set<String> {
        var found = Set<String>()
        var rest = text[...]
        while let start = rest.range(of: "--") {
            let name = rest[start.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if !name.isEmpty { found.insert("--" + name) }
            rest = rest[start.upperBound...]
        }
        return found.subtracting(["--help", "--version"])
    }

    /// The README's usage lines of `command`: its first line and the indented lines that continue it.
    static func readmeUsage(_ command: String) throws -> Substring {
        let readme = try String(contentsOfFile: PedigreeProcess.repository + "/README.md", encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "## Commands\n\n```\n").dropFirst().first?.components(separatedBy: "```").first)
        var lines: [Substring] = []
        for line in block.split(separator: "\n") {
            if line.hasPrefix("pedigree \(command) ") { lines.append(line) } else if !lines.isEmpty, line.hasPrefix(" ") { lines.append(line) } else if !lines.isEmpty { break }
        }
        return Substring(lines.joined(separator: "\n"))
    }

    @Test(arguments: ["audit", "graph", "explain", "notice", "licenses"])
    func readmeUsageMatchesHelp(command: String) throws {
        let help = try PedigreeProcess.run([command, "--help"])
        #expect(help.status == 0)
        let listed = try #require(help.stdout.components(separatedBy: "USAGE:").last)
        let documented = Self.options(try Self.readmeUsage(command))
        #expect(!documented.isEmpty)
        #expect(documented == Self.options(Substring(listed)), "README usage of '\(command)' differs from --help")
    }
}
