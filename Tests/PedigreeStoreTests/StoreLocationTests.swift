import PedigreeStore
import Testing

@Suite("Store locations")
struct StoreLocationTests {
    @Test(
        "paths and sqlite URLs name SQLite files; postgres URLs name servers",
        arguments: [
            ("pedigree.db", StoreLocation.sqlite(path: "pedigree.db")),
            ("sqlite:data/p.db", .sqlite(path: "data/p.db")),
            ("sqlite:///tmp/p.db", .sqlite(path: "/tmp/p.db")),
            ("file:p.db", .sqlite(path: "p.db")),
            ("C:p.db", .sqlite(path: "C:p.db")),
            ("postgres://ci@localhost/portfolio", .postgres(url: "postgres://ci@localhost/portfolio")),
            ("postgresql://ci@localhost:5433/p", .postgres(url: "postgresql://ci@localhost:5433/p")),
        ])
    func parses(text: String, expected: StoreLocation) throws {
        #expect(try StoreLocation(text) == expected)
    }

    @Test("an unknown scheme or an empty value is refused, not taken for a file name", arguments: ["", "http://host/x", "mysql://u@h/db", "sqlite:"])
    func refuses(text: String) {
        #expect(throws: StoreError.self) { try StoreLocation(text) }
    }

    @Test("a password never appears in messages")
    func redacts() throws {
        #expect(try StoreLocation("postgres://ci:secret@db/p").description == "postgres://ci:***@db/p")
    }
}
