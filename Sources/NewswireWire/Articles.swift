import Foundation

/// Body of `article.fetched`: a page as it came off the wire. The bytes travel in the raw frame.
public struct ArticleFetched: Codable, Sendable, Equatable {
    /// Stable article id, derived from the canonicalised URL (``ArticleID``).
    public var id: String
    public var url: String
    public var fetchedAt: String
    /// HTTP status, or 200 for local files.
    public var status: Int
    public var contentType: String?
    /// Charset named by the transport (HTTP header), if any.
    public var charset: String?
    /// Where the URL came from: a feed, a command line, a folder.
    public var source: String?
    public var etag: String?
    public var lastModified: String?
    /// Size of the raw frame in bytes.
    public var byteCount: Int

    public init(id: String, url: String, fetchedAt: String, status: Int, contentType: String?,
                charset: String? = nil, source: String? = nil, etag: String? = nil,
                lastModified: String? = nil, byteCount: Int) {
        self.id = id; self.url = url; self.fetchedAt = fetchedAt; self.status = status
        self.contentType = contentType; self.charset = charset; self.source = source
        self.etag = etag; self.lastModified = lastModified; self.byteCount = byteCount
    }
}

/// Body of `article.normalized`: the article's clean text and metadata.
public struct ArticleNormalized: Codable, Sendable, Equatable {
    public var id: String
    public var url: String
    public var canonicalUrl: String?
    public var title: String?
    public var byline: String?
    /// ISO 8601, or nil when the page does not say.
    public var publishedAt: String?
    public var modifiedAt: String?
    public var siteName: String?
    public var description: String?
    /// ISO 639-1 code, or nil when undetermined.
    public var language: String?
    /// The main text, paragraphs separated by a blank line. Offsets downstream are
    /// counted in Unicode scalars of this string.
    public var text: String
    public var paragraphs: [String]
    /// SHA-256 of `text`, hex: equal for exact duplicates.
    public var contentHash: String
    /// 64-bit SimHash of word shingles, 16 hex digits: close in Hamming distance for near-duplicates.
    public var fingerprint: String
    public var fetchedAt: String?

    public init(id: String, url: String, canonicalUrl: String? = nil, title: String? = nil,
                byline: String? = nil, publishedAt: String? = nil, modifiedAt: String? = nil,
                siteName: String? = nil, description: String? = nil, language: String? = nil,
                text: String, paragraphs: [String], contentHash: String, fingerprint: String,
                fetchedAt: String? = nil) {
        self.id = id; self.url = url; self.canonicalUrl = canonicalUrl; self.title = title
        self.byline = byline; self.publishedAt = publishedAt; self.modifiedAt = modifiedAt
        self.siteName = siteName; self.description = description; self.language = language
        self.text = text; self.paragraphs = paragraphs; self.contentHash = contentHash
        self.fingerprint = fingerprint; self.fetchedAt = fetchedAt
    }

    // Encode nil optionals as explicit nulls: "absent" is information for consumers.
    private enum CodingKeys: String, CodingKey {
        case id, url, canonicalUrl, title, byline, publishedAt, modifiedAt, siteName, description,
             language, text, paragraphs, contentHash, fingerprint, fetchedAt
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(url, forKey: .url)
        try c.encode(canonicalUrl, forKey: .canonicalUrl); try c.encode(title, forKey: .title)
        try c.encode(byline, forKey: .byline); try c.encode(publishedAt, forKey: .publishedAt)
        try c.encode(modifiedAt, forKey: .modifiedAt); try c.encode(siteName, forKey: .siteName)
        try c.encode(description, forKey: .description); try c.encode(language, forKey: .language)
        try c.encode(text, forKey: .text); try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(contentHash, forKey: .contentHash); try c.encode(fingerprint, forKey: .fingerprint)
        try c.encode(fetchedAt, forKey: .fetchedAt)
    }
}

/// A character range in the article text, in Unicode scalars, end exclusive.
public struct Span: Codable, Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) { self.start = start; self.end = end }
}

public enum EntityType: String, Codable, Sendable, CaseIterable {
    case person, organization, location, group, other
}

public struct Mention: Codable, Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public init(text: String, start: Int, end: Int) { self.text = text; self.start = start; self.end = end }
}

