import Foundation
import NewswirePublish
import NewswireStageSDK
import NewswireStoreTesting
import NewswireWire
import Testing

// One suite, every store: what publish and the web rely on, checked on SQLite and on a real
// PostgreSQL server (started by Scripts/test).

private func reported(_ id: String, title: String, text: String, site: String, published: String?,
                      people: [String] = [], quotes: [Quote] = [], amounts: [Amount] = [],
                      fingerprint: String = "0000000000000000") -> ArticleExtracted {
    let a = ArticleNormalized(id: id, url: "https://\(site)/\(id)", title: title, publishedAt: published, siteName: site,
                              text: text, paragraphs: [text], contentHash: "h-\(id)", fingerprint: fingerprint)
    return ArticleExtracted(article: a, entities: people.map { Entity(name: $0, type: .person, mentions: [], roles: ["Minister"]) },
                            quotes: quotes, amounts: amounts)
}

private func quote(_ text: String, by speaker: String?) -> Quote {
    Quote(text: text, speaker: speaker, verb: "said", kind: .direct, start: 0, end: text.count)
}

private func amount(_ text: String, _ value: Double, object: String, source: String?) -> Amount {
    Amount(text: text, value: value, unit: nil, object: object, source: source, start: 0, end: text.count)
}

/// A protest reported by two outlets (each side's figure), and an unrelated story.
private let corpus: [ArticleExtracted] = [
    reported("p1", title: "Police detain 214 in Port Avalon march", text: "Police said 214 people were detained in Port Avalon.",
             site: "wire.test", published: "2026-11-17T10:00:00Z", people: ["Ana Ruiz"],
             quotes: [quote("We kept order", by: "Ana Ruiz")], amounts: [amount("214 people", 214, object: "people", source: "police")],
             fingerprint: "00ff00ff00ff00ff"),
    reported("p2", title: "Police detain 214 in Port Avalon march", text: "Police said 214 people were detained in Port Avalon.",
             site: "daily.test", published: "2026-11-17T11:00:00Z", people: ["Ana Ruiz"],
             quotes: [quote("More than 600 were taken", by: "Citizens' Coalition")],
             amounts: [amount("more than 600", 600, object: "people", source: "organisers")], fingerprint: "00ff00ff00ff00fe"),
    reported("v1", title: "Vineyard harvest starts early in the north", text: "Growers began the grape harvest two weeks early.",
             site: "farm.test", published: nil, fingerprint: "f0f0f0f0f0f0f0f0"),
]

@Suite struct NewsStoreContractTests {
    @Test(arguments: StoreBackend.available)
    func storingIsIdempotentByIdAndAnUpdateKeepsItsStory(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let (first, story) = try await store.store(corpus[0])
        #expect(first == .inserted)
        #expect(try await store.store(corpus[0]).0 == .unchanged)
        var changed = corpus[0]
        changed.tone = 0.25
        let (outcome, sameStory) = try await store.store(changed)
        #expect(outcome == .updated)
        #expect(sameStory == story)
        #expect(try await store.count() == 1)
        let record = try #require(try await store.articleRecord(id: "p1"))
        #expect(try WireCoding.decoder.decode(ArticleExtracted.self, from: record.body) == changed)
        #expect(record.storyId == story)
        // Child rows are replaced, not added to.
        let detail = try #require(try await store.storyDetail(id: story))
        #expect(detail.quotes.count == 1)
        #expect(detail.figures.count == 1)
        await store.close()
    }

    @Test(arguments: StoreBackend.available)
    func aBatchFilesCopiesIntoOneStoryWithEachSidesFigures(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let results = try await store.store(batch: try corpus.map { ($0, try WireCoding.encoder.encode($0)) }, clusterer: StoryClusterer())
        #expect(results.map(\.0) == [.inserted, .inserted, .inserted])
        #expect(results[0].storyId == results[1].storyId)
        #expect(results[2].storyId != results[0].storyId)
        let detail = try #require(try await store.storyDetail(id: results[0].storyId))
        #expect(detail.articles.map(\.id) == ["p1", "p2"])
        #expect(detail.figures.map(\.source) == ["police", "organisers"])
        #expect(detail.figures.map(\.outlet) == ["wire.test", "daily.test"])
        #expect(detail.quotes.map(\.speaker) == ["Ana Ruiz", "Citizens' Coalition"])
        let announced = try #require(try await store.story(id: results[0].storyId))
        #expect(announced.articles.count == 2)
        #expect(Set(announced.claims.map(\.text)) == ["214 people", "more than 600"])
        #expect(try await store.story(id: "nope") == nil)
        #expect(try await store.storyDetail(id: "nope") == nil)
        await store.close()
    }

