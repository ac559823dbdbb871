import Foundation
import NewswireWire

/// What story clustering compares about one article: the words of its title and lead, the people,
/// organisations and places it names, its SimHash and when it appeared. Computed once per article,
/// stored in the story index, and weighted by document frequency only when compared, so the
/// weights follow the store as it grows.
public struct StoryFeatures: Sendable, Equatable {
    /// Feature → how often it occurs (title words count twice). Entity features start with
    /// ``entityPrefix``, so one vocabulary and one document-frequency table serve both.
    public var counts: [String: Int]
    /// The normalize stage's 64-bit SimHash, 16 hex digits.
    public var fingerprint: String
    /// Seconds since 1970 of publication, when the page says.
    public var published: Double?
    /// Seconds since 1970 of fetching (else of arrival): stands in for an undated article.
    public var fetched: Double

    public static let entityPrefix = "@"
    /// How many words of the text after the title describe the event well enough.
    static let leadWords = 60

    public init(counts: [String: Int], fingerprint: String, published: Double?, fetched: Double) {
        self.counts = counts; self.fingerprint = fingerprint; self.published = published; self.fetched = fetched
    }

    public init(_ article: ArticleExtracted, now: Date = Date()) {
        var counts: [String: Int] = [:]
        for word in Self.words(article.article.title ?? "") { counts[word, default: 0] += 2 }
        for word in Self.words(article.article.text).prefix(Self.leadWords) { counts[word, default: 0] += 1 }
        for name in Self.entityKeys(article) { counts[Self.entityPrefix + name, default: 0] += 1 }
        self.init(counts: counts, fingerprint: article.article.fingerprint,
                  published: article.article.publishedAt.flatMap(Self.seconds(fromISO8601:)),
                  fetched: article.article.fetchedAt.flatMap(Self.seconds(fromISO8601:)) ?? now.timeIntervalSince1970)
    }

    /// When the article appeared, for the time window: its publication date, else the newest
    /// time the store knows (a replayed crawl is fetched long after it was published), but
    /// never later than its fetch.
    public func time(newestKnown: Double?) -> Double {
        published ?? min(fetched, newestKnown ?? fetched)
    }

    public static func isEntity(_ feature: String) -> Bool { feature.hasPrefix(entityPrefix) }

    /// Lower-cased names of the people, organisations and places, the entity kinds that identify an event.
    static func entityKeys(_ article: ArticleExtracted) -> Set<String> {
        Set(article.entities.filter { [.person, .organization, .location].contains($0.type) }.map { $0.name.lowercased() })
    }

    /// Content words, lower-cased, plural "s" dropped; numbers are left out because outlets
    /// report different figures for the same event.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            .filter { $0.count > 2 && $0.contains(where: \.isLetter) && !stopwords.contains($0) }
            .map(stem)
    }

    static func stem(_ word: String) -> String {
        if word.hasSuffix("'s") { return String(word.dropLast(2)) }
        if word.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    /// Seconds since 1970 of an ISO 8601 date or date-time, to the minute; the zone offset is
    /// ignored, which is well inside the days-long window stories are compared in.
    static func seconds(fromISO8601 text: String) -> Double? {
        let digits = text.split { !$0.isNumber }.prefix(5).compactMap { Int($0) }
        guard digits.count >= 3, (1...12).contains(digits[1]), (1...31).contains(digits[2]) else { return nil }
        let (hour, minute) = digits.count >= 5 ? (digits[3], digits[4]) : (0, 0)
        let day = daysSince1970(year: digits[0], month: digits[1], day: digits[2])
        return Double(day * 86_400 + hour * 3_600 + minute * 60)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static let stopwords: Set<String> = Set("""
        the and for with that this from have has had was were are been being will would could should said says \
        say after over into about than then them they their there these those its his her him she who whom which \
        what when where why how not but all any can also more most other some such only own same very just now \
        new one two three four five six seven eight nine ten first last year years week day days today yesterday \
        monday tuesday wednesday thursday friday saturday sunday january february march april may june july \
        august september october november december our out off under while because against between during \
        before through told according per cent percent people mr mrs ms did does doing does upon least
        """.split { $0 == " " || $0 == "\n" }.map(String.init))
}
