/// The type tags of GGUF metadata values (ggml `docs/gguf.md`, `enum gguf_metadata_value_type`).
enum GGUFValueType: UInt32, Sendable, CaseIterable {
    case uint8 = 0
    case int8 = 1
    case uint16 = 2
    case int16 = 3
    case uint32 = 4
    case int32 = 5
    case float32 = 6
    case bool = 7
    case string = 8
    case array = 9
    case uint64 = 10
    case int64 = 11
    case float64 = 12

    /// The encoded size of a fixed-size value; `nil` for strings and arrays.
    var fixedSize: Int? {
        switch self {
        case .uint8, .int8, .bool: 1
        case .uint16, .int16: 2
        case .uint32, .int32, .float32: 4
        case .uint64, .int64, .float64: 8
        case .string, .array: nil
        }
    }

    /// The fewest bytes one value of this type takes: a string is at least its 8-byte length, an
    /// array at least its 4-byte element type and 8-byte count. Bounds counts before anything is read.
    var minimumSize: Int {
        switch self {
        case .string: 8
        case .array: 12
        default: fixedSize ?? 1
        }
    }

    var name: String {
        switch self {
        case .uint8: "uint8"
        case .int8: "int8"
        case .uint16: "uint16"
        case .int16: "int16"
        case .uint32: "uint32"
        case .int32: "int32"
        case .float32: "float32"
        case .bool: "bool"
        case .string: "string"
        case .array: "array"
        case .uint64: "uint64"
        case .int64: "int64"
        case .float64: "float64"
        }
    }
}

/// A metadata value as far as Pedigree keeps it: scalars and string lists of the `general.*` keys;
/// any other array is only measured and skipped.
enum GGUFValue: Sendable, Equatable {
    case unsigned(UInt64)
    case signed(Int64)
    case float(Double)
    case bool(Bool)
    case string(String)
    case strings([String])
    /// An array that was skipped without being materialised (a tokenizer vocabulary, tensor shapes…).
    case skippedArray(elementType: GGUFValueType, count: UInt64)

    /// The value as text for a property; `nil` for skipped arrays.
    var text: String? {
        switch self {
        case .unsigned(let value): String(value)
        case .signed(let value): String(value)
        case .float(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        case .string(let value): value
        case .strings(let values): values.joined(separator: ", ")
        case .skippedArray: nil
        }
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// An integer value of any width, if it fits in `Int`.
    var int: Int? {
        switch self {
        case .unsigned(let value): Int(exactly: value)
        case .signed(let value): Int(exactly: value)
        default: nil
        }
    }

    var typeDescription: String {
        switch self {
        case .unsigned, .signed: "an integer"
        case .float: "a float"
        case .bool: "a bool"
        case .string: "a string"
        case .strings: "a string array"
        case .skippedArray(let type, _): "an array of \(type.name)"
        }
    }
}
