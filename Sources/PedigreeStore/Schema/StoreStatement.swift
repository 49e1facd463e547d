import Foundation

/// A value bound to a statement, the same for both databases.
///
/// Decisions: booleans are integers (0 or 1) in both schemas, so that one statement text serves both;
/// SQLite's STRICT tables and PostgreSQL's BIGINT columns then accept the same arguments.
package enum StoreValue: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case bytes([UInt8])
    case null

    package init(_ value: Int64) { self = .integer(value) }
    package init(_ value: Int) { self = .integer(Int64(value)) }
    package init(_ value: Bool) { self = .integer(value ? 1 : 0) }
    package init(_ value: String) { self = .text(value) }
    package init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    package init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }
    package init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    package init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
}

/// One statement of the portfolio's SQL, with `?` placeholders, and its arguments in order.
package struct StoreStatement: Sendable, Hashable {
    package var sql: String
    package var arguments: [StoreValue]

    package init(_ sql: String, _ arguments: [StoreValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The text with PostgreSQL's numbered placeholders (`$1`, `$2`…); the portfolio's statements put
    /// no `?` inside a literal, so each `?` is a placeholder.
    package var numberedSQL: String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + arguments.count * 2)
        var number = 0
        for character in sql {
            if character == "?" {
                number += 1
                out += "$\(number)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// `(?, ?), (?, ?), (?, ?)` for a multi-row `VALUES` of `rows` rows of `columns` values each.
    package static func rowMarks(_ rows: Int, columns: Int) -> String {
        let row = "(" + marks(columns) + ")"
        return Array(repeating: row, count: max(rows, 1)).joined(separator: ", ")
    }

    /// `?, ?, ?` for an `IN (…)` list of `count` values (one at least, so the SQL stays valid).
    package static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: max(count, 1)).joined(separator: ", ")
    }
}

/// A result row as both backends read it, by column name; the decoders below build the store's values
/// from it, so each query is written and read in one place.
package protocol StoreRow {
    func integer(_ column: String) throws(StoreError) -> Int64?
    func real(_ column: String) throws(StoreError) -> Double?
    func text(_ column: String) throws(StoreError) -> String?
    func bytes(_ column: String) throws(StoreError) -> [UInt8]?
}

extension StoreRow {
    package func required<T>(_ column: String, _ read: (String) throws(StoreError) -> T?) throws(StoreError) -> T {
        guard let value = try read(column) else { throw StoreError.damaged("the column '\(column)' is empty where a value was written") }
        return value
    }

    package func int(_ column: String) throws(StoreError) -> Int? { try integer(column).map { Int($0) } }
    package func requiredInt(_ column: String) throws(StoreError) -> Int { Int(try required(column, integer)) }
    package func requiredID(_ column: String) throws(StoreError) -> Int64 { try required(column, integer) }
    package func requiredText(_ column: String) throws(StoreError) -> String { try required(column, text) }
    package func bool(_ column: String) throws(StoreError) -> Bool { try required(column, integer) != 0 }
}
