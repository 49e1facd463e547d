import PedigreeDiagnostics
import Testing

@testable import SafeTOML

@Suite struct TOMLParserTests {
    private func parse(_ text: String, limits: InputLimits = .default) throws -> TOMLTable {
        try TOMLParser.parse(Array(text.utf8), file: "doc.toml", limits: limits)
    }

    private func failure(_ text: String, limits: InputLimits = .default) -> Diagnostic? {
        do {
            _ = try TOMLParser.parse(Array(text.utf8), file: "doc.toml", limits: limits)
            return nil
        } catch {
            return error.diagnostic
        }
    }

    @Test func readsALockfileWithPositions() throws {
        let text = """
            version = 1
            requires-python = ">=3.10"

            [[package]]
            name = "requests"
            version = "2.31.0"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [
                { name = "certifi" },  # a comment
                { name = "urllib3", marker = "python_version >= '3.8'" },
            ]

            [package.optional-dependencies]
            socks = [{ name = "pysocks" }]

            [[package]]
            name = "certifi"
            version = "2024.2.2"
            """
        let root = try parse(text)
        #expect(root["version"].map { if case .integer("1") = $0.kind { true } else { false } } == true)
        let packages = try #require(root["package"]?.array)
        #expect(packages.count == 2)
        #expect(packages[0]["name"]?.string == "requests")
        #expect(packages[0].line == 4)
        #expect(packages[1].line == 16)
        let dependencies = try #require(packages[0]["dependencies"]?.array)
        #expect(dependencies.map { $0["name"]?.string } == ["certifi", "urllib3"])
        #expect(dependencies[1].line == 10 && dependencies[1].column == 5)
        #expect(dependencies[1]["marker"]?.string == "python_version >= '3.8'")
        #expect(packages[0]["optional-dependencies"]?["socks"]?.array?.first?["name"]?.string == "pysocks")
        #expect(packages[0]["source"]?["registry"]?.string == "https://pypi.org/simple")
    }

    @Test func readsStringsDottedKeysAndTables() throws {
        let text = #"""
            [project]
            name = 'demo'
            license = { text = """
            MIT \
              License""" }
            urls.homepage = "https://example.org/\u00e9"
            escaped = "tab\tquote\" done"
            literal = '''
            C:\path'''
            when = 1979-05-27 07:32:00Z
            ratio = 0.5
            flags = [true, false,]

            [tool.poetry.dependencies]
            python = "^3.10"
            """#
        let root = try parse(text)
        let project = try #require(root["project"])
        #expect(project["name"]?.string == "demo")
        #expect(project["license"]?["text"]?.string == "MIT License")
        #expect(project["urls"]?["homepage"]?.string == "https://example.org/é")
        #expect(project["escaped"]?.string == "tab\tquote\" done")
        #expect(project["literal"]?.string == "C:\\path")
        #expect(project["when"].map { if case .dateTime("1979-05-27 07:32:00Z") = $0.kind { true } else { false } } == true)
        #expect(project["flags"]?.array?.compactMap(\.bool) == [true, false])
        #expect(root["tool"]?["poetry"]?["dependencies"]?["python"]?.string == "^3.10")
        #expect(root["tool"]?["poetry"]?["dependencies"]?["python"]?.line == 15)
    }

    @Test(arguments: [
        ("a = 1\na = 2", "toml.duplicate-key", 2, 1),
        ("[a]\nx = 1\n[a]", "toml.duplicate-key", 3, 1),
        ("a = 1\n[a]", "toml.duplicate-key", 2, 1),
        ("a = \"open", "toml.syntax", 1, 10),
        ("a = [1, 2", "toml.syntax", 1, 10),
        ("a = bare", "toml.syntax", 1, 5),
        ("a = 1 b = 2", "toml.syntax", 1, 7),
        ("= 1", "toml.syntax", 1, 1),
        ("a = \"\\q\"", "toml.syntax", 1, 6),
    ])
    func rejectsBrokenDocumentsWithPositions(_ text: String, _ code: String, _ line: Int, _ column: Int) throws {
        let diagnostic = try #require(failure(text))
        #expect(diagnostic.code == code)
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.location?.column == column)
    }

    @Test func boundsNestingAndStrings() throws {
        let deep = "a = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(failure(deep)?.code == "toml.too-deep")
        var limits = InputLimits.default
        limits.maxStringBytes = 8
        #expect(failure("a = \"0123456789\"", limits: limits)?.code == "toml.string-too-long")
    }

    @Test func refusesInvalidUTF8AtItsLine() throws {
        let diagnostic = try #require(
            { () -> Diagnostic? in
                do throws(InputError) {
                    _ = try TOMLParser.parse(Array("a = 1\nb = \"".utf8) + [0xFF, 0x22], file: "doc.toml")
                    return nil
                } catch { return error.diagnostic }
            }())
        #expect(diagnostic.code == "toml.invalid-utf8")
        #expect(diagnostic.location?.line == 2)
    }
}
