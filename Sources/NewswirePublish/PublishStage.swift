import Foundation
import GRDB
import NewswireStageSDK
import NewswireWire

/// `article.extracted` → stored, plus an acknowledgement for fetch and a `story.updated`.
///
/// The acknowledgement is emitted only after the store has committed, so an acknowledged
/// article is durable; a failing store is a retryable dead letter, so fetch sends it again.
public struct PublishStage: Stage {
    public let name = "publish"
    public let accepts = [MessageKind.articleExtracted]
    public let store: ArticleStore
    public let export: JSONLinesExport?

    public init(store: ArticleStore, export: JSONLinesExport?) {
        self.store = store
        self.export = export
    }

    public func process(_ message: Message) throws -> [Message] {
        let article = try message.decodeBody(ArticleExtracted.self, expecting: MessageKind.articleExtracted)
        let (outcome, storyId) = try storing { try store.store(article, body: message.body) }
        if outcome == .inserted, let export {
            try storing { try export.export(id: article.article.id, body: message.body, in: store) }
        }
        var out = [try Message(id: message.header.id, kind: MessageKind.ack,
                               body: Acknowledgement(id: article.article.id, outcome: outcome.rawValue))]
        if outcome != .unchanged, let story = try store.story(id: storyId) {
            out.append(try Message(id: storyId, kind: MessageKind.storyUpdated, body: story))
        }
        return out
    }

    private func storing<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch let error as DatabaseError {
            throw StoreUnavailable(reason: "\(error)")
        } catch let error as CocoaError {
            throw StoreUnavailable(reason: "\(error)")
        }
    }
}

/// The store or the export could not be written (busy, full, read-only): the article is not
/// at fault, so its dead letter is retryable.
public struct StoreUnavailable: RetryableError, CustomStringConvertible {
    public var reason: String
    public var description: String { "cannot store: \(reason)" }
}
