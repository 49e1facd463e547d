import Foundation
import PedigreeStore
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…` URL read into a connection's settings.
///
/// Decisions: as libpq reads it — the host defaults to localhost and the port to 5432, the user to
/// `$USER` and the database to the user; a host that is a folder (`%2Frun%2Fpostgresql`) is a Unix
/// socket; `sslmode` is `disable`, `prefer` (the default: TLS when the server offers it) or `require`.
struct PostgresURL: Sendable {
    enum TLSMode: String, Sendable { case disable, prefer, require }

    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    var tls: TLSMode
    /// The URL as given, its password masked, for messages.
    var redacted: String

    init(_ text: String) throws(StoreError) {
        redacted = StoreLocation.postgres(url: text).description
        guard let components = URLComponents(string: text) else {
            throw StoreError.badLocation(redacted, "it is not a URL")
        }
        let environment = ProcessInfo.processInfo.environment
        user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        host = components.host.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        let path = String(components.path.drop { $0 == "/" })
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard let tls = TLSMode(rawValue: mode) else {
            throw StoreError.badLocation(redacted, "sslmode '\(mode)' is not one of disable, prefer, require")
        }
        self.tls = tls
    }

    func configuration() throws -> PostgresConnection.Configuration {
        if host.hasPrefix("/") {
            let socket = host.hasSuffix(".s.PGSQL.\(port)") ? host : host + "/.s.PGSQL.\(port)"
            return PostgresConnection.Configuration(unixSocketPath: socket, username: user, password: password, database: database)
        }
        let tlsSetting: PostgresConnection.Configuration.TLS
        switch tls {
        case .disable: tlsSetting = .disable
        case .prefer: tlsSetting = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tlsSetting = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tlsSetting)
    }
}
