import ArgumentParser
import Foundation
import NewswirePublish
import NewswireStageSDK
import NewswireWire

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-publish",
        abstract: "Store extracted articles in SQLite, group them into stories and serve them.")

    @OptionGroup var options: StageOptions

    @Option(help: "SQLite database file.")
    var database = "var/newswire.sqlite"

    @Option(help: "JSON Lines export file (one article.extracted per line); empty for none.")
    var export = "var/articles.jsonl"

    @Option(help: "Address to send acknowledgements of stored ids to (fetch's ack address).")
    var acknowledgements: String?

    @Option(help: "Address to publish story.updated messages on (PUB, bound).")
    var stories: String?

    @Option(help: "Serve the HTTP API and page on this port of 127.0.0.1 (0: don't serve).")
    var httpPort = 0

    func run() throws {
        let store = try ArticleStore(path: database)
        let stage = PublishStage(store: store, export: export.isEmpty ? nil : try JSONLinesExport(path: export, store: store),
                                 announcesStories: stories != nil || options.once)
        var routes: [String: StageEndpoints.Route] = [:]
        if let acknowledgements { routes[MessageKind.ack] = .init(address: acknowledgements, pattern: .push, bind: false) }
        if let stories { routes[MessageKind.storyUpdated] = .init(address: stories, pattern: .pub, bind: true) }
        if httpPort > 0 && !options.once {
            let server = APIServer(store: store, port: httpPort)
            Task.detached { try await server.run() }
        }
        try options.run(stage, routes: routes)
    }
}

PublishCommand.main()
