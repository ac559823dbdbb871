import Foundation
import NewswireWire

/// Decides which story an article belongs to, as it arrives: a near-duplicate of a story's
/// article (SimHash distance) joins that story; otherwise the story whose centroid is most similar
/// by cosine of TF-IDF-weighted title and lead words plus named entities, if similar enough.
/// Stories are found by ``StoryIndex`` in a time window, so this sees only a bounded few.
public struct StoryClusterer: Sendable {
    /// Fingerprints at most this many bits apart are the same text (a wire copy): the story joins
    /// whatever the words. Pages of one template can come this close, so no further.
    public var duplicateBits = 3
    /// Fingerprints at most this many bits apart are probably a lightly edited copy: the story
    /// needs only ``nearDuplicateDiscount`` of the threshold.
    public var nearDuplicateBits = 8
    public var nearDuplicateDiscount = 0.5
    /// Cosine similarity (0…1) to a story's centroid above which an article joins it. Chosen on
    /// the generated and sample corpora with `Scripts/score-stories --threshold …`.
    public var threshold = 0.3
    /// How much a shared person, organisation or place counts against a shared word of equal
    /// rarity: names tell events of one kind apart ("measles outbreak in …").
    public var entityWeight = 3.0

    /// The defaults; `NEWSWIRE_STORY_THRESHOLD` overrides the threshold, so that
    /// `Scripts/score-stories` can sweep it through the real publish stage.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let value = environment["NEWSWIRE_STORY_THRESHOLD"].flatMap(Double.init) { threshold = value }
    }

    /// The story `article` joins, or nil when it starts a new one.
    public func story(for article: StoryFeatures, among candidates: [StoryCandidate], weights: TermWeights) -> String? {
        if let copy = candidates.first(where: { closest($0, to: article) <= duplicateBits }) { return copy.storyId }
        let vector = weights.unitVector(article.counts, entityWeight: entityWeight)
        let scored = candidates.map { story in
            (story: story.storyId, margin: similarity(vector, story, weights: weights) - required(of: story, for: article))
        }
        guard let best = scored.max(by: { $0.margin < $1.margin }), best.margin >= 0 else { return nil }
        return best.story
    }

    /// The similarity a story needs: less when one of its members is a near-duplicate.
    func required(of story: StoryCandidate, for article: StoryFeatures) -> Double {
        closest(story, to: article) <= nearDuplicateBits ? threshold * nearDuplicateDiscount : threshold
    }

    /// The fewest fingerprint bits any member of `story` differs from `article` by.
    func closest(_ story: StoryCandidate, to article: StoryFeatures) -> Int {
        story.members.compactMap { Fingerprint.distance(article.fingerprint, $0.fingerprint) }.min() ?? Int.max
    }

    /// Cosine of the article's unit vector with the mean of the story members' unit vectors.
    func similarity(_ vector: [String: Double], _ story: StoryCandidate, weights: TermWeights) -> Double {
        guard !story.members.isEmpty else { return 0 }
        var centroid: [String: Double] = [:]
        for member in story.members {
            for (term, w) in weights.unitVector(member.counts, entityWeight: entityWeight) { centroid[term, default: 0] += w }
        }
        let norm = centroid.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return 0 }
        let dot = vector.reduce(0) { $0 + $1.value * (centroid[$1.key] ?? 0) }
        return dot / norm
    }

    /// The id of a story an article starts: its own id with `s` for `a` (`a1b2…` → `s1b2…`)
    /// when it has ArticleID's form, else `s:` and the whole id, so that no two articles (plug-in
    /// ids included) can start stories of the same id.
    public static func newStoryId(forArticle id: String) -> String {
        let rest = id.dropFirst()
        let isArticleID = id.hasPrefix("a") && !rest.isEmpty && rest.allSatisfy(\.isHexDigit)
        return isArticleID ? "s" + rest : "s:" + id
    }

}

/// A story that could take an article: its recent members within the time window.
public struct StoryCandidate: Sendable, Equatable {
    public var storyId: String
    public var members: [StoryFeatures]
    public init(storyId: String, members: [StoryFeatures]) { self.storyId = storyId; self.members = members }
}

/// Inverse-document-frequency weights as the store knows them when an article arrives.
public struct TermWeights: Sendable, Equatable {
    /// Articles indexed so far.
    public var documents: Int
    /// Feature → number of indexed articles that have it (absent: none).
    public var documentFrequency: [String: Int]

    public init(documents: Int, documentFrequency: [String: Int]) {
        self.documents = documents; self.documentFrequency = documentFrequency
    }

    /// Smoothed IDF, log(1 + N / (df + 1)): rare features weigh most, one most articles share
    /// almost nothing, and a store's first articles are still comparable.
    public func idf(_ feature: String) -> Double {
        log(1 + Double(documents) / Double((documentFrequency[feature] ?? 0) + 1))
    }

    /// Sublinear TF × IDF (× `entityWeight` for entities), scaled to length 1.
    public func unitVector(_ counts: [String: Int], entityWeight: Double) -> [String: Double] {
        var vector: [String: Double] = [:]
        for (feature, count) in counts where count > 0 {
            let boost = StoryFeatures.isEntity(feature) ? entityWeight : 1
            vector[feature] = (1 + log(Double(count))) * idf(feature) * boost
        }
        let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.mapValues { $0 / norm } : vector
    }
}
