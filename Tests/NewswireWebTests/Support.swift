import Foundation
import Hummingbird
import HummingbirdTesting
import NewswirePublish
import NewswireStoreTesting
import NewswireWeb
import NewswireWire
import Testing

/// Articles built in the test and stored through `ArticleStore.store`, as publish stores them.
enum Corpus {
    static func article(_ id: String, title: String, text: String? = nil, site: String, url: String? = nil,
                        published: String?, fingerprint: String, entities: [Entity] = [], quotes: [Quote] = [],
                        amounts: [Amount] = []) -> ArticleExtracted {
        let text = text ?? "Text of \(id) about \(title)."
        let a = ArticleNormalized(id: id, url: url ?? "https://\(site.lowercased().replacingOccurrences(of: " ", with: "-")).test/\(id)",
                                  title: title, publishedAt: published, siteName: site, text: text, paragraphs: [text],
                                  contentHash: "h-\(id)", fingerprint: fingerprint)
        return ArticleExtracted(article: a, entities: entities, quotes: quotes, amounts: amounts)
    }

    static func person(_ name: String, roles: [String] = []) -> Entity { Entity(name: name, type: .person, mentions: [], roles: roles) }
    static func quote(_ text: String, by speaker: String?) -> Quote {
        Quote(text: text, speaker: speaker, verb: "said", kind: .direct, start: 0, end: 1)
    }
    static func amount(_ text: String, _ value: Double, _ object: String, by source: String?) -> Amount {
        Amount(text: text, value: value, unit: nil, object: object, source: source, start: 0, end: 1)
    }

    /// Two wire copies and a rival report of one protest (one story), a story with hostile
    /// markup and a `javascript:` link, and filler articles with far-apart fingerprints.
    static let protestText = "Police detained 214 protesters in Port Avalon on Monday."
    static let protest = [
        article("a1", title: "Police detain 214 protesters in Port Avalon", text: protestText, site: "Harbour Times",
                published: "2026-11-17T09:00:00Z", fingerprint: "0000000000000000",
                entities: [person("Ana Ruiz", roles: ["Interior Minister"])],
                quotes: [quote("Order was kept.", by: "Ana Ruiz"), quote("We will march again.", by: "Tomás Ortega")],
                amounts: [amount("214 protesters", 214, "protesters", by: "police")]),
        article("a2", title: "Police detain 214 protesters in Port Avalon", text: protestText, site: "Coast Wire",
                published: "2026-11-17T09:30:00Z", fingerprint: "0000000000000001",
                entities: [person("Ana Ruiz")],
                quotes: [quote("Order was kept, and will be.", by: "Ana Ruiz")],
                amounts: [amount("214 protesters", 214, "protesters", by: "police"),
                          amount("more than 600 protesters", 600, "Protesters", by: "organisers")]),
    ]

    static let hostile = article("h1", title: #"<script>alert("t")</script> Harbour & "cranes""#,
                                 text: #"Dockers said <b>enough</b> & left. <img src=x onerror=alert(1)>"#,
                                 site: "Odd <Outlet>", url: "javascript:alert(document.cookie)",
                                 published: "2026-11-18T08:00:00Z", fingerprint: "ffffffffffffffff",
                                 quotes: [quote("<i>Never</i>", by: "Lena <Park>")])

    static let fillerFingerprints = ["00000000ffffffff", "ffffffff00000000", "0f0f0f0f0f0f0f0f", "f0f0f0f0f0f0f0f0",
                                     "3333333333333333", "cccccccccccccccc", "5555555555555555", "aaaaaaaaaaaaaaaa"]
    static let fillerWords = ["granary", "lighthouse", "ferry", "orchard", "quarry", "tramway", "vineyard", "glacier"]

    static var filler: [ArticleExtracted] {
        zip(fillerWords, fillerFingerprints).enumerated().map { i, pair in
            article("f\(i)", title: pair.0.capitalized, text: "\(pair.0.capitalized) \(pair.0)s.", site: "Outlet \(i)",
                    published: i % 3 == 0 ? nil : "2026-11-1\(i)T12:00:00Z", fingerprint: pair.1)
        }
    }

    static var all: [ArticleExtracted] { protest + [hostile] + filler }

    /// How many stories the store filed the corpus into (clustering decides, not this test).
    static func storyCount(_ store: any NewsStore) async throws -> Int {
        Set(try await store.articles(after: nil, limit: 1000).items.compactMap(\.storyId)).count
    }

    static func store(_ backend: StoreBackend) async throws -> any NewsStore {
        let store = try await backend.makeStore()
        for article in all { try await store.store(article) }
        return store
    }
}

/// Runs `test` against the web app of a freshly filled store of `backend`, in-process.
func withWebApp(_ backend: StoreBackend, _ test: @Sendable (any TestClientProtocol, any NewsStore) async throws -> Void) async throws {
    let store = try await Corpus.store(backend)
    let app = try await WebApp.application(store: store, port: 0)
    try await app.test(.router) { client in try await test(client, store) }
    await store.close()
}

extension TestClientProtocol {
    /// GETs `uri` and returns the status and the body as JSON.
    func json(_ uri: String) async throws -> (HTTPResponse.Status, Any) {
        let response = try await execute(uri: uri, method: .get)
        let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body), options: [.fragmentsAllowed])
        return (response.status, body)
    }

    func object(_ uri: String, expecting status: HTTPResponse.Status = .ok,
                sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        let (got, body) = try await json(uri)
        #expect(got == status, "\(uri)", sourceLocation: sourceLocation)
        return try #require(body as? [String: Any], sourceLocation: sourceLocation)
    }

    func text(_ uri: String) async throws -> (HTTPResponse.Status, String, String?) {
        let response = try await execute(uri: uri, method: .get)
        return (response.status, String(buffer: response.body), response.headers[.contentType])
    }

    /// Follows `nextCursor` from `path` to the last page, returning every item.
    func allItems(_ path: String, limit: Int) async throws -> (items: [[String: Any]], pages: Int) {
        var items: [[String: Any]] = []
        var cursor: String?
        var pages = 0
        repeat {
            let separator = path.contains("?") ? "&" : "?"
            let uri = "\(path)\(separator)limit=\(limit)" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try await object(uri)
            let batch = try #require(page["items"] as? [[String: Any]])
            #expect(batch.count <= limit)
            items += batch
            cursor = page["nextCursor"] as? String
            pages += 1
        } while cursor != nil && pages < 100
        return (items, pages)
    }
}
