import Foundation
import NewswireStoreTesting
import Testing

/// The pipeline file chooses PostgreSQL by URL, and several publish replicas write it at once.
///
/// Synchronous on purpose, with `psql` for the checks: it runs among the suites that block
/// their threads on processes, where async work (a PostgreSQL client's) could be starved.
@Suite(.enabled(if: StoreBackend.postgresServer != nil, "needs NEWSWIRE_TEST_POSTGRES (Scripts/test starts a server)"))
struct PostgresPipelineTests {
    static func psql(_ url: String, _ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["psql", "-X", "-At", url, "-c", sql]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.standardError
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "psql failed: \(sql)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func twoPublishReplicasStoreTheSampleCorpusOnceInPostgreSQL() throws {
        let server = try #require(StoreBackend.postgresServer)
        let database = "newswire_pipeline_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = "postgres://\(server.user)@\(server.host):\(server.port)/\(server.database)"
        let url = "postgres://\(server.user)@\(server.host):\(server.port)/\(database)"
        _ = try Self.psql(admin, "CREATE DATABASE \(database)")
        let dir = try Harness.temporaryFolder()
        let yaml = dir.appendingPathComponent("pipeline.yaml")
        var file = PipelineTests.pipelineFile(workdir: dir, ports: Harness.ports(10))
        // Two publish replicas on one database; no JSON Lines export (one file per store, not per replica).
        file = file.replacingOccurrences(of: "--database, \(dir.path)/newswire.sqlite, --export, \(dir.path)/articles.jsonl",
                                         with: "--database, \"\(url)\", --export, \"\"")
        file = file.replacingOccurrences(of: "command: newswire-publish, input: extracted,", with: "command: newswire-publish, input: extracted, replicas: 2,")
        #expect(file.contains(url) && file.contains("replicas: 2,"))
        try file.write(to: yaml, atomically: true, encoding: .utf8)
        let result = try Harness.run("newswire", ["run", yaml.path, "--exit-when-done"], timeout: 240)
        #expect(result.status == 0, "newswire run failed: \(String(decoding: result.stderr, as: UTF8.self))")

        let pages = try FileManager.default.contentsOfDirectory(atPath: Harness.samples.path).filter { $0.hasSuffix(".html") }
        #expect(try Self.psql(url, "SELECT count(*), count(DISTINCT id) FROM article") == "\(pages.count)|\(pages.count)")
        #expect(try Self.psql(url, "SELECT count(*) FROM article WHERE story_id IS NULL") == "0")
        // The wire copies of one event (several outlets) are one story, whichever replica stored them.
        let widest = try Self.psql(url, "SELECT max(n) FROM (SELECT count(DISTINCT site_name) AS n FROM article GROUP BY story_id) s")
        #expect((Int(widest) ?? 0) >= 2)
    }
}
