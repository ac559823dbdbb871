import Foundation
import NewswireWire

/// What a reader takes in first about a story, computed from its articles' bodies: a short
/// extractive summary, the people, organisations and places ranked by how widely they are
/// reported, and a timeline of the dates the articles mention, each with the sentence it is in.
///
/// Extractive on purpose: every sentence shown was printed by an outlet, and says which.
public struct StoryDigest: Sendable, Equatable {
    public struct Sentence: Codable, Sendable, Equatable {
        public var text: String
        public var articleId: String
        public var outlet: String
    }

    public struct RankedEntity: Codable, Sendable, Equatable {
        /// The entity's id in the API (its lower-cased name).
        public var id: String
        public var name: String
        public var type: String
        /// How many of the story's articles name it, and how often in all.
        public var articles: Int
        public var mentions: Int
    }

    public struct Event: Codable, Sendable, Equatable {
        /// ISO 8601 date or range (`2026-11-16/2026-11-22`), as the extract stage resolved it.
        public var date: String
        public var text: String
        public var articleId: String
        public var outlet: String
        /// How many articles mention this date.
        public var articles: Int
    }

    public var summary: [Sentence]
    public var entities: [RankedEntity]
    public var timeline: [Event]

    public static let summarySentences = 3, entitiesShown = 12, eventsShown = 12
    /// A summary sentence longer than this is most likely two run together (a headline or dek
    /// without its full stop, then the lead): it is not shown.
    static let maxSentenceLength = 280

    public init(articles: [ArticleExtracted]) {
        summary = Self.summary(of: articles)
        entities = Self.rankedEntities(of: articles)
        timeline = Self.timeline(of: articles)
    }

    static func outlet(_ article: ArticleNormalized) -> String {
        Outlet.name(siteName: article.siteName, url: article.url)
    }

    // MARK: Summary

    /// The sentences of the articles' opening paragraphs that share most words with the rest of
    /// the story (words printed by at least two articles), one per article at most, no two
    /// saying nearly the same thing, in the order the articles appeared.
    static func summary(of articles: [ArticleExtracted]) -> [Sentence] {
        let ordered = articles.sorted { ($0.article.publishedAt ?? "", $0.article.id) < ($1.article.publishedAt ?? "", $1.article.id) }
        let shared = sharedWords(ordered)
        var candidates: [(score: Double, order: Int, sentence: Sentence, words: Set<String>)] = []
        for (order, article) in ordered.enumerated() {
            let lead = article.article.paragraphs.prefix(2).joined(separator: " ")
            let best = sentences(in: lead.isEmpty ? article.article.text : lead).prefix(4)
                .filter { $0.count <= maxSentenceLength }   // longer: a dek run into the lead, or a list
                .map { text -> (Double, String, Set<String>) in
                let words = Set(Self.words(text))
                let score = words.isEmpty ? 0 : Double(words.filter { shared.contains($0) }.count) / Double(words.count).squareRoot()
                return (score, text, words)
            }.max { $0.0 < $1.0 }
            guard let best, best.0 > 0 else { continue }
            candidates.append((best.0, order, Sentence(text: best.1, articleId: article.article.id, outlet: outlet(article.article)), best.2))
        }
        var chosen: [(order: Int, sentence: Sentence, words: Set<String>)] = []
        for candidate in candidates.sorted(by: { ($0.score, -$0.order) > ($1.score, -$1.order) }) where chosen.count < summarySentences {
            guard !chosen.contains(where: { jaccard($0.words, candidate.words) > 0.5 }) else { continue }
            chosen.append((candidate.order, candidate.sentence, candidate.words))
        }
        if chosen.isEmpty, let first = ordered.first, let lead = sentences(in: first.article.text).first {
            return [Sentence(text: lead, articleId: first.article.id, outlet: outlet(first.article))]
        }
        return chosen.sorted { $0.order < $1.order }.map(\.sentence)
    }

