import Foundation
import NewswirePublish
import NewswireWire

// What the Mustache templates render: plain values, every user-supplied string in a
// double-brace tag, so the template engine escapes it.

/// A link to a page outside Newswire: clickable only for http(s), shown as text otherwise,
/// so a stored `javascript:` or `file:` URL can never run or open anything.
struct LinkView: Sendable, Equatable {
    var href: String?
    var text: String

    init(url: String) {
        text = url
        href = Self.isWebURL(url) ? url : nil
    }

    static func isWebURL(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else { return false }
        return scheme == "http" || scheme == "https"
    }
}

/// A link to an entity's page, its id percent-encoded as one path segment.
struct EntityLink: Sendable {
    var name: String
    var href: String
    init(_ entity: StoryDigest.RankedEntity) {
        name = entity.name
        href = "/entities/" + (entity.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? entity.id)
    }
}

/// "1 outlet", "3 outlets".
func counted(_ n: Int, _ singular: String) -> String { n == 1 ? singular : singular + "s" }

/// A page link that keeps a query and moves to the page after `cursor`.
func nextPageHref(path: String, query: [URLQueryItem] = [], cursor: PageCursor?) -> String? {
    guard let cursor else { return nil }
    var components = URLComponents()
    components.path = path
    components.queryItems = query + [URLQueryItem(name: "cursor", value: CursorCoding.encode(cursor))]
    return components.string
}

struct StoryListView: Sendable {
    struct Item: Sendable {
        var id: String, title: String, updatedAt: String
        var articleCount: Int, articleWord: String, outletCount: Int, outletWord: String
    }
    var pageTitle = "Stories"
    var searchText = ""
    var stories: [Item]
    var nextHref: String?

    init(_ page: Page<StorySummary>) {
        stories = page.items.map {
            Item(id: $0.id, title: $0.title, updatedAt: $0.updatedAt, articleCount: $0.articleCount,
                 articleWord: counted($0.articleCount, "article"), outletCount: $0.outletCount,
                 outletWord: counted($0.outletCount, "outlet"))
        }
        nextHref = nextPageHref(path: "/", cursor: page.next)
    }
}

struct StoryView: Sendable {
    struct Figure: Sendable { var about: String, conflict: Bool, claims: [Claim] }
    struct Claim: Sendable { var text: String, source: String, outlets: String }
    struct Speaker: Sendable { var speaker: String, quotes: [SpokenQuote] }
    struct SpokenQuote: Sendable { var text: String, articleId: String, outlet: String }
    struct Source: Sendable { var id: String, title: String, outlet: String, publishedAt: String?, original: LinkView }

    var pageTitle: String
    var searchText = ""
    var headline: String
    var updatedAt: String
    var outletCount: Int
    var outletWord: String
    var figures: [Figure]
    var hasFigures: Bool
    var speakers: [Speaker]
    var hasQuotes: Bool
    var sources: [Source]
    var summary: [StoryDigest.Sentence]
    var hasSummary: Bool
    var people: [EntityLink]
    var places: [EntityLink]
    var organisations: [EntityLink]
    var hasEntities: Bool
    var hasPeople: Bool, hasPlaces: Bool, hasOrganisations: Bool
    var timeline: [StoryDigest.Event]
    var hasTimeline: Bool

    init(_ story: StoryDetail, digest: StoryDigest) {
        pageTitle = story.title; headline = story.title; updatedAt = story.updatedAt
        summary = digest.summary; hasSummary = !summary.isEmpty
        people = digest.entities.filter { $0.type == "person" }.map(EntityLink.init)
        places = digest.entities.filter { $0.type == "location" }.map(EntityLink.init)
        organisations = digest.entities.filter { $0.type == "organization" }.map(EntityLink.init)
        hasEntities = !digest.entities.isEmpty
        hasPeople = !people.isEmpty; hasPlaces = !places.isEmpty; hasOrganisations = !organisations.isEmpty
        timeline = digest.timeline; hasTimeline = !timeline.isEmpty
        sources = story.articles.map {
            Source(id: $0.id, title: $0.title ?? $0.url, outlet: Self.outlet($0), publishedAt: $0.publishedAt,
                   original: LinkView(url: $0.url))
        }
        outletCount = Set(sources.map(\.outlet)).count
        outletWord = counted(outletCount, "outlet")
        figures = StoryFigures(story.figures).groups.map(Self.figure)
        hasFigures = !figures.isEmpty
        speakers = Self.speakers(story.quotes, outlets: Dictionary(uniqueKeysWithValues: sources.map { ($0.id, $0.outlet) }))
        hasQuotes = !speakers.isEmpty
    }

