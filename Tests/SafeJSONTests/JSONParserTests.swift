import PedigreeDiagnostics
import Testing

@testable import SafeJSON

func parse(_ text: String, limits: InputLimits = .default) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8), file: "doc.json", limits: limits)
}

/// `line:column` of a value, for compact position assertions.
func position(_ value: JSONValue?) -> String {
    guard let value else { return "missing" }
    return "\(value.line):\(value.column)"
}

@Suite("JSONParser reads valid documents with values, order and positions")
struct JSONParserTests {
    @Test func cycloneDXComponentKeepsValuesOrderAndPositions() throws {
        let document = """
            {
              "bomFormat": "CycloneDX",
              "specVersion": "1.6",
              "components": [
                {
                  "type": "machine-learning-model",
                  "name": "Ünïcödé-模型",
                  "version": "1.10",
                  "licenses": [{"license": {"id": "Apache-2.0"}}],
                  "hashes": [{"alg": "SHA-256", "content": "9f86d081884c7d65"}],
                  "scope": null,
                  "isExternal": false
                }
              ]
            }
            """
        let root = try parse(document)
        let object = try #require(root.object)
        #expect(object.keys == ["bomFormat", "specVersion", "components"])
        #expect(position(root) == "1:1")
        #expect(root["bomFormat"]?.string == "CycloneDX")
        #expect(position(root["bomFormat"]) == "2:16")
        #expect(position(root["specVersion"]) == "3:18")
        let components = try #require(root["components"]?.array)
        #expect(position(root["components"]) == "4:17")
        #expect(components.count == 1)
        let model = components[0]
        #expect(position(model) == "5:5")
        #expect(model.object?.keys == ["type", "name", "version", "licenses", "hashes", "scope", "isExternal"])
        #expect(model["name"]?.string == "Ünïcödé-模型")
        #expect(model["version"]?.string == "1.10")
        #expect(position(model["version"]) == "8:18")
        let license = model["licenses"]?.array?.first?["license"]
        #expect(license?["id"]?.string == "Apache-2.0")
        #expect(position(license) == "9:32")
        #expect(position(license?["id"]) == "9:39")
        #expect(model["hashes"]?.array?.first?["content"]?.string == "9f86d081884c7d65")
        #expect(model["scope"]?.isNull == true)
        #expect(model["isExternal"]?.bool == false)
        #expect(model["missing"] == nil)
        #expect(root.location(in: "bom.json") == SourceLocation(file: "bom.json", line: 1, column: 1))
    }