public struct GeoPoint: Codable, Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double
    public var countryCode: String?
    public init(latitude: Double, longitude: Double, countryCode: String? = nil) {
        self.latitude = latitude; self.longitude = longitude; self.countryCode = countryCode
    }
}

public struct Entity: Codable, Sendable, Equatable {
    /// The fullest form of the name in the article ("Ana Ruiz", not "Ruiz").
    public var name: String
    public var type: EntityType
    public var mentions: [Mention]
    /// Titles and roles the article gives ("Interior Minister", "spokesman for the Civic Front").
    public var roles: [String]
    public var geo: GeoPoint?
    public init(name: String, type: EntityType, mentions: [Mention], roles: [String] = [], geo: GeoPoint? = nil) {
        self.name = name; self.type = type; self.mentions = mentions; self.roles = roles; self.geo = geo
    }
}

public struct Quote: Codable, Sendable, Equatable {
    public var text: String
    /// The speaker's entity name, or the words used when no entity matches ("a police officer").
    public var speaker: String?
    public var verb: String?
    /// Quoted words or reported speech.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The speaker's own words, in quotation marks.
        case direct
        /// Reported speech ("X said that …", "according to X, …").
        case indirect
    }
    public var kind: Kind
    public var start: Int
    public var end: Int
    public init(text: String, speaker: String?, verb: String?, kind: Kind, start: Int, end: Int) {
        self.text = text; self.speaker = speaker; self.verb = verb; self.kind = kind
        self.start = start; self.end = end
    }
}

/// One rendering of an amount, e.g. "3.5 million euros" and "$3.8 million" of the same amount.
public struct AmountRendering: Codable, Sendable, Equatable {
    public var value: Double
    public var unit: String?
    public init(value: Double, unit: String?) { self.value = value; self.unit = unit }
}

public struct Amount: Codable, Sendable, Equatable {
    public var text: String
    public var value: Double?
    /// Currency (ISO 4217), unit of measure, or `percent`.
    public var unit: String?
    /// What is counted ("protesters", "people").
    public var object: String?
    /// Upper bound for ranges ("between 20 and 30").
    public var valueMax: Double?
    public var approximate: Bool
    /// Which side of the figure the real value lies on, when the text says.
    public enum Bound: String, Codable, Sendable, CaseIterable {
        /// "more than", "at least", "over": the value is a floor.
        case lower
        /// "less than", "up to", "no more than": the value is a ceiling.
        case upper
    }
    public var bound: Bound?
    /// Who claims it, when the article says.
    public var source: String?
    public var renderings: [AmountRendering]
    public var start: Int
    public var end: Int
    public init(text: String, value: Double?, unit: String?, object: String? = nil, valueMax: Double? = nil,
                approximate: Bool = false, bound: Bound? = nil, source: String? = nil,
                renderings: [AmountRendering] = [], start: Int, end: Int) {
        self.text = text; self.value = value; self.unit = unit; self.object = object
        self.valueMax = valueMax; self.approximate = approximate; self.bound = bound
        self.source = source; self.renderings = renderings; self.start = start; self.end = end
    }
}

public struct DateMention: Codable, Sendable, Equatable {
    public var text: String
    /// ISO 8601 date ("2026-11-17"), month ("2026-11"), or interval ("2026-11-15/2026-11-17");
    /// nil when it cannot be resolved.
    public var value: String?
    public var start: Int
    public var end: Int
    public init(text: String, value: String?, start: Int, end: Int) {
        self.text = text; self.value = value; self.start = start; self.end = end
    }
}

public struct Claim: Codable, Sendable, Equatable {
    public var source: String
    public var text: String
    public var start: Int
    public var end: Int
    public init(source: String, text: String, start: Int, end: Int) {
        self.source = source; self.text = text; self.start = start; self.end = end
    }
}

/// Body of `article.extracted`: every field of `article.normalized`, plus the facts.
public struct ArticleExtracted: Codable, Sendable, Equatable {
    public var article: ArticleNormalized
    public var entities: [Entity]
    public var quotes: [Quote]
    public var amounts: [Amount]
    public var dates: [DateMention]
    public var claims: [Claim]
    /// Document tone from -1 (negative) to 1 (positive).
    public var tone: Double
    public var sentenceCount: Int
    public var tokenCount: Int