    @Test(arguments: StoreBackend.available)
    func pagesCoverEveryArticleOnceNewestFirstUndatedLast(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for article in corpus { try await store.store(article) }
        var seen: [String] = [], cursor: PageCursor?, pages = 0
        repeat {
            let page = try await store.articles(after: cursor, limit: 2)
            seen += page.items.map(\.id)
            cursor = page.next
            pages += 1
        } while cursor != nil
        #expect(seen == ["p2", "p1", "v1"])
        #expect(pages == 2)
        let first = try await store.articles(after: nil, limit: 10).items[0]
        #expect((first.entities, first.quotes, first.amounts) == (1, 1, 1))
        let stories = try await store.stories(after: nil, limit: 1)
        #expect(stories.items.count == 1)
        #expect(stories.next != nil)
        let rest = try await store.stories(after: stories.next, limit: 10)
        #expect(rest.next == nil)
        #expect(Set((stories.items + rest.items).map(\.id)).count == 2)
        let protest = try #require((stories.items + rest.items).first { $0.articleCount == 2 })
        #expect(protest.outletCount == 2)
        await store.close()
    }

    @Test(arguments: StoreBackend.available)
    func searchMatchesEveryWordAndReadsOperatorsAsText(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for article in corpus { try await store.store(article) }
        #expect(Set(try await store.search("Port Avalon", after: nil, limit: 10).items.map(\.article.id)) == ["p1", "p2"])
        #expect(try await store.search("grape harvest", after: nil, limit: 10).items.map(\.article.id) == ["v1"])
        #expect(try await store.search("grape Avalon", after: nil, limit: 10).items.isEmpty)
        for hostile in ["\"", "' OR 1=1 --", "harvest OR x*", "NEAR(a b)", "%_", "<script>", "   "] {
            _ = try await store.search(hostile, after: nil, limit: 10)
        }
        let paged = try await store.search("Police", after: nil, limit: 1)
        #expect(paged.items.count == 1)
        #expect(paged.items[0].snippet.contains("Police") || paged.items[0].snippet.contains("police"))
        let next = try await store.search("Police", after: paged.next, limit: 1)
        #expect(next.items.count == 1)
        #expect(next.items[0].article.id != paged.items[0].article.id)
        await store.close()
    }

    @Test(arguments: StoreBackend.available)
    func bodiesOfSeveralArticlesComeInOneCall(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for article in corpus { try await store.store(article) }
        let bodies = try await store.articleBodies(ids: ["p1", "v1", "nope"])
        #expect(Set(bodies.keys) == ["p1", "v1"])
        #expect(try WireCoding.decoder.decode(ArticleExtracted.self, from: try #require(bodies["v1"])) == corpus[2])
        #expect(try await store.articleBodies(ids: []).isEmpty)
        await store.close()
    }

    @Test(arguments: StoreBackend.available)
    func searchFollowsAnUpdatedArticleAndFindsItOnce(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for article in corpus { try await store.store(article) }
        var changed = corpus[2]
        changed.article.text = "Growers began the olive picking three weeks early."
        changed.article.paragraphs = [changed.article.text]
        #expect(try await store.store(changed).0 == .updated)
        #expect(try await store.search("grape", after: nil, limit: 10).items.isEmpty)
        #expect(try await store.search("olive picking", after: nil, limit: 10).items.map(\.article.id) == ["v1"])
        #expect(try await store.search("Police", after: nil, limit: 10).items.count == 2)
        await store.close()
    }

    @Test(arguments: StoreBackend.available)
    func quotesMatchTheSpeakerExactlyAndPage(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for article in corpus { try await store.store(article) }
        #expect(try await store.quotes(speaker: "Ana Ruiz", after: nil, limit: 10).items.map(\.text) == ["We kept order"])
        #expect(try await store.quotes(speaker: "Ana%", after: nil, limit: 10).items.isEmpty)
        #expect(try await store.quotes(speaker: "ana ruiz", after: nil, limit: 10).items.isEmpty)
        let first = try await store.quotes(speaker: nil, after: nil, limit: 1)
        let second = try await store.quotes(speaker: nil, after: first.next, limit: 1)
        #expect((first.items + second.items).map(\.text) == ["We kept order", "More than 600 were taken"])
        #expect(second.next == nil)
        #expect(first.items[0].storyId != nil)
        await store.close()
    }

