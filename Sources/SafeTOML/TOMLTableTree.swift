/// The tables of a document while it is parsed: headers and dotted keys reopen tables defined
/// earlier, so they are built in an arena of nodes and turned into values at the end.
struct TOMLTableTree {
    enum Node {
        case value(TOMLValue)
        /// `defined`: opened by its own `[header]` or an inline table, so it cannot be opened again.
        case table(keys: [String], children: [String: Int], defined: Bool, line: Int, column: Int)
        case tables([Int])
    }

    enum Conflict: Error {
        /// The key already holds a value, or the table was already defined.
        case duplicate
        /// The key holds a value where a table was needed.
        case notATable
    }

    private(set) var nodes: [Node] = [.table(keys: [], children: [:], defined: true, line: 1, column: 1)]
    static let root = 0

    /// The table at `path` below `start`, creating implicit tables on the way; an array of tables
    /// continues in its last element.
    mutating func table(at path: [String], from start: Int, line: Int, column: Int) throws(Conflict) -> Int {
        var current = start
        for key in path {
            current = try child(key, of: current, line: line, column: column)
        }
        return current
    }

    private mutating func child(_ key: String, of table: Int, line: Int, column: Int) throws(Conflict) -> Int {
        guard case .table(var keys, var children, let defined, let tableLine, let tableColumn) = nodes[table] else {
            throw .notATable
        }
        if let existing = children[key] {
            switch nodes[existing] {
            case .table: return existing
            case .tables(let elements):
                guard let last = elements.last else { throw .notATable }
                return last
            case .value: throw .notATable
            }
        }
        let created = nodes.count
        nodes.append(.table(keys: [], children: [:], defined: false, line: line, column: column))
        keys.append(key)
        children[key] = created
        nodes[table] = .table(keys: keys, children: children, defined: defined, line: tableLine, column: tableColumn)
        return created
    }

    /// Marks the table at `path` as defined by a `[header]`, which may happen once.
    mutating func define(_ path: [String], line: Int, column: Int) throws(Conflict) -> Int {
        guard let last = path.last else { throw .duplicate }
        let parent = try table(at: Array(path.dropLast()), from: Self.root, line: line, column: column)
        guard case .table(_, let children, _, _, _) = nodes[parent] else { throw .notATable }
        if let existing = children[last] {
            guard case .table(let keys, let grandchildren, let defined, _, _) = nodes[existing] else {
                throw .duplicate
            }
            if defined { throw .duplicate }
            nodes[existing] = .table(keys: keys, children: grandchildren, defined: true, line: line, column: column)
            return existing
        }
        let created = try child(last, of: parent, line: line, column: column)
        if case .table(let keys, let grandchildren, _, _, _) = nodes[created] {
            nodes[created] = .table(keys: keys, children: grandchildren, defined: true, line: line, column: column)
        }
        return created
    }

    /// Appends a new table to the array of tables at `path` (`[[header]]`).
    mutating func appendTable(_ path: [String], line: Int, column: Int) throws(Conflict) -> Int {
        guard let last = path.last else { throw .duplicate }
        let parent = try table(at: Array(path.dropLast()), from: Self.root, line: line, column: column)
        guard case .table(var keys, var children, let defined, let parentLine, let parentColumn) = nodes[parent] else {
            throw .notATable
        }
        let created = nodes.count
        nodes.append(.table(keys: [], children: [:], defined: true, line: line, column: column))
        if let existing = children[last] {
            guard case .tables(var elements) = nodes[existing] else { throw .duplicate }
            elements.append(created)
            nodes[existing] = .tables(elements)
            return created
        }
        let array = nodes.count
        nodes.append(.tables([created]))
        keys.append(last)
        children[last] = array
        nodes[parent] = .table(keys: keys, children: children, defined: defined, line: parentLine, column: parentColumn)
        return created
    }

    /// Sets `key` in `table` to a value, which must not exist yet.
    mutating func set(_ key: String, in table: Int, to value: TOMLValue) throws(Conflict) {
        guard case .table(var keys, var children, let defined, let line, let column) = nodes[table] else { throw .notATable }
        guard children[key] == nil else { throw .duplicate }
        children[key] = nodes.count
        nodes.append(.value(value))
        keys.append(key)
        nodes[table] = .table(keys: keys, children: children, defined: defined, line: line, column: column)
    }

    /// The finished table at `index`.
    func value(of index: Int) -> TOMLTable {
        var result = TOMLTable()
        guard case .table(let keys, let children, _, _, _) = nodes[index] else { return result }
        for key in keys {
            guard let child = children[key] else { continue }
            result.set(key, finished(child))
        }
        return result
    }

    private func finished(_ index: Int) -> TOMLValue {
        switch nodes[index] {
        case .value(let value):
            return value
        case .table(_, _, _, let line, let column):
            return TOMLValue(.table(value(of: index)), line: line, column: column)
        case .tables(let elements):
            let tables = elements.map(finished)
            return TOMLValue(.array(tables), line: tables.first?.line ?? 0, column: tables.first?.column ?? 0)
        }
    }
}
