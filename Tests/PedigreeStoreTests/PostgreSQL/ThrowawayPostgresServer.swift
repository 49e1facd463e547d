#if PostgreSQL
import PedigreeStorePostgres
import Testing

extension ThrowawayPostgres {
    static let missingNote: Comment = "PostgreSQL is not installed (no initdb, pg_ctl and createdb on PATH or under /usr/lib/postgresql/N/bin): the PostgreSQL store is not tested"

    @TaskLocal static var current: ThrowawayPostgres?
}

/// Runs a suite inside one throwaway server, reachable as `ThrowawayPostgres.current`.
struct ThrowawayPostgresServer: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard ThrowawayPostgres.binaries != nil else { return try await function() }
        let server = try ThrowawayPostgres.start()
        defer { server.stop() }
        try await ThrowawayPostgres.$current.withValue(server) { try await function() }
    }
}

extension Trait where Self == ThrowawayPostgresServer {
    static var throwawayPostgres: Self { Self() }
}
#endif
