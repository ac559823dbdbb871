import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the fetch benchmark's pages live: `pages` articles spread round-robin over `hosts`
/// virtual hosts `hostK.bench`, so `serve-news` and `http-get-rate` agree on every URL without
/// talking to each other.
struct NewsSiteLayout: Sendable {
    let hosts: Int
    let pages: Int
    let port: Int
    /// Items per feed; nil puts all of a host's pages in its one `/feed.xml`.
    var itemsPerFeed: Int? = nil

    /// `host1.bench` … `hostN.bench`.
    var hostNames: [String] { (1...hosts).map(hostName) }

    func hostName(_ k: Int) -> String { "host\(k).bench" }

    /// Page n (1-based) lives on host ((n - 1) mod hosts) + 1, so hosts differ by at most one page.
    func host(ofPage n: Int) -> Int { (n - 1) % hosts + 1 }

    /// The pages of host k, oldest first.
    func pages(onHost k: Int) -> [Int] { Array(stride(from: k, through: pages, by: hosts)) }

    func origin(host k: Int) -> String { "http://\(hostName(k)):\(port)" }

    func articlePath(_ n: Int) -> String { "/articles/\(n).html" }

    func articleURL(_ n: Int) -> String { origin(host: host(ofPage: n)) + articlePath(n) }

    /// Every article URL, in page order (which interleaves the hosts).
    var articleURLs: [String] { pages > 0 ? (1...pages).map(articleURL) : [] }

    /// A host's pages, newest first as feeds list them, cut into feeds of `itemsPerFeed`.
    func feedChunks(host k: Int) -> [[Int]] {
        let newestFirst = Array(pages(onHost: k).reversed())
        guard let size = itemsPerFeed, size > 0, newestFirst.count > size else { return [newestFirst] }
        return stride(from: 0, to: newestFirst.count, by: size).map {
            Array(newestFirst[$0..<min($0 + size, newestFirst.count)])
        }
    }

    /// `/feed.xml` for the first (or only) feed of a host, `/feed-2.xml`, `/feed-3.xml`… after it.
    func feedPath(_ index: Int) -> String { index == 0 ? "/feed.xml" : "/feed-\(index + 1).xml" }

    /// Every feed URL of every host, as the OPML lists them.
    var feedURLs: [String] {
        (1...hosts).flatMap { k in feedChunks(host: k).indices.map { origin(host: k) + feedPath($0) } }
    }
}

/// A small, fast, seedable generator (SplitMix64): the same page number gives the same page.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491_4F6C_DD1D }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}

/// One invented news article, the facts every rendering of it (page, feed item) shares.
struct GeneratedArticle {
    let number: Int
    let outlet: String
    let headline: String
    let summary: String
    let author: String
    let section: String
    let published: Date
    let paragraphs: [String]

    /// 1 November 2026, then one article every 9 minutes, so dates are distinct and ordered by number.
    static func publicationDate(of number: Int) -> Date {
        Date(timeIntervalSince1970: 1_793_491_200 + Double(number) * 540)
    }
}

/// Writes the benchmark's pages, feeds, OPML and robots.txt: plausible enough that feed parsing
/// and article handling do their usual work, cheap enough to make 20,000 pages in seconds.
enum NewsSiteContent {
    static let outlets = ["Harbor Post", "Northgate Tribune", "Valley Wire", "Meridian Herald", "Coastline Daily",
                          "Civic Ledger", "Lakeside Courier", "Summit Observer", "Riverbend Gazette", "Eastfield Times"]
    static let firstNames = ["Ana", "Tomas", "Noor", "Marta", "Pedro", "Ines", "Lena", "Rui", "Sofia", "Viktor",
                             "Helena", "Dario", "Camila", "Oskar", "Teresa", "Bruno", "Irina", "Hugo", "Clara", "Kofi"]
    static let surnames = ["Ruiz", "Berg", "Alvarenga", "Marchetti", "Neves", "Teixeira", "Lindqvist", "Oyelaran",
                           "Hartog", "Varela", "Kessler", "Okafor", "Valente", "Strand", "Ferreira", "Halvorsen"]
    static let cities = ["Port Avalon", "Northgate", "Santa Irene", "Dunmore", "Valdecor", "Marbrook", "Eskhaven",
                         "Falmira", "Garrowby", "Belvista", "Corran", "Lisvale", "Pellmore", "Quillon", "Tollbridge"]
    static let organisations = ["Lumenra Systems", "the Port Authority", "the Ministry of Finance", "Varro Energy",
                                "the Dockworkers' Union", "the National Health Agency", "Castell Bank",
                                "the city council", "Orrin Logistics", "the Supreme Court", "the Transport Board"]
    static let roles = ["a spokesperson for", "the chief executive of", "a senior official at", "an analyst who follows",
                        "the head of", "a former director of"]
    static let reactions = ["said on Tuesday", "told reporters", "said in a statement", "wrote in a letter to staff",
                            "said at a news conference", "said in an interview"]
    static let quotes = ["We have been clear from the start that this is not a decision we take lightly",
                         "The figures speak for themselves, and they are worse than anyone expected",
                         "Nobody here wants a long dispute, but the offer on the table is simply not enough",
                         "We will keep working with the families affected until every question is answered",
                         "This is a turning point, and the next few weeks will show whether it holds",
                         "We asked for a plan months ago and we are still waiting for one"]

