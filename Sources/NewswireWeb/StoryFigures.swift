import Foundation
import NewswirePublish

/// The amounts a story's articles claim, grouped by what they count, so that readers see
/// each side's figure next to the others' ("police: 214", "organisers: more than 600").
///
/// Wire copies repeat the same claim in many outlets; those are merged into one claim that
/// lists its outlets, so a figure printed ten times does not look ten times as credible.
public struct StoryFigures: Sendable, Equatable {
    /// Every figure claimed about one thing ("protesters", "EUR").
    public struct Group: Codable, Sendable, Equatable {
        public var about: String
        public var claims: [Claim]
        /// True when different sources give different values for this thing.
        public var conflict: Bool
    }

    /// One value claimed by one source, and every article and outlet that printed it.
    public struct Claim: Codable, Sendable, Equatable {
        public var value: Double?
        public var text: String
        public var source: String?
        /// The first article that printed it.
        public var articleId: String
        /// The outlet of that article.
        public var outlet: String
        public var articleIds: [String]
        public var outlets: [String]
    }

    public var groups: [Group]

    /// Groups `figures` by what they count, in the order things are first claimed.
    public init(_ figures: [StoredFigure]) {
        var order: [String] = []
        var byTopic: [String: [StoredFigure]] = [:]
        for figure in figures {
            let topic = Self.topicKey(figure)
            if byTopic[topic] == nil { order.append(topic) }
            byTopic[topic, default: []].append(figure)
        }
        groups = order.map { topic in Self.group(byTopic[topic] ?? []) }
    }

    static func group(_ figures: [StoredFigure]) -> Group {
        let claims = mergedClaims(figures)
        return Group(about: aboutText(figures), claims: claims, conflict: isConflict(claims))
    }

    /// One claim per distinct (value, source); later copies only add their article and outlet.
    static func mergedClaims(_ figures: [StoredFigure]) -> [Claim] {
        var claims: [Claim] = []
        var index: [ClaimKey: Int] = [:]
        for figure in figures {
            let key = ClaimKey(value: figure.value, source: figure.source.map(normalized))
            if let i = index[key] {
                claims[i].articleIds.appendIfAbsent(figure.articleId)
                claims[i].outlets.appendIfAbsent(figure.outlet)
            } else {
                index[key] = claims.count
                claims.append(Claim(value: figure.value, text: figure.text, source: figure.source,
                                    articleId: figure.articleId, outlet: figure.outlet,
                                    articleIds: [figure.articleId], outlets: [figure.outlet]))
            }
        }
        return claims
    }

    /// Whether two named sources disagree: claims without a source or a value cannot.
    static func isConflict(_ claims: [Claim]) -> Bool {
        let attributed = claims.filter { $0.source != nil && $0.value != nil }
        for (i, a) in attributed.enumerated() {
            for b in attributed[(i + 1)...] where normalized(a.source!) != normalized(b.source!) && a.value != b.value {
                return true
            }
        }
        return false
    }

    struct ClaimKey: Hashable {
        var value: Double?
        var source: String?
    }

    // MARK: What a figure counts

    /// What the figure counts, or its unit when it counts nothing named, as one key for
    /// spellings of the same thing ("Protesters", "protester", "protesters.").
    static func topicKey(_ figure: StoredFigure) -> String {
        let words = normalized(rawTopic(figure)).split(separator: " ").map(String.init)
        return words.map(singular).joined(separator: " ")
    }

    static func rawTopic(_ figure: StoredFigure) -> String {
        let object = figure.object?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !object.isEmpty { return object }
        let unit = figure.unit?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return unit.isEmpty ? "unspecified" : unit
    }

    /// The group's label: the first spelling used, in lower case.
    static func aboutText(_ figures: [StoredFigure]) -> String {
        figures.first.map { normalized(rawTopic($0)) } ?? ""
    }

    /// Lower case, letters and digits only, single spaces, no leading article.
    static func normalized(_ text: String) -> String {
        let cleaned = String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
        var words = cleaned.split(separator: " ")
        if words.count > 1, ["the", "a", "an"].contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// A plain English plural turned singular ("protesters" → "protester", "cities" → "city").
    static func singular(_ word: String) -> String {
        guard word.count > 3 else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ss") || word.hasSuffix("us") || !word.hasSuffix("s") { return word }
        return String(word.dropLast())
    }
}

extension Array where Element: Equatable {
    mutating func appendIfAbsent(_ element: Element) {
        if !contains(element) { append(element) }
    }
}