    @Test(arguments: StoreBackend.available)
    func entitiesAreKeyedByLowerCasedNameWithTheirArticlesAndStories(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for article in corpus { try await store.store(article) }
        let page = try await store.entities(after: nil, limit: 10)
        #expect(page.items.map { [$0.id, $0.name, $0.type, "\($0.articleCount)"] } == [["ana ruiz", "Ana Ruiz", "person", "2"]])
        let entity = try #require(try await store.entity(id: "ana ruiz"))
        #expect(entity.roles == ["Minister"])
        #expect(entity.articles.map(\.id) == ["p2", "p1"])
        #expect(entity.storyIds.count == 1)
        #expect(try await store.entity(id: "nobody") == nil)
        #expect(try await store.entities(after: page.next ?? PageCursor(key: "ana ruiz", rowid: 0), limit: 10).items.isEmpty)
        await store.close()
    }

    @Test(arguments: StoreBackend.available)
    func exportBookkeepingListsEachUnexportedArticleOnce(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for article in corpus { try await store.store(article) }
        #expect(try await store.unexported(limit: 10).map(\.id) == ["p1", "p2", "v1"])
        try await store.markExported(["p1", "v1"])
        #expect(try await store.unexported(limit: 10).map(\.id) == ["p2"])
        #expect(try await store.isExported(id: "p1") == true)
        #expect(try await store.isExported(id: "p2") == false)
        #expect(try await store.isExported(id: "nope") == nil)
        // An update keeps the export mark: the article is not appended again.
        var changed = corpus[0]
        changed.tone = -0.5
        try await store.store(changed)
        #expect(try await store.isExported(id: "p1") == true)
        await store.close()
    }

    @Test(arguments: StoreBackend.available)
    func reopeningKeepsEverythingAndMigratesOnce(_ backend: StoreBackend) async throws {
        let address = try await backend.freshAddress()
        let first = try await address.open()
        let (_, story) = try await first.store(corpus[0])
        await first.close()
        let second = try await address.open()
        #expect(try await second.count() == 1)
        #expect(try await second.store(corpus[1]).storyId == story)
        await second.close()
    }

    @Test(arguments: StoreBackend.available)
    func theSameArticlesGiveTheSameStoriesOnEveryStore(_ backend: StoreBackend) async throws {
        let articles = clusteringCorpus()
        let reference = try SQLiteStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("newswire-reference-\(UUID()).sqlite").path)
        let store = try await backend.makeStore()
        var expected: [String] = [], got: [String] = []
        for article in articles {
            expected.append(try await reference.store(article).storyId)
            got.append(try await store.store(article).storyId)
        }
        #expect(got == expected)
        #expect(Set(got).count == 10)
        await store.close()
    }
}

/// Ten events, each reported four times with different wording, interleaved as they would arrive.
func clusteringCorpus() -> [ArticleExtracted] {
    let places = ["Avalon", "Northgate", "Lusmar", "Kestrel", "Meridian", "Halvor", "Brindle", "Osprey", "Tamsin", "Varen"]
    let events = ["flood", "strike", "election", "earthquake", "merger", "trial", "wildfire", "summit", "outage", "recall"]
    var articles: [ArticleExtracted] = []
    for copy in 0..<4 {
        for (i, event) in events.enumerated() {
            let place = places[i]
            let text = "The \(event) in \(place) continued on day \(copy + 1), officials in \(place) said of the \(event)."
            let a = ArticleNormalized(id: "e\(i)-\(copy)", url: "https://outlet\(copy).test/\(i)", title: "\(place) \(event): update \(copy)",
                                      publishedAt: "2026-11-2\(copy)T0\(i % 10):00:00Z", siteName: "outlet\(copy).test",
                                      text: text, paragraphs: [text], contentHash: "h\(i)-\(copy)",
                                      fingerprint: String(format: "%016llx", UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(copy)))
            articles.append(ArticleExtracted(article: a, entities: [Entity(name: place, type: .location, mentions: []),
                                                                    Entity(name: "\(place) Council", type: .organization, mentions: [])]))
        }
    }
    return articles
}

