import SafeYAML
import Testing

@Suite("Plain scalars resolve by the YAML 1.2 core schema")
struct YAMLCoreSchemaTests {
    /// Parses `value: TEXT` and returns the value node.
    private func value(_ text: String) throws -> YAMLNode {
        try #require(try parseYAML("value: \(text)\n")["value"])
    }

    @Test(arguments: ["~", "null", "Null", "NULL", "", "!!null ''", "!!null null"])
    func nulls(text: String) throws {
        let node = try value(text)
        #expect(node.isNull)
        #expect(node.string == nil)
        #expect(node.bool == nil)
    }

    @Test(arguments: [("true", true), ("True", true), ("TRUE", true), ("false", false), ("FALSE", false), ("!!bool true", true)])
    func booleans(text: String, expected: Bool) throws {
        let node = try value(text)
        #expect(node.bool == expected)
        #expect(node.isNull == false)
    }

    @Test(arguments: [
        ("0", 0), ("42", 42), ("-17", -17), ("+12", 12), ("0o17", 15), ("0x1F", 31), ("0xff", 255), ("007", 7),
        ("!!int 12", 12), ("!!int \"34\"", 34),
    ])
    func integers(text: String, expected: Int) throws {
        let node = try value(text)
        #expect(node.int == expected)
        #expect(node.double == Double(expected))
    }

    @Test(arguments: [
        ("1.5", 1.5), ("-0.25", -0.25), (".5", 0.5), ("1.", 1.0), ("+2.5e3", 2500.0), ("1e-2", 0.01),
        ("6.02E+23", 6.02e23), ("!!float 3", 3.0),
    ])
    func floats(text: String, expected: Double) throws {
        let node = try value(text)
        #expect(node.double == expected)
        #expect(node.int == nil)
    }

    @Test func specialFloats() throws {
        #expect(try value(".inf").double == .infinity)
        #expect(try value("-.Inf").double == -.infinity)
        #expect(try value(".NaN").double?.isNaN == true)
    }

    @Test(arguments: [
        "\"true\"", "'42'", "\"null\"", "!!str true", "! 42", "yes", "on", "0x", "0o8", "-0x1F", "1_000", "12abc",
        "1e", "1.2.3", ". ", "0b101", "2001:db8",
    ])
    func strings(text: String) throws {
        let node = try value(text)
        #expect(node.string != nil)
        #expect(node.isNull == false)
        #expect(node.bool == nil)
        #expect(node.int == nil)
        #expect(node.double == nil)
    }

    @Test func quotedScalarsKeepTextAndStyle() throws {
        let node = try value("\"true\"")
        #expect(node.string == "true")
        #expect(node.scalar?.isPlain == false)
        #expect(node.scalar?.tag == nil)
        #expect(try value("!!str 12").scalar?.tag == "tag:yaml.org,2002:str")
        #expect(try value("! 12").scalar?.tag == "!")
    }

    @Test func integerBeyondIntIsStillANumber() throws {
        let node = try value("99999999999999999999")
        #expect(node.int == nil)
        #expect(node.double == 1e20)
        #expect(node.string == "99999999999999999999")
    }
}
