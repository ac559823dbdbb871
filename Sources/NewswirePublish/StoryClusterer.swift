import Foundation
import NewswireWire

/// Decides which story an article belongs to: near-duplicate text (SimHash distance) or
/// enough shared people, organisations, places and title words.
public struct StoryClusterer: Sendable {
    public struct Candidate: Sendable {
        public var articleId: String
        public var storyId: String
        public var title: String
        public var fingerprint: String
        public var entityNames: Set<String>
        public init(articleId: String, storyId: String, title: String, fingerprint: String, entityNames: Set<String>) {
            self.articleId = articleId; self.storyId = storyId; self.title = title
            self.fingerprint = fingerprint; self.entityNames = entityNames
        }
    }

    /// Fingerprints at most this many bits apart are the same text.
    public var nearDuplicateBits = 10
    /// Similarity (0…1) above which two articles tell the same story.
    public var threshold = 0.28

    public init() {}

    /// The story of the most similar candidate above the threshold, or nil for a new story.
    public func story(for article: ArticleExtracted, among candidates: [Candidate]) -> String? {
        let names = Set(article.entities.filter { [.person, .organization, .location].contains($0.type) }
            .map { $0.name.lowercased() })
        let words = Self.titleWords(article.article.title ?? "")
        var best: (score: Double, story: String)?
        for c in candidates {
            if let d = Self.hammingDistance(article.article.fingerprint, c.fingerprint), d <= nearDuplicateBits {
                return c.storyId
            }
            let score = 0.7 * Self.jaccard(names, c.entityNames) + 0.3 * Self.jaccard(words, Self.titleWords(c.title))
            if score >= threshold, score > (best?.score ?? 0) { best = (score, c.storyId) }
        }
        return best?.story
    }

    static let stopwords: Set<String> = ["the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "as",
                                         "by", "with", "after", "over", "is", "are", "was", "says", "say", "from"]

    static func titleWords(_ title: String) -> Set<String> {
        Set(title.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            .filter { $0.count > 2 && !stopwords.contains($0) })
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        if a.isEmpty || b.isEmpty { return 0 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    public static func hammingDistance(_ a: String, _ b: String) -> Int? {
        guard let x = UInt64(a, radix: 16), let y = UInt64(b, radix: 16) else { return nil }
        return (x ^ y).nonzeroBitCount
    }
}
