#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A PostgreSQL cluster of the tests' own: created under a temporary folder, listening on a free
/// loopback port, stopped and removed when the suite ends.
///
/// Decisions: PostgreSQL refuses to run as root, so a root run (CI) creates and starts the cluster as
/// `nobody` through `runuser`; trust authentication on loopback only; fsync off (nothing here must
/// survive a crash). Each user (a test, a bench case) gets a database of its own. It serves the tests
/// and `make bench`, never a user's store.
package final class ThrowawayPostgres: Sendable {
    /// The folder of `initdb`, `pg_ctl` and `createdb`: on PATH, else Debian's /usr/lib/postgresql/N/bin.
    package static let binaries: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        var folders = path.split(separator: ":").map(String.init)
        let debian = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: debian)) ?? []
        folders += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "\(debian)/\($0)/bin" }
        return folders.first { folder in
            ["initdb", "pg_ctl", "createdb"].allSatisfy { FileManager.default.isExecutableFile(atPath: "\(folder)/\($0)") }
        }
    }()

    package let folder: String
    package let port: Int
    package let binaries: String
    private let asUser: String?

    /// A cluster another process started in `folder` (the bench's children reach the parent's this way).
    package convenience init(folder: String, port: Int) throws {
        guard let binaries = Self.binaries else { throw ServerFailure("PostgreSQL is not installed") }
        self.init(folder: folder, port: port, binaries: binaries, asUser: geteuid() == 0 ? "nobody" : nil)
    }

    private init(folder: String, port: Int, binaries: String, asUser: String?) {
        self.folder = folder
        self.port = port
        self.binaries = binaries
        self.asUser = asUser
    }

    /// Creates and starts a cluster (a few seconds); retries on another port when one was taken meanwhile.
    package static func start() throws -> ThrowawayPostgres {
        guard let binaries else { throw ServerFailure("PostgreSQL is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pedigree-postgres-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let asUser = geteuid() == 0 ? "nobody" : nil
        if let asUser, let account = getpwnam(asUser) { chown(folder, account.pointee.pw_uid, account.pointee.pw_gid) }
        var server = ThrowawayPostgres(folder: folder, port: 0, binaries: binaries, asUser: asUser)
        try server.run("initdb", ["-D", "\(folder)/data", "-U", "pedigree", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"])
        var lastError: (any Error)?
        for _ in 0..<3 {
            server = ThrowawayPostgres(folder: folder, port: try freePort(), binaries: binaries, asUser: asUser)
            do {
                try server.run("pg_ctl", [
                    "-D", "\(folder)/data", "-l", "\(folder)/server.log", "-w", "-t", "60", "-o",
                    "-c listen_addresses=127.0.0.1 -p \(server.port) -k \(folder) -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                    "start",
                ])
                return server
            } catch {
                lastError = error
            }
        }
        try? FileManager.default.removeItem(atPath: folder)
        throw lastError ?? ServerFailure("the server did not start")
    }

    package func stop() {
        try? run("pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A new empty database on this server, as a store URL.
    package func createDatabase() throws -> String {
        let name = "store_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try run("createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "pedigree", name], asServerUser: false)
        return "postgres://pedigree@127.0.0.1:\(port)/\(name)?sslmode=disable"
    }

    /// Runs a PostgreSQL program to its end, its output in a file of the folder (quoted on failure).
    ///
    /// Spawned and reaped directly (`posix_spawn`, `waitpid`): `pg_ctl start` leaves the server running
    /// with the descriptors it inherited, which keeps Foundation's `Process` waiting for good.
    private func run(_ tool: String, _ arguments: [String], asServerUser: Bool = true) throws {
        let log = "\(folder)/\(tool)-\(UUID().uuidString).out"
        var command = ["\(binaries)/\(tool)"] + arguments
        if asServerUser, let asUser { command = ["/usr/sbin/runuser", "-u", asUser, "--"] + command }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &arguments, environ)
        guard spawned == 0 else { throw ServerFailure("cannot start \(command[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw ServerFailure("\(tool) failed (status \(status)): \(text.suffix(600))")
        }
    }

    /// A loopback port nothing listens on now.
    private static func freePort() throws -> Int {
        let handle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard handle >= 0 else { throw ServerFailure("no socket for a free port") }
        defer { close(handle) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(handle, $0, length) == 0 && getsockname(handle, $0, &length) == 0 }
        }
        guard bound else { throw ServerFailure("no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

package struct ServerFailure: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