    @Test func columnsCountCodePointsAfterMultiByteCharacters() throws {
        // "名前" and "値" take 3 bytes per character; "😀" takes 4 bytes and one column.
        let root = try parse(#"{"名前": "値", "😀": [true, 12], "k": -0.5e+3}"#)
        #expect(root.object?.keys == ["名前", "😀", "k"])
        #expect(position(root["名前"]) == "1:8")
        #expect(position(root["😀"]) == "1:18")
        #expect(position(root["😀"]?.array?[1]) == "1:25")
        #expect(position(root["k"]) == "1:35")
        #expect(root["k"]?.numberText == "-0.5e+3")
        #expect(root["k"]?.double == -500)
    }

    @Test func escapedCharactersCountOnceEachInTheSource() throws {
        // Escapes are ASCII in the source: the column after them counts their six bytes.
        let root = try parse(#"["\u00e9\u00e9", "x"]"#)
        #expect(root.array?[0].string == "éé")
        #expect(position(root.array?[1]) == "1:18")
    }

    @Test func lineBreaksAdvanceLinesAndCarriageReturnsDoNot() throws {
        let root = try parse("[\r\n  1,\r\n\t\"a\",\n\n   null]")
        let elements = try #require(root.array)
        #expect(elements.map(position) == ["2:3", "3:2", "5:4"])
    }

    @Test func escapesDecode() throws {
        let root = try parse(#"["\"\\\/\b\f\n\r\t", "\u0041\u00E9\u4e2d\uD83D\uDE00", "a\u0000b"]"#)
        let strings = try #require(root.array).map(\.string)
        #expect(strings == ["\"\\/\u{8}\u{C}\n\r\t", "Aé中😀", "a\u{0}b"])
    }

    @Test func stringsWithEscapesAndMultiByteCharactersMixed() throws {
        let long = String(repeating: "ab", count: 40)
        let root = try parse("[\"\(long)\\n\(long)é\\t\"]")
        #expect(root.array?.first?.string == "\(long)\n\(long)é\t")
    }

    @Test func numbersKeepTheirRawText() throws {
        let root = try parse("[0, -0, 1.10, 1E+2, 3.0, 1e3, 3.5, -7, 123456789012345678901234567890, 1e400]")
        let elements = try #require(root.array)
        #expect(elements.map { $0.numberText ?? "" } == [
            "0", "-0", "1.10", "1E+2", "3.0", "1e3", "3.5", "-7", "123456789012345678901234567890", "1e400",
        ])
        #expect(elements.map(\.int) == [0, 0, nil, 100, 3, 1000, nil, -7, nil, nil])
        #expect(elements[2].double == 1.1)
        #expect(elements[9].double == nil)
        #expect(elements.allSatisfy { $0.typeName == "number" })
    }

    @Test("top-level scalars", arguments: [
        ("\"x\"", "string"), ("42", "number"), ("null", "null"), ("true", "boolean"), (" [] ", "array"),
        ("{}\n", "object"),
    ])
    func topLevelScalars(text: String, typeName: String) throws {
        let value = try parse(text)
        #expect(value.typeName == typeName)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let value = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8), file: "bom.json")
        #expect(position(value) == "1:1")
        #expect(position(value["a"]) == "1:7")
        #expect(value["a"]?.int == 1)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = InputLimits.default.maxJSONDepth
        let text = String(repeating: "[", count: depth) + "7" + String(repeating: "]", count: depth)
        var value = try parse(text)
        for _ in 1..<depth { value = try #require(value.array?.first) }
        #expect(value.array?.first?.int == 7)
        #expect(position(value.array?.first) == "1:\(depth + 1)")
    }

    @Test func stringExactlyAtTheLimitIsAccepted() throws {
        let limits = InputLimits(maxStringBytes: 8)
        #expect(try parse(#"["12345678", "\n\n\n\n\n\n\n\n", "é123456"]"#, limits: limits).array?.count == 3)
    }

    @Test func largeObjectsKeepOrderAndFindEveryKey() throws {
        let keys = (0..<200).map { "key-\(199 - $0)" }
        let text = "{" + keys.enumerated().map { "\"\($0.element)\": \($0.offset)" }.joined(separator: ",\n") + "}"
        let root = try parse(text)
        let object = try #require(root.object)
        #expect(object.keys == keys)
        for (offset, key) in keys.enumerated() {
            #expect(object[key]?.int == offset)
            #expect(object[key]?.line == offset + 1)
        }
        #expect(object["key-200"] == nil)
    }

    @Test func keysThatDifferOnlyAfterEscapingAreDistinct() throws {
        let root = try parse(#"{"a": 1, "\u0041": 2, "a\/": 3}"#)
        #expect(root.object?.keys == ["a", "A", "a/"])
    }

    @Test func emptyContainersKeepTheirPositions() throws {
        let root = try parse("{\"a\": {},\n \"b\": [ ]}")
        #expect(root["a"]?.object?.isEmpty == true)
        #expect(root["b"]?.array?.isEmpty == true)
        #expect(position(root["b"]) == "2:7")
    }

    @Test func editedObjectsFindMembersAgain() throws {
        var object = try #require(try parse("{" + (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ",") + "}").object)
        object.members.remove(at: 0)
        object.members.append((key: "new", value: JSONValue(.bool(true), line: 9, column: 9)))
        #expect(object["k0"] == nil)
        #expect(object["k1"]?.int == 1)
        #expect(object["new"]?.bool == true)
        let built = JSONObject((0..<30).map { (key: "m\($0)", value: JSONValue(.null, line: 1, column: $0 + 1)) })
        #expect(built["m29"]?.column == 30)
    }

    @Test func valuesStayCompact() {
        // Positions in 32 bits keep a 40 MB SBOM's tree small; this guards against a layout regression.
        #expect(MemoryLayout<JSONValue>.stride <= 32)
    }
}