    public init(article: ArticleNormalized, entities: [Entity] = [], quotes: [Quote] = [],
                amounts: [Amount] = [], dates: [DateMention] = [], claims: [Claim] = [],
                tone: Double = 0, sentenceCount: Int = 0, tokenCount: Int = 0) {
        self.article = article; self.entities = entities; self.quotes = quotes; self.amounts = amounts
        self.dates = dates; self.claims = claims; self.tone = tone
        self.sentenceCount = sentenceCount; self.tokenCount = tokenCount
    }

    private enum CodingKeys: String, CodingKey {
        case entities, quotes, amounts, dates, claims, tone, sentenceCount, tokenCount
    }

    // The article's fields sit at the top level of the JSON, next to the facts.
    public init(from decoder: any Decoder) throws {
        article = try ArticleNormalized(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        entities = try c.decode([Entity].self, forKey: .entities)
        quotes = try c.decode([Quote].self, forKey: .quotes)
        amounts = try c.decode([Amount].self, forKey: .amounts)
        dates = try c.decode([DateMention].self, forKey: .dates)
        claims = try c.decode([Claim].self, forKey: .claims)
        tone = try c.decodeIfPresent(Double.self, forKey: .tone) ?? 0
        sentenceCount = try c.decodeIfPresent(Int.self, forKey: .sentenceCount) ?? 0
        tokenCount = try c.decodeIfPresent(Int.self, forKey: .tokenCount) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        try article.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entities, forKey: .entities); try c.encode(quotes, forKey: .quotes)
        try c.encode(amounts, forKey: .amounts); try c.encode(dates, forKey: .dates)
        try c.encode(claims, forKey: .claims); try c.encode(tone, forKey: .tone)
        try c.encode(sentenceCount, forKey: .sentenceCount); try c.encode(tokenCount, forKey: .tokenCount)
    }
}

/// Body of `story.updated`: articles from different outlets that tell the same story.
public struct StoryUpdated: Codable, Sendable, Equatable {
    public var storyId: String
    public var title: String
    public var updatedAt: String
    public var articles: [StoryArticle]
    /// Amounts claimed in the story's articles, with who claims them, side by side.
    public var claims: [StoryClaim]

    public struct StoryArticle: Codable, Sendable, Equatable {
        public var id: String
        public var url: String
        public var title: String?
        public var siteName: String?
        public var publishedAt: String?
        public init(id: String, url: String, title: String?, siteName: String?, publishedAt: String?) {
            self.id = id; self.url = url; self.title = title; self.siteName = siteName; self.publishedAt = publishedAt
        }
    }

    public struct StoryClaim: Codable, Sendable, Equatable {
        public var articleId: String
        public var source: String?
        public var text: String
        public var value: Double?
        public var unit: String?
        public var object: String?
        public init(articleId: String, source: String?, text: String, value: Double?, unit: String?, object: String?) {
            self.articleId = articleId; self.source = source; self.text = text
            self.value = value; self.unit = unit; self.object = object
        }
    }

    public init(storyId: String, title: String, updatedAt: String, articles: [StoryArticle], claims: [StoryClaim]) {
        self.storyId = storyId; self.title = title; self.updatedAt = updatedAt
        self.articles = articles; self.claims = claims
    }
}

/// Body of a dead letter: the message that failed, why, and where.
public struct DeadLetter: Codable, Sendable, Equatable {
    public var stage: String
    public var replica: String
    public var error: String
    public var failedAt: String
    /// True when trying again may succeed (a store that was busy, a disk that was full); false
    /// when the message itself is at fault, so fetch records a definitive failure and stops
    /// re-sending it.
    public var retryable: Bool
    /// The failing message's header, if it had a readable one.
    public var header: Header?
    /// Each frame of the failing message, base64, so nothing is lost.
    public var frames: [String]
    public init(stage: String, replica: String, error: String, failedAt: String, retryable: Bool = false,
                header: Header?, frames: [String]) {
        self.stage = stage; self.replica = replica; self.error = error; self.failedAt = failedAt
        self.retryable = retryable; self.header = header; self.frames = frames
    }

