import Foundation
import NewswirePublish
import NewswireWire

/// A page of a list as the API serves it: `{items, nextCursor}`, `nextCursor` null on the last page.
struct PageBody<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var nextCursor: String?

    init(_ page: Page<Item>) {
        items = page.items
        nextCursor = page.next.map(CursorCoding.encode)
    }

    init<Source>(_ page: Page<Source>, transform: (Source) -> Item) {
        items = page.items.map(transform)
        nextCursor = page.next.map(CursorCoding.encode)
    }

    enum CodingKeys: String, CodingKey { case items, nextCursor }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(nextCursor, forKey: .nextCursor)
    }
}

/// A story with its digest (summary, ranked entities, timeline), its figures grouped
/// (``StoryFigures``), its quotations and its related sources (`articles`).
struct StoryBody: Encodable, Sendable {
    var id: String
    var title: String
    var updatedAt: String
    var summary: [StoryDigest.Sentence]
    var entities: [StoryDigest.RankedEntity]
    var timeline: [StoryDigest.Event]
    var articles: [StoryUpdated.StoryArticle]
    var figures: [StoryFigures.Group]
    var quotes: [StoredQuote]

    init(_ story: StoryDetail, digest: StoryDigest) {
        id = story.id; title = story.title; updatedAt = story.updatedAt; articles = story.articles
        summary = digest.summary; entities = digest.entities; timeline = digest.timeline
        figures = StoryFigures(story.figures).groups; quotes = story.quotes
    }
}

/// A search result: the article's summary fields plus the passage that matched.
struct SearchHitBody: Encodable, Sendable {
    var hit: SearchHit
    enum CodingKeys: String, CodingKey { case snippet }
    func encode(to encoder: any Encoder) throws {
        try hit.article.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(hit.snippet, forKey: .snippet)
    }
}

/// An entity with its roles, the articles it appears in, and their stories.
struct EntityBody: Encodable, Sendable {
    var detail: EntityDetail
    enum CodingKeys: String, CodingKey { case roles, articles, storyIds }
    func encode(to encoder: any Encoder) throws {
        try detail.summary.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(detail.roles, forKey: .roles)
        try c.encode(detail.articles, forKey: .articles)
        try c.encode(detail.storyIds, forKey: .storyIds)
    }
}

/// An article's stored body, as it arrived (plug-in fields kept), with its `storyId` added.
enum ArticleBody {
    static func json(body: Data, storyId: String?) throws -> Data {
        guard var object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { return body }
        object["storyId"] = storyId ?? NSNull()
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
