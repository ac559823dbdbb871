import Foundation
import NewswireWire

/// Turns a fetched page into clean article text and metadata.
public struct Normalizer: Sendable {
    public init() {}
    public func normalize(_ fetched: ArticleFetched, bytes: Data) throws(NormalizeError) -> ArticleNormalized {
        throw .emptyDocument
    }
}

public enum NormalizeError: Error, Sendable, Equatable {
    case emptyDocument
}