    enum CodingKeys: String, CodingKey { case stage, replica, error, failedAt, retryable, header, frames }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stage = try c.decode(String.self, forKey: .stage)
        replica = try c.decode(String.self, forKey: .replica)
        error = try c.decode(String.self, forKey: .error)
        failedAt = try c.decode(String.self, forKey: .failedAt)
        // Dead letters written before the flag existed were all treated as final.
        retryable = try c.decodeIfPresent(Bool.self, forKey: .retryable) ?? false
        header = try c.decodeIfPresent(Header.self, forKey: .header)
        frames = try c.decode([String].self, forKey: .frames)
    }

    /// The `dead.letter` message for frames that `stage` could not process, keeping every frame.
    public static func message(stage: String, replica: String, error: String, retryable: Bool = false,
                               header: Header?, frames: [Data], id: String? = nil) -> Message {
        let letter = DeadLetter(stage: stage, replica: replica, error: error,
                                failedAt: Timestamp.string(from: Date()), retryable: retryable, header: header,
                                frames: frames.map { $0.base64EncodedString() })
        let id = id ?? header?.id ?? "unknown"
        // Encoding a plain struct of strings cannot fail; fall back to an empty body if it ever does.
        return (try? Message(id: id, body: letter))
            ?? Message(header: Header(id: id, kind: MessageKind.deadLetter), body: Data("{}".utf8))
    }
}

/// Body of `article.stored`: publish's acknowledgement to fetch that an id is durably stored.
public struct Acknowledgement: Codable, Sendable, Equatable {
    /// What storing the article did.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case inserted, updated
        /// A re-delivery of what is stored already.
        case unchanged
    }

    public var id: String
    public var outcome: Outcome
    public init(id: String, outcome: Outcome) { self.id = id; self.outcome = outcome }
}

// MARK: - Explicit nulls

// Optional fields are written as explicit `null`, not left out: for a consumer, "the article
// does not say" is information, and every key of a kind is always present.

extension ArticleFetched {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(url, forKey: .url); try c.encode(fetchedAt, forKey: .fetchedAt)
        try c.encode(status, forKey: .status); try c.encode(contentType, forKey: .contentType)
        try c.encode(charset, forKey: .charset); try c.encode(source, forKey: .source); try c.encode(etag, forKey: .etag)
        try c.encode(lastModified, forKey: .lastModified); try c.encode(byteCount, forKey: .byteCount)
    }
}

extension Entity {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name); try c.encode(type, forKey: .type); try c.encode(mentions, forKey: .mentions)
        try c.encode(roles, forKey: .roles); try c.encode(geo, forKey: .geo)
    }
}

extension GeoPoint {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(latitude, forKey: .latitude); try c.encode(longitude, forKey: .longitude)
        try c.encode(countryCode, forKey: .countryCode)
    }
}

extension Quote {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text); try c.encode(speaker, forKey: .speaker); try c.encode(verb, forKey: .verb)
        try c.encode(kind, forKey: .kind); try c.encode(start, forKey: .start); try c.encode(end, forKey: .end)
    }
}

extension AmountRendering {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value); try c.encode(unit, forKey: .unit)
    }
}

extension Amount {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text); try c.encode(value, forKey: .value); try c.encode(unit, forKey: .unit)
        try c.encode(object, forKey: .object); try c.encode(valueMax, forKey: .valueMax)
        try c.encode(approximate, forKey: .approximate); try c.encode(bound, forKey: .bound)
        try c.encode(source, forKey: .source); try c.encode(renderings, forKey: .renderings)
        try c.encode(start, forKey: .start); try c.encode(end, forKey: .end)
    }
}

extension DateMention {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text); try c.encode(value, forKey: .value)
        try c.encode(start, forKey: .start); try c.encode(end, forKey: .end)
    }
}

extension StoryUpdated.StoryArticle {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(url, forKey: .url); try c.encode(title, forKey: .title)
        try c.encode(siteName, forKey: .siteName); try c.encode(publishedAt, forKey: .publishedAt)
    }
}

extension StoryUpdated.StoryClaim {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(articleId, forKey: .articleId); try c.encode(source, forKey: .source); try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value); try c.encode(unit, forKey: .unit); try c.encode(object, forKey: .object)
    }
}