/// Several publish replicas writing one PostgreSQL store at once.
@Suite(.enabled(if: StoreBackend.postgresServer != nil, "needs NEWSWIRE_TEST_POSTGRES (Scripts/test starts a server)"))
struct PostgresReplicaTests {
    @Test func twoReplicasWritingAtOnceStoreEachArticleOnceAndAgreeOnStories() async throws {
        guard case .postgres(let address) = try await StoreBackend.postgres.freshAddress() else { return }
        let replicas = [try await PostgresStore(address), try await PostgresStore(address)]
        let articles = clusteringCorpus()
        // Each replica gets every article (fetch re-sends to whichever replica is free), in
        // batches, at the same time: an article may be stored by both.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (n, replica) in replicas.enumerated() {
                let order = n == 0 ? articles : articles.reversed()
                group.addTask {
                    for batch in order.chunked(into: 3) {
                        _ = try await replica.store(batch: try batch.map { ($0, try WireCoding.encoder.encode($0)) },
                                                    clusterer: StoryClusterer())
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = replicas[0]
        #expect(try await store.count() == articles.count)
        var storyOf: [String: String] = [:]
        for article in articles {
            storyOf[article.article.id] = try #require(try await store.articleRecord(id: article.article.id)?.storyId)
        }
        // Every event's copies share one story, and no story mixes events.
        for event in 0..<10 {
            #expect(Set((0..<4).map { storyOf["e\(event)-\($0)"]! }).count == 1, "event \(event)")
        }
        #expect(Set(storyOf.values).count == 10)
        // Child rows were replaced, never doubled, by the replica that stored an article second.
        let entities = try await store.entities(after: nil, limit: 100).items
        #expect(entities.count == 20)
        #expect(entities.allSatisfy { $0.articleCount == 4 })
        for replica in replicas { await replica.close() }
    }

    /// The server drops every connection between two batches (a restart, a network cut): publish
    /// reports a retryable failure at worst, and once retried every article is stored once.
    @Test func droppedConnectionsAreRetryableAndNothingIsLost() async throws {
        guard case .postgres(let address) = try await StoreBackend.postgres.freshAddress() else { return }
        let store = try await PostgresStore(address)
        let stage = PublishStage(store: store, export: nil, announcesStories: false)
        let articles = clusteringCorpus()
        let messages = try articles.map { try Message(id: $0.article.id, body: $0) }
        var pending = messages, failures: [any Error] = [], rounds = 0
        while !pending.isEmpty && rounds < 20 {
            rounds += 1
            let batch = Array(pending.prefix(8))
            try await StoreBackend.dropConnections(to: address.database)
            // The stage waits for the store on its own thread, as the runner calls it; never on the pool.
            let results = await withCheckedContinuation { done in Thread { done.resume(returning: stage.process(batch: batch)) }.start() }
            var retry: [Message] = []
            for (message, result) in zip(batch, results) {
                if case .failure(let error) = result { failures.append(error); retry.append(message) }
            }
            pending = retry + pending.dropFirst(batch.count)
        }
        #expect(pending.isEmpty, "still not stored after \(rounds) rounds")
        #expect(failures.allSatisfy { $0 is any RetryableError }, "\(failures)")
        #expect(try await store.count() == articles.count)
        await store.close()
    }

    @Test func anUnreachableServerIsAClearErrorNotAHang() async throws {
        let address = PostgresAddress(host: "127.0.0.1", port: 9, user: "nobody", database: "none")
        await #expect {
            _ = try await PostgresStore(address, connectTimeout: .seconds(2))
        } throws: { error in
            "\(error)".contains("cannot open the PostgreSQL store postgres://nobody@127.0.0.1:9/none")
        }
    }
}

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

/// Scripts/test starts PostgreSQL and says so: the PostgreSQL half of the store suite must then
/// run, never be skipped because the server went missing.
@Test(.enabled(if: ProcessInfo.processInfo.environment["NEWSWIRE_REQUIRE_POSTGRES"] == "1"))
func postgresIsTestedWhenScriptsTestStartedIt() {
    #expect(StoreBackend.available.contains(.postgres))
}