    /// A topic: its section, a headline built from a place, an organisation and a figure, and what happened.
    struct Topic: Sendable {
        let section: String
        let headline: @Sendable (_ place: String, _ org: String, _ figure: String) -> String
        let event: String
        let unit: String
    }

    static let topics: [Topic] = [
        Topic(section: "Business", headline: { _, org, n in "\(org.capitalizedFirst) to cut \(n) jobs as growth slows" },
              event: "announced a round of job cuts", unit: "jobs"),
        Topic(section: "World", headline: { place, _, n in "Floods force \(n) people from their homes near \(place)" },
              event: "ordered evacuations after days of heavy rain", unit: "residents"),
        Topic(section: "Politics", headline: { place, org, n in "\(org.capitalizedFirst) unveils $\(n) million plan for \(place)" },
              event: "presented its spending plans", unit: "households"),
        Topic(section: "Business", headline: { place, _, n in "Strike at \(place) port enters second week as \(n) workers walk out" },
              event: "failed to reach a pay agreement", unit: "workers"),
        Topic(section: "Health", headline: { place, _, n in "Measles cases in \(place) rise to \(n), health officials say" },
              event: "warned of a growing outbreak", unit: "cases"),
        Topic(section: "Local", headline: { place, _, n in "Fire at \(place) plant injures \(n), investigation opened" },
              event: "opened an inquiry into the blaze", unit: "people"),
    ]

    static func article(_ number: Int, host: Int) -> GeneratedArticle {
        var random = SeededGenerator(seed: UInt64(number))
        let topic = random.pick(topics)
        let place = random.pick(cities), org = random.pick(organisations)
        let figure = random.int(120...4_800)
        let author = "\(random.pick(firstNames)) \(random.pick(surnames))"
        let headline = topic.headline(place, org, figure.withThousandsSeparators)
        let summary = "\(org.capitalizedFirst) \(topic.event) in \(place) on Tuesday, "
            + "with officials putting the figure at \(figure.withThousandsSeparators) \(topic.unit)."
        let paragraphs = [summary] + (0..<random.int(7...9)).map { _ in paragraph(&random, place: place, org: org, topic: topic) }
        return GeneratedArticle(number: number, outlet: outlets[(host - 1) % outlets.count], headline: headline,
                                summary: summary, author: author, section: topic.section,
                                published: GeneratedArticle.publicationDate(of: number), paragraphs: paragraphs)
    }

    /// Three sentences: a quote with attribution, a figure, and context, in a varying order.
    static func paragraph(_ random: inout SeededGenerator, place: String, org: String, topic: Topic) -> String {
        var sentences = [quoteSentence(&random, org: org), figureSentence(&random, topic: topic),
                         contextSentence(&random, place: place)]
        sentences.shuffle(using: &random)
        return sentences.joined(separator: " ")
    }

    static func quoteSentence(_ random: inout SeededGenerator, org: String) -> String {
        let person = "\(random.pick(firstNames)) \(random.pick(surnames))", role = "\(random.pick(roles)) \(org)"
        let quote = random.pick(quotes)
        return random.int(0...1) == 0
            ? "“\(quote),” said \(person), \(role)."
            : "“\(quote),” \(person), \(role), \(random.pick(reactions))."
    }

    static func figureSentence(_ random: inout SeededGenerator, topic: Topic) -> String {
        let tenths = random.int(12...390), percent = "\(tenths / 10).\(tenths % 10)"
        switch random.int(0...2) {
        case 0: return "The figure is up \(percent)% on last year, and about \(random.int(2...60).withThousandsSeparators) "
            + "\(topic.unit) in \(random.pick(cities)) are also affected."
        case 1: return "Officials put the cost so far at $\(random.int(3...900)) million, roughly \(percent)% of the annual budget."
        default: return "A survey of \(random.int(800...3_000).withThousandsSeparators) residents found \(percent)% "
            + "expected the situation to get worse before the end of the year."
        }
    }

    static func contextSentence(_ random: inout SeededGenerator, place: String) -> String {
        let day = random.pick(["Monday", "Wednesday", "Friday", "Sunday"])
        switch random.int(0...2) {
        case 0: return "Residents of \(place) said they had heard little from \(random.pick(organisations)) since the first reports on \(day)."
        case 1: return "A meeting with \(random.pick(organisations)) is planned for \(day), according to two people familiar with the talks."
        default: return "\(random.pick(organisations).capitalizedFirst) did not respond to a request for comment on \(day)."
        }
    }

