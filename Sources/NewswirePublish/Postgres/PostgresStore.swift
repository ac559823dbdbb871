import Foundation
import Logging
import NewswireWire
import PostgresNIO

/// The store on a PostgreSQL server (postgres-nio), for users who outgrow one machine: several
/// publish replicas, on several hosts, write one database and stay consistent.
///
/// Story assignment under concurrent writers: every batch is one transaction that first takes
/// a transaction-scoped advisory lock (``clusteringLock``), so articles are filed one writer at
/// a time, each seeing every article committed before it — the same order of decisions a single
/// SQLite writer makes. The lock is held only for the batch's transaction; reads never take it.
public final class PostgresStore: NewsStore {
    public let address: PostgresAddress
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    /// The advisory lock key that serialises story assignment between writers.
    static let clusteringLock: Int64 = 0x6E65_7773_7769_7265 // "newswire"
    /// The advisory lock key that serialises schema migrations between replicas starting at once.
    static let migrationLock: Int64 = 0x6E65_7773_6D69_6772

    public var location: String { address.description }

    /// Connects, waits for the server (up to `connectTimeout`), and migrates the schema.
    public init(_ address: PostgresAddress, connectTimeout: Duration = .seconds(10),
                logger: Logger = Logger(label: "newswire.postgres")) async throws {
        self.address = address
        self.logger = logger
        var configuration = PostgresClient.Configuration(host: address.host, port: address.port, username: address.user,
                                                         password: address.password, database: address.database, tls: .disable)
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = 8
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
        do {
            try await withTimeout(connectTimeout + .seconds(5), address: address) {
                try await PostgresSchema.migrate(client, logger: logger)
            }
        } catch {
            runner.cancel()
            throw PostgresStoreError.unreachable(address: address, reason: PostgresStoreError.describe(error))
        }
    }

    public func close() async {
        runner.cancel()
        _ = await runner.value
    }

    deinit { runner.cancel() }

    // MARK: Plumbing

    /// Runs `work` in one transaction on one connection: committed when it returns, rolled
    /// back when it throws (the error is rethrown as it was).
    func transaction<T: Sendable>(_ work: (PostgresConnection) async throws -> T) async throws -> T {
        try await mapped {
            try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    let value = try await work(connection)
                    try await connection.query("COMMIT", logger: logger)
                    return value
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
    }

    /// The rows of a read-only query, by column name.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        try await mapped { try await client.query(query, logger: logger).collect().map { $0.makeRandomAccess() } }
    }

    /// Server errors carry their SQLSTATE and message; PSQLError's own description hides both.
    func mapped<T>(_ work: () async throws -> T) async throws -> T {
        do { return try await work() } catch let error as PSQLError {
            throw PostgresStoreError.failed(address: address, reason: PostgresStoreError.describe(error))
        }
    }

    private func withTimeout<T: Sendable>(_ limit: Duration, address: PostgresAddress,
                                          _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw PostgresStoreError.unreachable(address: address, reason: "no answer within \(limit)")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}

/// Why the PostgreSQL store could not be used, with the server's own words.
public enum PostgresStoreError: Error, CustomStringConvertible {
    case unreachable(address: PostgresAddress, reason: String)
    case failed(address: PostgresAddress, reason: String)

    public var description: String {
        switch self {
        case .unreachable(let address, let reason):
            "cannot open the PostgreSQL store \(address): \(reason); check that the server runs, the database exists and the user may log in"
        case .failed(let address, let reason):
            "PostgreSQL store \(address): \(reason)"
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PostgresStoreError {
            switch error {
            case .unreachable(_, let reason), .failed(_, let reason): return reason
            }
        }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let server = error.serverInfo, let message = server[.message] {
            return [server[.sqlState].map { "SQLSTATE \($0)" }, message].compactMap { $0 }.joined(separator: ": ")
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}

extension PostgresRandomAccessRow {
    /// The column `name`, decoded (an optional type reads NULL as nil).
    func get<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try self[name].decode(T.self)
    }
}