    static func sharedWords(_ articles: [ArticleExtracted]) -> Set<String> {
        var documents: [String: Int] = [:]
        for article in articles {
            for word in Set(words(article.article.paragraphs.prefix(3).joined(separator: " "))) { documents[word, default: 0] += 1 }
        }
        let needed = articles.count > 1 ? 2 : 1
        return Set(documents.filter { $0.value >= needed }.keys)
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }

    /// Lower-cased words of four letters or more: enough to tell what a sentence is about.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { $0.count >= 4 }.map(String.init)
    }

    // MARK: Entities

    static func rankedEntities(of articles: [ArticleExtracted]) -> [RankedEntity] {
        var byKey: [String: RankedEntity] = [:]
        for article in articles {
            for entity in article.entities where entity.type != .other {
                let key = entity.name.lowercased()
                var ranked = byKey[key] ?? RankedEntity(id: key, name: entity.name, type: entity.type.rawValue, articles: 0, mentions: 0)
                ranked.articles += 1
                ranked.mentions += max(1, entity.mentions.count)
                byKey[key] = ranked
            }
        }
        return byKey.values.sorted { ($0.articles, $0.mentions, $1.id) > ($1.articles, $1.mentions, $0.id) }
            .prefix(entitiesShown).map { $0 }
    }

    // MARK: Timeline

    /// One event per date the articles mention (resolved dates only), earliest first: the
    /// sentence of the first article that mentions it, and how many articles do.
    static func timeline(of articles: [ArticleExtracted]) -> [Event] {
        var events: [String: Event] = [:]
        let ordered = articles.sorted { ($0.article.publishedAt ?? "", $0.article.id) < ($1.article.publishedAt ?? "", $1.article.id) }
        for article in ordered {
            var seen = Set<String>()
            let scalars = Array(article.article.text.unicodeScalars)
            for mention in article.dates {
                guard let date = mention.value, seen.insert(date).inserted else { continue }
                if events[date] != nil { events[date]!.articles += 1; continue }
                events[date] = Event(date: date, text: sentence(around: mention.start..<mention.end, in: scalars),
                                     articleId: article.article.id, outlet: outlet(article.article), articles: 1)
            }
        }
        return events.values.sorted { ($0.date, $0.articleId) < ($1.date, $1.articleId) }.prefix(eventsShown).map { $0 }
    }

    /// The sentence holding `span` (offsets in Unicode scalars of the text).
    static func sentence(around span: Range<Int>, in scalars: [Unicode.Scalar]) -> String {
        guard span.lowerBound >= 0, span.upperBound <= scalars.count, !span.isEmpty else { return "" }
        var start = span.lowerBound
        while start > 0, !isSentenceEnd(scalars, at: start - 1) { start -= 1 }
        var end = span.upperBound
        while end < scalars.count, !isSentenceEnd(scalars, at: end) { end += 1 }
        if end < scalars.count { end += 1 }
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count > 320 ? String(text.prefix(317)) + "…" : text
    }

    static func isSentenceEnd(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        if s[i] == "\n" { return true }
        guard ".!?".unicodeScalars.contains(s[i]), i + 1 < s.count else { return false }
        return s[i + 1] == " " || s[i + 1] == "\n"
    }

    /// Splits text into sentences at `.`, `!` or `?` followed by a space and a capital letter or
    /// a quotation mark: good enough for lead paragraphs (abbreviations rarely start them).
    static func sentences(in text: String) -> [String] {
        var result: [String] = [], current = ""
        let characters = Array(text)
        for (i, c) in characters.enumerated() {
            current.append(c)
            guard ".!?".contains(c), i + 2 < characters.count, characters[i + 1] == " " else { continue }
            let next = characters[i + 2]
            guard next.isUppercase || "\"“‘'".contains(next) else { continue }
            result.append(current.trimmingCharacters(in: .whitespaces))
            current = ""
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { result.append(rest) }
        return result.filter { $0.count >= 20 }
    }
}
