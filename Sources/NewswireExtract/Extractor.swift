import Foundation
import NewswireWire

/// Finds the facts in a normalized article.
public struct Extractor: Sendable {
    public init() {}
    public func extract(_ article: ArticleNormalized) -> ArticleExtracted {
        ArticleExtracted(article: article)
    }
}