    static func outlet(_ article: StoryUpdated.StoryArticle) -> String {
        Outlet.name(siteName: article.siteName, url: article.url)
    }

    static func figure(_ group: StoryFigures.Group) -> Figure {
        Figure(about: group.about, conflict: group.conflict, claims: group.claims.map {
            Claim(text: $0.text, source: $0.source ?? "unattributed", outlets: $0.outlets.joined(separator: ", "))
        })
    }

    /// Quotations under their speakers, speakers in the order they first speak.
    static func speakers(_ quotes: [StoredQuote], outlets: [String: String]) -> [Speaker] {
        var order: [String] = []
        var bySpeaker: [String: [SpokenQuote]] = [:]
        for quote in quotes {
            let speaker = quote.speaker ?? "unnamed speaker"
            if bySpeaker[speaker] == nil { order.append(speaker) }
            bySpeaker[speaker, default: []].append(
                SpokenQuote(text: quote.text, articleId: quote.articleId, outlet: outlets[quote.articleId] ?? quote.articleId))
        }
        return order.map { Speaker(speaker: $0, quotes: bySpeaker[$0] ?? []) }
    }
}

struct ArticleView: Sendable {
    struct EntityItem: Sendable { var name: String, type: String, roles: String? }
    struct QuoteItem: Sendable { var text: String, speaker: String? }
    struct AmountItem: Sendable { var text: String, source: String? }

    var pageTitle: String
    var searchText = ""
    var headline: String
    var outlet: String?
    var byline: String?
    var publishedAt: String?
    var original: LinkView
    var storyId: String?
    var paragraphs: [String]
    var entities: [EntityItem]
    var hasEntities: Bool
    var quotes: [QuoteItem]
    var hasQuotes: Bool
    var amounts: [AmountItem]
    var hasAmounts: Bool

    init(_ extracted: ArticleExtracted, storyId: String?) {
        let a = extracted.article
        headline = a.title ?? a.url; pageTitle = headline
        outlet = Outlet.name(siteName: a.siteName, url: a.url)
        byline = a.byline; publishedAt = a.publishedAt; original = LinkView(url: a.url); self.storyId = storyId
        paragraphs = a.paragraphs.isEmpty ? [a.text] : a.paragraphs
        entities = extracted.entities.map {
            EntityItem(name: $0.name, type: $0.type.rawValue, roles: $0.roles.isEmpty ? nil : $0.roles.joined(separator: ", "))
        }
        quotes = extracted.quotes.map { QuoteItem(text: $0.text, speaker: $0.speaker) }
        amounts = extracted.amounts.map { AmountItem(text: $0.text, source: $0.source) }
        hasEntities = !entities.isEmpty; hasQuotes = !quotes.isEmpty; hasAmounts = !amounts.isEmpty
    }
}

struct SearchView: Sendable {
    struct Hit: Sendable { var id: String, title: String, outlet: String, snippet: String }
    var pageTitle = "Search"
    var searchText: String
    var searched: Bool
    var hits: [Hit]
    var nextHref: String?

    init(text: String, page: Page<SearchHit>?) {
        searchText = text
        searched = page != nil
        hits = page?.items.map {
            Hit(id: $0.article.id, title: $0.article.title ?? $0.article.url,
                outlet: Outlet.name(siteName: $0.article.siteName, url: $0.article.url), snippet: $0.snippet)
        } ?? []
        nextHref = nextPageHref(path: "/search", query: [URLQueryItem(name: "q", value: text)], cursor: page?.next)
    }
}

