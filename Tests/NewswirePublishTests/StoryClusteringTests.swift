import Foundation
import NewswirePublish
import NewswireStoreTesting
import NewswireWire
import Testing

/// An article as the extract stage would send it: title, lead, entities, fingerprint, date.
private func report(_ id: String, title: String, text: String, entities: [(String, EntityType)],
                    fingerprint: String, published: String = "2026-11-17T10:00:00Z") -> ArticleExtracted {
    let a = ArticleNormalized(id: id, url: "https://news.test/\(id)", title: title, publishedAt: published, text: text,
                              paragraphs: [text], contentHash: "h-\(id)", fingerprint: fingerprint)
    return ArticleExtracted(article: a, entities: entities.map { Entity(name: $0.0, type: $0.1, mentions: []) })
}

private func storyDatabase() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("newswire-stories-\(UUID()).sqlite").path
}

/// Fingerprints far apart from each other, so that only words and entities decide.
private func fingerprint(_ n: Int) -> String {
    var x = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 29; x &*= 0xBF58_476D_1CE4_E5B9; x ^= x >> 32
    return String(format: "%016llx", x)
}

/// Stories about unrelated things, all naming the country, to give document frequencies meaning.
private func background(_ store: any NewsStore, count: Int) async throws {
    let topics = ["orchestra", "vineyard", "railway", "museum", "hospital", "airport", "library", "stadium",
                  "harvest", "bridge", "satellite", "ferry", "school", "brewery", "theatre", "festival"]
    for i in 0..<count {
        let topic = topics[i % topics.count], place = "Town\(i)"
        try await store.store(report("bg\(i)", title: "\(place) \(topic) opens after renovation",
                               text: "The \(topic) in \(place), Lusmar, reopened with officials from the government present. Residents said the \(topic) mattered.",
                               entities: [("Lusmar", .location), (place, .location), ("Mayor \(i)", .person)],
                               fingerprint: fingerprint(1000 + i), published: "2026-11-1\(i % 9)T09:00:00Z"))
    }
}

@Suite struct StoryClusteringTests {
    @Test(arguments: StoreBackend.available) func sameEventFromDifferentOutletsJoinsOneStory(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await background(store, count: 40)
        let (_, first) = try await store.store(report("p1", title: "Police detain 214 as thousands march against Public Order Act in Port Avalon",
            text: "Police said 214 people were detained in Port Avalon as protesters marched on Liberty Square against the Public Order Act, the Citizens' Coalition said.",
            entities: [("Port Avalon", .location), ("Liberty Square", .location), ("Citizens' Coalition", .organization), ("Ana Ruiz", .person)],
            fingerprint: fingerprint(1)))
        let (_, second) = try await store.store(report("p2", title: "Organisers say more than 600 detained in Port Avalon protests",
            text: "Thousands of protesters marched on Liberty Square in Port Avalon against the Public Order Act; organisers of the Citizens' Coalition said more than 600 were detained.",
            entities: [("Port Avalon", .location), ("Liberty Square", .location), ("Citizens' Coalition", .organization), ("Ana Ruiz", .person)],
            fingerprint: fingerprint(2), published: "2026-11-18T08:00:00Z"))
        #expect(first == second)
    }

    @Test(arguments: StoreBackend.available) func differentEventsSharingACountryAndAMinisterStayApart(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await background(store, count: 40)
        let (_, fire) = try await store.store(report("a-fire", title: "Fire at Halden Polymers plant in Dunmore injures twelve",
            text: "A blaze tore through the Halden Polymers plant in Dunmore, Lusmar, and the fire service said twelve workers were injured. Interior Minister Tomas Berg visited.",
            entities: [("Lusmar", .location), ("Dunmore", .location), ("Halden Polymers", .organization), ("Tomas Berg", .person)],
            fingerprint: fingerprint(3)))
        let (_, flood) = try await store.store(report("a-flood", title: "Varro river floods Santa Irene, hundreds evacuated",
            text: "The Varro burst its banks in Santa Irene, Lusmar, and emergency crews evacuated hundreds of residents. Interior Minister Tomas Berg visited.",
            entities: [("Lusmar", .location), ("Santa Irene", .location), ("Varro", .location), ("Tomas Berg", .person)],
            fingerprint: fingerprint(4)))
        #expect(fire != flood)
    }

    @Test(arguments: StoreBackend.available) func nearDuplicateWireCopiesJoinDespiteNewHeadlines(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await background(store, count: 20)
        let (_, wire) = try await store.store(report("w1", title: "Lumenra Systems to cut 1,150 jobs",
            text: "Lumenra Systems will cut 1,150 jobs, the company said.", entities: [("Lumenra Systems", .organization)],
            fingerprint: "00ff00ff00ff00ff"))
        let (_, copy) = try await store.store(report("w2", title: "Tech group axes staff",
            text: "A company said on Tuesday it would shed staff.", entities: [],
            fingerprint: "00ff00ff00ff00fe"))
        #expect(wire == copy)
    }

    @Test(arguments: StoreBackend.available) func storyKeepsItsIdAsItGrows(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await background(store, count: 20)
        var ids: [String] = []
        for i in 0..<6 {
            let (_, id) = try await store.store(report("a\(i)", title: "Dockworkers strike shuts Port Avalon harbour, day \(i)",
                text: "Dockworkers of the Port Workers Union kept the Port Avalon harbour shut as the strike over pay went on; the port authority said ships were waiting.",
                entities: [("Port Workers Union", .organization), ("Port Avalon", .location), ("Marta Neves", .person)],
                fingerprint: fingerprint(20 + i), published: "2026-11-2\(i / 2)T0\(i):00:00Z"))
            ids.append(id)
        }
        #expect(Set(ids).count == 1)
        #expect(ids.first == "s0")
    }

