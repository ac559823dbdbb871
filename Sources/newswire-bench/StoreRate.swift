import ArgumentParser
import Foundation
import NewswirePublish
import NewswireWire

/// `Scripts/bench publish`: how fast the store files articles into stories as it grows. The
/// store is filled with generated news (events reported by several outlets, with entities,
/// quotations and figures) and, each time it reaches one of `--sizes`, `--measure` more
/// articles are timed. Flat cost per article means the same rate at every size.
struct StoreRate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store-rate",
        abstract: "Articles stored and clustered per second at growing store sizes; prints {\"backend\", \"rates\": {size: articles/s}, …}.")

    @Option(help: "The store: a SQLite file (created) or a postgres:// URL of an empty database.") var database: String
    @Option(help: "Store sizes to measure at, comma-separated.") var sizes = "1000,100000"
    @Option(help: "Articles timed at each size.") var measure = 1000
    @Option(help: "Articles per transaction, as publish batches what arrived together.") var batch = 32

    func run() throws {
        let sizes = self.sizes.split(separator: ",").compactMap { Int($0) }.sorted()
        guard !sizes.isEmpty, measure > 0, batch > 0 else { throw ValidationError("--sizes, --measure and --batch must be positive") }
        let address = try StoreAddress(database)
        let (measure, batch) = (measure, batch)
        try runBlocking {
            let store = try await address.open()
            var generator = NewsGenerator()
            var stored = try await store.count()
            var rates: [String: Double] = [:]
            let fillStart = ContinuousClock.now
            for size in sizes {
                while stored < size {
                    let n = min(batch, size - stored)
                    _ = try await store.store(batch: try generator.next(n), clusterer: StoryClusterer())
                    stored += n
                }
                let start = ContinuousClock.now
                var timed = 0
                while timed < measure {
                    let n = min(batch, measure - timed)
                    _ = try await store.store(batch: try generator.next(n), clusterer: StoryClusterer())
                    timed += n
                }
                rates[String(size)] = Double(measure) / (ContinuousClock.now - start).seconds
                stored += measure
            }
            let stories = try await Self.storyCount(store)
            emit(["backend": address.description.hasPrefix("postgres") ? "postgres" : "sqlite", "rates": rates,
                  "stored": stored, "stories": stories, "events": generator.events,
                  "fillSeconds": (ContinuousClock.now - fillStart).seconds, "batch": batch, "measured": measure])
            await store.close()
        }
    }

    static func storyCount(_ store: any NewsStore) async throws -> Int {
        var count = 0, cursor: PageCursor?
        repeat {
            let page = try await store.stories(after: cursor, limit: 500)
            count += page.items.count
            cursor = page.next
        } while cursor != nil
        return count
    }
}

/// Generated news: each event is reported by five outlets within a few hours, in their own
/// words around shared facts (places, organisations, people, figures); events follow each other
/// every ten minutes, so a four-day window holds a few thousand articles, as a busy wire does.
struct NewsGenerator {
    private(set) var events = 0
    private var produced = 0
    private var random = SeededGenerator(seed: 7)
    static let copies = 5
    static let outlets = ["harbor-post.test", "meridian-herald.test", "valley-wire.test", "civic-ledger.test", "northgate-tribune.test"]
    static let topics = ["strike", "flood", "election", "fire", "protest", "merger", "trial", "outbreak", "budget", "storm",
                         "recall", "summit", "drought", "blackout", "derailment", "verdict", "walkout", "landslide"]
    static let words = ["council", "residents", "officials", "workers", "government", "police", "union", "company", "hospital",
                        "minister", "court", "families", "investigators", "district", "ministry", "agency", "contract",
                        "negotiations", "shares", "evacuation", "damage", "report", "statement", "inquiry", "schools",
                        "roads", "harbour", "factory", "voters", "ballots", "prices", "supply", "emergency", "crews"]

    mutating func next(_ n: Int) throws -> [(article: ArticleExtracted, body: Data)] {
        try (0..<n).map { _ in
            let article = make(produced)
            produced += 1
            return (article, try WireCoding.encoder.encode(article))
        }
    }

    private mutating func make(_ i: Int) -> ArticleExtracted {
        let event = i / Self.copies, copy = i % Self.copies
        events = max(events, event + 1)
        let topic = Self.topics[event % Self.topics.count]
        let place = "Town\(event)", org = "\(place) \(["Union", "Council", "Authority", "Group"][event % 4])"
        let person = "Official\(event) Lastname\(event % 97)"
        let published = Date(timeIntervalSince1970: 1_790_000_000 + Double(event) * 600 + Double(copy) * 1800)
        var sentences = ["The \(topic) in \(place) entered a new phase on day \(copy + 1), \(org) said."]
        for _ in 0..<24 {
            let picked = (0..<9).map { _ in random.pick(Self.words) }
            sentences.append("The " + picked.joined(separator: " ") + " in \(place).")
        }
        let text = sentences.joined(separator: " ")
        let id = "a" + String(format: "%016llx", UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
        let a = ArticleNormalized(id: id, url: "https://\(Self.outlets[copy])/\(event)/\(topic)",
                                  title: "\(place) \(topic): \(org) responds (\(Self.outlets[copy]))",
                                  publishedAt: Timestamp.string(from: published), siteName: Self.outlets[copy],
                                  text: text, paragraphs: [text], contentHash: id,
                                  fingerprint: String(format: "%016llx", random.next()))
        let entities = [Entity(name: place, type: .location, mentions: []), Entity(name: org, type: .organization, mentions: []),
                        Entity(name: person, type: .person, mentions: [], roles: ["spokesperson"])]
        let quotes = (0..<3).map { q in
            Quote(text: "We will respond to the \(topic) (\(q))", speaker: q == 0 ? person : org, verb: "said", kind: .direct, start: 0, end: 10)
        }
        let amounts = [Amount(text: "\(100 + event % 900) people", value: Double(100 + event % 900), unit: nil, object: "people",
                              source: copy % 2 == 0 ? "police" : org, start: 0, end: 10)]
        return ArticleExtracted(article: a, entities: entities, quotes: quotes, amounts: amounts)
    }
}