/// The Atom 1.0 feed of the latest stories; links are absolute, made from the request's host.
/// Ids are tag URIs, so an entry keeps its id whatever host or port serves the feed.
struct AtomView: Sendable {
    static let tagPrefix = "tag:newswire.invalid,2026:"
    struct Entry: Sendable { var entryId: String, title: String, updated: String, href: String, summary: String }
    var feedId: String
    var updated: String
    var selfHref: String
    var homeHref: String
    var entries: [Entry]

    init(_ stories: [StorySummary], baseURL: String, now: Date = Date()) {
        feedId = Self.tagPrefix + "stories"
        selfHref = baseURL + "/stories.atom"
        homeHref = baseURL + "/"
        updated = stories.map(\.updatedAt).max() ?? Timestamp.string(from: now)
        entries = stories.map {
            Entry(entryId: Self.tagPrefix + "story:" + $0.id, title: $0.title, updated: $0.updatedAt,
                  href: "\(baseURL)/stories/\($0.id)",
                  summary: "\($0.articleCount) \(counted($0.articleCount, "article")) from \($0.outletCount) \(counted($0.outletCount, "outlet"))")
        }
    }
}

/// An entity's page: who or what it is, the roles articles give it, a bar chart of the articles
/// naming it per day (SVG drawn by the template from these numbers), and where it appears.
struct EntityView: Sendable {
    struct Bar: Sendable { var x: Int, y: Int, width: Int, height: Int, day: String, count: Int }
    struct Item: Sendable { var id: String, title: String, outlet: String, publishedAt: String?, storyId: String? }

    var pageTitle: String
    var searchText = ""
    var name: String
    var type: String
    var roles: String
    var hasRoles: Bool
    var articleCount: Int
    var articleWord: String
    var bars: [Bar]
    var hasChart: Bool
    var firstDay: String, lastDay: String, peak: Int
    var chartWidth: Int, chartHeight: Int
    var articles: [Item]
    var storyIds: [String]

    static let chartHeightPixels = 80, maxBarWidth = 24, chartWidthPixels = 600

    init(_ detail: EntityDetail) {
        name = detail.summary.name; pageTitle = detail.summary.name
        type = detail.summary.type
        roles = detail.roles.joined(separator: "; "); hasRoles = !detail.roles.isEmpty
        articleCount = detail.summary.articleCount; articleWord = counted(articleCount, "article")
        articles = detail.articles.map {
            Item(id: $0.id, title: $0.title ?? $0.url, outlet: Outlet.name(siteName: $0.siteName, url: $0.url),
                 publishedAt: $0.publishedAt, storyId: $0.storyId)
        }
        storyIds = detail.storyIds
        let perDay = Self.articlesPerDay(detail.articles.compactMap(\.publishedAt))
        peak = perDay.map(\.count).max() ?? 0
        firstDay = perDay.first?.day ?? ""; lastDay = perDay.last?.day ?? ""
        chartHeight = Self.chartHeightPixels
        let slot = perDay.isEmpty ? 0 : min(Self.maxBarWidth + 4, Self.chartWidthPixels / perDay.count)
        chartWidth = max(slot * perDay.count, 1)
        let peak = max(self.peak, 1)
        bars = perDay.enumerated().map { i, day in
            let height = max(2, day.count * (Self.chartHeightPixels - 4) / peak)
            return Bar(x: i * slot, y: Self.chartHeightPixels - height, width: max(slot - 2, 1), height: height, day: day.day, count: day.count)
        }
        hasChart = !bars.isEmpty
    }

    /// Every day from the first to the last mention (days without one included, as gaps), with
    /// how many of the listed articles were published that day.
    static func articlesPerDay(_ timestamps: [String]) -> [(day: String, count: Int)] {
        var counts: [String: Int] = [:]
        for t in timestamps where t.count >= 10 { counts[String(t.prefix(10)), default: 0] += 1 }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX"); formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let dates = counts.keys.compactMap { formatter.date(from: $0) }.sorted()
        guard let first = dates.first, let last = dates.last else { return [] }
        var days: [(String, Int)] = []
        var day = first
        while day <= last, days.count < 366 {
            let key = formatter.string(from: day)
            days.append((key, counts[key] ?? 0))
            day = day.addingTimeInterval(86_400)
        }
        return days
    }
}