    /// SQLite only: the candidate lookup is inspected through the SQLite store's diagnostics.
    @Test func candidateLookupStaysBoundedWhenManyArticlesShareAnEntity() throws {
        let store = try ArticleStore(path: storyDatabase())
        for i in 0..<300 {
            try store.store(report("c\(i)", title: "Lusmar government announces plan \(i)",
                                   text: "The Lusmar government announced a plan for sector \(i).",
                                   entities: [("Lusmar", .location), ("Government of Lusmar", .organization)],
                                   fingerprint: fingerprint(5000 + i)))
        }
        let probe = report("probe", title: "Lusmar government announces plan", text: "The Lusmar government announced a plan.",
                           entities: [("Lusmar", .location), ("Government of Lusmar", .organization)], fingerprint: fingerprint(1))
        let candidates = try store.storyCandidates(for: probe)
        #expect(candidates.count <= 16)
        #expect(candidates.map(\.members.count).reduce(0, +) <= 16 * 8)
    }

    @Test(arguments: StoreBackend.available) func articlesFarApartInTimeDoNotJoin(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await background(store, count: 20)
        let text = "Port Avalon Athletic beat Northgate Rovers in the Lusmar Cup final at the National Stadium."
        let names: [(String, EntityType)] = [("Port Avalon Athletic", .organization), ("Northgate Rovers", .organization)]
        let (_, thisYear) = try await store.store(report("y1", title: "Port Avalon Athletic win Lusmar Cup final", text: text,
                                                   entities: names, fingerprint: fingerprint(7), published: "2026-11-30T20:00:00Z"))
        let (_, lastYear) = try await store.store(report("y0", title: "Port Avalon Athletic win Lusmar Cup final", text: text,
                                                   entities: names, fingerprint: fingerprint(8), published: "2025-11-29T20:00:00Z"))
        #expect(thisYear != lastYear)
    }
}

@Suite struct StoryClustererTests {
    let member = StoryFeatures(counts: ["strike": 1], fingerprint: "00000000000000ff", published: 0, fetched: 0)

    @Test func nearDuplicateFingerprintsJoinTheSameStory() {
        let weights = TermWeights(documents: 10, documentFrequency: [:])
        let close = StoryFeatures(counts: ["other": 1], fingerprint: "00000000000000fe", published: 0, fetched: 0)
        let far = StoryFeatures(counts: ["other": 1], fingerprint: "ffffffffffff0000", published: 0, fetched: 0)
        let candidate = StoryCandidate(storyId: "s-x", members: [member])
        #expect(StoryClusterer().story(for: close, among: [candidate], weights: weights) == "s-x")
        #expect(StoryClusterer().story(for: far, among: [candidate], weights: weights) == nil)
    }

    @Test func commonFeaturesWeighLessThanRareOnes() {
        let weights = TermWeights(documents: 1000, documentFrequency: ["@lusmar": 900, "dunmore": 3])
        let vector = weights.unitVector(["@lusmar": 1, "dunmore": 1], entityWeight: 1.5)
        #expect(vector["dunmore"]! > vector["@lusmar"]!)
    }

    @Test func thresholdCanBeSetForCalibration() {
        #expect(StoryClusterer(environment: ["NEWSWIRE_STORY_THRESHOLD": "0.4"]).threshold == 0.4)
        #expect(StoryClusterer(environment: [:]).threshold == StoryClusterer(environment: ["NEWSWIRE_STORY_THRESHOLD": "x"]).threshold)
    }

    @Test func fingerprintDistance() {
        #expect(Fingerprint.distance("000000000000000f", "0000000000000000") == 4)
        #expect(Fingerprint.distance("0f", "00") == nil, "only the 16-digit wire form is a fingerprint")
        #expect(Fingerprint.distance("zzzzzzzzzzzzzzzz", "0000000000000000") == nil)
    }

    @Test func featuresDropNumbersStopwordsAndPlurals() {
        let a = ArticleNormalized(id: "a", url: "u", title: "Protests in the capital", publishedAt: "2026-11-17T10:40:00+00:00",
                                  text: "214 protesters detained", paragraphs: [], contentHash: "h", fingerprint: "0")
        let f = StoryFeatures(ArticleExtracted(article: a, entities: [Entity(name: "Port Avalon", type: .location, mentions: [])]))
        #expect(f.counts == ["protest": 2, "capital": 2, "protester": 1, "detained": 1, "@port avalon": 1])
        #expect(f.published == 1_794_912_000) // 2026-11-17T10:40:00Z
    }

    @Test func undatedArticlesTakeTheNewestTimeTheStoreKnowsButNotLaterThanTheirFetch() {
        let undated = StoryFeatures(counts: [:], fingerprint: "0", published: nil, fetched: 5_000)
        #expect(undated.time(newestKnown: 1_000) == 1_000)
        #expect(undated.time(newestKnown: 9_000) == 5_000)
        #expect(undated.time(newestKnown: nil) == 5_000)
        #expect(StoryFeatures(counts: [:], fingerprint: "0", published: 300, fetched: 5_000).time(newestKnown: 1_000) == 300)
    }
}