    static func articlePage(_ a: GeneratedArticle, url: String) -> String {
        let title = a.headline.xmlEscaped, date = iso8601(a.published)
        let body: String = a.paragraphs.map { p -> String in "<p>\(p.xmlEscaped)</p>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) | \(a.outlet)</title>
        <meta name="description" content="\(a.summary.xmlEscaped)">
        <meta name="author" content="\(a.author)">
        <meta property="og:site_name" content="\(a.outlet)">
        <meta property="og:type" content="article">
        <meta property="og:title" content="\(title)">
        <meta property="og:url" content="\(url)">
        <meta property="article:published_time" content="\(date)">
        <meta property="article:section" content="\(a.section)">
        <link rel="canonical" href="\(url)">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"\(a.headline.jsonEscaped)","datePublished":"\(date)","author":[{"@type":"Person","name":"\(a.author)"}],"publisher":{"@type":"NewsMediaOrganization","name":"\(a.outlet)"}}</script>
        </head>
        <body>
        <header class="site-header"><a class="logo" href="/">\(a.outlet)</a>
        <nav><a href="/world/">World</a> <a href="/business/">Business</a> <a href="/politics/">Politics</a> <a href="/health/">Health</a> <a href="/local/">Local</a></nav></header>
        <main>
        <article>
        <p class="kicker">\(a.section)</p>
        <h1>\(title)</h1>
        <p class="byline">By <span class="author">\(a.author)</span> · <time datetime="\(date)">\(longDate(a.published))</time></p>
        \(body)
        </article>
        <aside class="related"><h2>More from \(a.outlet)</h2><p><a href="/feed.xml">Subscribe to our RSS feed</a></p></aside>
        </main>
        <footer><p>© 2026 \(a.outlet). All rights reserved.</p></footer>
        </body>
        </html>
        """
    }

    /// `items` newest first, as a feed lists them.
    static func rssFeed(layout: NewsSiteLayout, host k: Int, items: [GeneratedArticle]) -> String {
        let outlet = outlets[(k - 1) % outlets.count]
        let entries: String = items.map { a -> String in
            let n = a.number
            return """
              <item>
                <title>\(a.headline.xmlEscaped)</title>
                <link>\(layout.articleURL(n))</link>
                <guid isPermaLink="true">\(layout.articleURL(n))</guid>
                <pubDate>\(rfc822(a.published))</pubDate>
                <dc:creator>\(a.author)</dc:creator>
                <category>\(a.section)</category>
                <description>\(a.summary.xmlEscaped)</description>
              </item>
            """
        }.joined(separator: "\n")
        let newest = items.first?.published ?? GeneratedArticle.publicationDate(of: 0)
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>\(outlet) – Latest news</title>
          <link>\(layout.origin(host: k))/</link>
          <description>The latest stories from \(outlet).</description>
          <language>en</language>
          <lastBuildDate>\(rfc822(newest))</lastBuildDate>
        \(entries)
        </channel>
        </rss>
        """
    }

    static func opml(layout: NewsSiteLayout) -> String {
        let outlines: [String] = layout.feedURLs.map { "    <outline type=\"rss\" text=\"\($0)\" xmlUrl=\"\($0)\"/>" }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head><title>Newswire fetch benchmark feeds</title></head>
          <body>
        \(outlines.joined(separator: "\n"))
          </body>
        </opml>
        """
    }

    static let robots = "User-agent: *\nAllow: /\n"

    private static func iso8601(_ date: Date) -> String {
        let t = UTCTime(date)
        return "\(t.year)-\(t.two(t.month))-\(t.two(t.day))T\(t.two(t.hour)):\(t.two(t.minute)):\(t.two(t.second))Z"
    }

    private static func rfc822(_ date: Date) -> String {
        let t = UTCTime(date)
        return "\(t.weekdayName), \(t.two(t.day)) \(t.monthName.prefix(3)) \(t.year) \(t.two(t.hour)):\(t.two(t.minute)):\(t.two(t.second)) GMT"
    }

    private static func longDate(_ date: Date) -> String {
        let t = UTCTime(date)
        return "\(t.day) \(t.monthName) \(t.year), \(t.two(t.hour)):\(t.two(t.minute)) UTC"
    }
}

/// A date's UTC calendar fields, from gmtime: DateFormatter is slow to make and not Sendable,
/// and these pages need only three fixed English formats.
struct UTCTime {
    let year, month, day, hour, minute, second, weekday: Int

    init(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970)
        var fields = tm()
        gmtime_r(&seconds, &fields)
        year = Int(fields.tm_year) + 1900; month = Int(fields.tm_mon) + 1; day = Int(fields.tm_mday)
        hour = Int(fields.tm_hour); minute = Int(fields.tm_min); second = Int(fields.tm_sec); weekday = Int(fields.tm_wday)
    }

    var monthName: String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"][month - 1]
    }

    var weekdayName: String { ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][weekday] }

    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension String {
    /// Text safe inside XML and HTML elements and double-quoted attributes.
    var xmlEscaped: String {
        let special: Set<UInt8> = [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\"")]
        guard utf8.contains(where: special.contains) else { return self }   // the usual case, and fast
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    var jsonEscaped: String { replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }

    /// "the city council" → "The city council", for the start of a sentence.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Int {
    /// 4800 → "4,800", the way newspapers print figures (fixed, whatever the locale).
    var withThousandsSeparators: String {
        let digits = String(self)
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
