import Foundation
import Logging
import NewswirePublish
import PostgresNIO

/// The stores a test can run against, so one suite checks both implementations of ``NewsStore``.
///
/// PostgreSQL is tested when `NEWSWIRE_TEST_POSTGRES` names a server (a URL whose database the
/// user may create databases from, e.g. `postgres://newswire@127.0.0.1:54329/postgres`);
/// `Scripts/test` starts one on loopback and sets it. Each store gets a database of its own.
public enum StoreBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }

    /// The server tests create their databases on, when one is configured.
    public static var postgresServer: PostgresAddress? {
        ProcessInfo.processInfo.environment["NEWSWIRE_TEST_POSTGRES"].flatMap { try? PostgresAddress(url: $0) }
    }

    /// SQLite always; PostgreSQL when a server is configured.
    public static var available: [StoreBackend] {
        postgresServer == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// Where a new, empty store of this kind lives (a fresh file, or a fresh database).
    public func freshAddress() async throws -> StoreAddress {
        switch self {
        case .sqlite:
            return .sqlite(path: FileManager.default.temporaryDirectory
                .appendingPathComponent("newswire-store-\(UUID().uuidString).sqlite").path)
        case .postgres:
            guard let server = Self.postgresServer else { throw StoreTestingError.noPostgresServer }
            var address = server
            address.database = "newswire_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await Self.createDatabase(address.database, on: server)
            return .postgres(address)
        }
    }

    /// A new, empty, migrated store.
    public func makeStore() async throws -> any NewsStore {
        try await freshAddress().open()
    }

    static func createDatabase(_ name: String, on server: PostgresAddress) async throws {
        // A database name cannot be a bound parameter; this one is made of hex digits only.
        try await administer(server) { try await $0.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: $1) }
    }

    /// Ends every connection to `database` from the server's side, as a restart or a network
    /// cut does: the store's pool must notice, and the writes it was asked for must not be lost.
    public static func dropConnections(to database: String) async throws {
        guard let server = postgresServer else { throw StoreTestingError.noPostgresServer }
        try await administer(server) { connection, logger in
            try await connection.query("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(database) AND pid <> pg_backend_pid()
                """, logger: logger)
        }
    }

    static func administer(_ server: PostgresAddress, _ work: (PostgresConnection, Logger) async throws -> Void) async throws {
        let logger = Logger(label: "newswire.store-testing")
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: server.host, port: server.port, username: server.user, password: server.password,
                                 database: server.database, tls: .disable),
            id: 1, logger: logger)
        do { try await work(connection, logger) } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}

public enum StoreTestingError: Error, CustomStringConvertible {
    case noPostgresServer
    public var description: String {
        "NEWSWIRE_TEST_POSTGRES is not set: run the tests with Scripts/test, which starts a PostgreSQL server"
    }
}
