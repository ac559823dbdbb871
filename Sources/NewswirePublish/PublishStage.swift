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
    /// Whether to emit `story.updated`: reading a whole story on every article is work worth
    /// doing only when someone subscribes.
    public let announcesStories: Bool

    public init(store: ArticleStore, export: JSONLinesExport?, announcesStories: Bool = true) {
        self.store = store
        self.export = export
        self.announcesStories = announcesStories
    }

    public func process(_ message: Message) throws -> [Message] {
        let article = try message.decodeBody(ArticleExtracted.self, expecting: MessageKind.articleExtracted)
        let (outcome, storyId) = try storing { try store.store(article, body: message.body) }
        if outcome == .inserted, let export {
            try storing { try export.export([(article.article.id, message.body)], in: store) }
        }
        return try outputs(for: message, article: article, outcome: outcome, storyId: storyId)
    }

    /// Stores everything that arrived together in one transaction, so one commit (one sync to
    /// disk) serves the whole batch; acknowledgements follow that commit.
    public func process(batch: [Message]) -> [Result<[Message], any Error>] {
        var results = [Result<[Message], any Error>?](repeating: nil, count: batch.count)
        var decoded: [(index: Int, article: ArticleExtracted, body: Data)] = []
        for (i, message) in batch.enumerated() {
            do {
                decoded.append((i, try message.decodeBody(ArticleExtracted.self, expecting: MessageKind.articleExtracted), message.body))
            } catch { results[i] = .failure(error) }
        }
        do {
            let stored = try storing { try store.store(batch: decoded.map { ($0.article, $0.body) }) }
            if let export {
                let inserted = zip(decoded, stored).filter { $0.1.0 == .inserted }.map { (id: $0.0.article.article.id, body: $0.0.body) }
                try storing { try export.export(inserted, in: store) }
            }
            for (item, (outcome, storyId)) in zip(decoded, stored) {
                results[item.index] = Result { try outputs(for: batch[item.index], article: item.article, outcome: outcome, storyId: storyId) }
            }
        } catch {
            for item in decoded { results[item.index] = .failure(error) }
        }
        return results.map { $0! }
    }

    private func outputs(for message: Message, article: ArticleExtracted, outcome: ArticleStore.StoreOutcome,
                         storyId: String) throws -> [Message] {
        var out = [try Message(id: message.header.id, kind: MessageKind.ack,
                               body: Acknowledgement(id: article.article.id, outcome: outcome.rawValue))]
        if announcesStories, outcome != .unchanged, let story = try store.story(id: storyId) {
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
