import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import NewswirePublish
import NewswireStageSDK
import NewswireWire

/// `newswire-publish`: the publish stage, and beside it (with `--http-port`) the web API, pages
/// and feeds, under one ServiceGroup. A library type, so the executable is one line.
public struct PublishCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newswire-publish",
        abstract: "Store extracted articles (SQLite or PostgreSQL), group them into stories and serve them.")

    @OptionGroup public var options: StageOptions

    @Option(help: "The store: a SQLite file, or a PostgreSQL URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE; PGPASSWORD is read too).")
    var database = "var/newswire.sqlite"

    @Option(help: "JSON Lines export file (one article.extracted per line); empty for none.")
    var export = "var/articles.jsonl"

    @Option(help: "Address to send acknowledgements of stored ids to (fetch's ack address).")
    var acknowledgements: String?

    @Option(help: "Address to publish story.updated messages on (PUB, bound).")
    var stories: String?

    @Option(help: "Serve the HTTP API, the story pages and the Atom feed on this port of 127.0.0.1 (0: don't serve).")
    var httpPort = 0

    public init() {}

    public func run() throws {
        let address = try StoreAddress(database)
        let exportPath = export
        let (store, jsonLines) = try waitFor { () async throws -> (any NewsStore, JSONLinesExport?) in
            let store = try await address.open()
            return (store, exportPath.isEmpty ? nil : try await JSONLinesExport.open(path: exportPath, store: store))
        }
        let stage = PublishStage(store: store, export: jsonLines, announcesStories: stories != nil || options.once)
        var routes: [MessageKind: StageEndpoints.Route] = [:]
        if let acknowledgements { routes[MessageKind.ack] = .init(address: acknowledgements, pattern: .push, bind: false) }
        if let stories { routes[MessageKind.storyUpdated] = .init(address: stories, pattern: .pub, bind: true) }
        if httpPort > 0 && !options.once {
            return try serveBeside(stage, routes: routes, store: store)
        }
        try options.run(stage, routes: routes)
    }

    /// The stage and the HTTP server under one ServiceGroup: it alone owns SIGINT/SIGTERM,
    /// drains both on shutdown, and stops the stage (exit status 2) when the port cannot be served.
    func serveBeside(_ stage: PublishStage, routes: [MessageKind: StageEndpoints.Route], store: any NewsStore) throws {
        StageOptions.bootstrapLogging()
        let runner = try options.makeRunner(stage, routes: routes)
        let metrics = try options.reporting.metricsServer(for: runner.counters)
        defer { metrics?.stop() }
        let port = httpPort
        do {
            try waitFor {
                let logger = Logger(label: "newswire.publish")
                let app = try await WebApp.application(store: store, port: port)
                let group = ServiceGroup(configuration: .init(
                    services: [.init(service: StageService(runner: runner), successTerminationBehavior: .gracefullyShutdownGroup),
                               .init(service: app)],
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                try await group.run()
            }
        } catch {
            FileHandle.standardError.write(Data("newswire-publish: cannot serve HTTP on 127.0.0.1:\(port): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

