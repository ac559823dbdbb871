import Foundation
import GRDB
import NewswireStageSDK
import NewswireWire
import PostgresNIO

/// `article.extracted` → stored, plus an acknowledgement for fetch and a `story.updated`.
///
/// The acknowledgement is emitted only after the store has committed, so an acknowledged
/// article is durable; a failing store is a retryable dead letter, so fetch sends it again.
public struct PublishStage: Stage {
    public let name = "publish"
    public var accepts: [MessageKind] { [ArticleExtracted.kind] }
    public let store: any NewsStore
    public let export: JSONLinesExport?
    /// Whether to emit `story.updated`: reading a whole story on every article is work worth
    /// doing only when someone subscribes.
    public let announcesStories: Bool

    public init(store: any NewsStore, export: JSONLinesExport?, announcesStories: Bool = true) {
        self.store = store
        self.export = export
        self.announcesStories = announcesStories
    }

    /// One message is a batch of one: the batch path decodes it.
    public func process(_ message: Message) throws -> [Message] {
        try process(batch: [message])[0].get()
    }

    /// Stores everything that arrived together in one transaction, so one commit (one sync to
    /// disk) serves the whole batch; acknowledgements follow that commit. Runs on the stage's
    /// own thread, which waits for the store's async work.
    public func process(batch: [Message]) -> [Result<[Message], any Error>] {
        var results = [Result<[Message], any Error>?](repeating: nil, count: batch.count)
        var decoded: [Decoded] = []
        for (i, message) in batch.enumerated() {
            do {
                decoded.append(Decoded(index: i, article: try message.decode(ArticleExtracted.self),
                                       message: message))
            } catch { results[i] = .failure(error) }
        }
        do {
            let outputs = try waitFor { [self, decoded] in try await self.store(decoded) }
            for (item, output) in zip(decoded, outputs) { results[item.index] = .success(output) }
        } catch {
            let failure = Self.storeFailure(error)
            for item in decoded { results[item.index] = .failure(failure) }
        }
        return results.map { $0! }
    }

    struct Decoded: Sendable {
        let index: Int, article: ArticleExtracted, message: Message
    }

    private func store(_ decoded: [Decoded]) async throws -> [[Message]] {
        guard !decoded.isEmpty else { return [] }
        let stored = try await store.store(batch: decoded.map { ($0.article, $0.message.body) }, clusterer: StoryClusterer())
        if let export {
            let inserted = zip(decoded, stored).filter { $0.1.0 == .inserted }.map { (id: $0.0.article.article.id, body: $0.0.message.body) }
            try await export.export(inserted, in: store)
        }
        var outputs: [[Message]] = []
        for (item, (outcome, storyId)) in zip(decoded, stored) {
            outputs.append(try await self.outputs(for: item.message, article: item.article, outcome: outcome, storyId: storyId))
        }
        return outputs
    }

    private func outputs(for message: Message, article: ArticleExtracted, outcome: StoreOutcome,
                         storyId: String) async throws -> [Message] {
        var out = [try Message(id: message.header.id, body: Acknowledgement(id: article.article.id, outcome: outcome))]
        if announcesStories, outcome != .unchanged, let story = try await store.story(id: storyId) {
            out.append(try Message(id: storyId, body: story))
        }
        return out
    }

    /// A store that cannot be written (busy, full, read-only, a database server away) is not
    /// the article's fault: its dead letter is retryable, so fetch sends it again later.
    static func storeFailure(_ error: any Error) -> any Error {
        switch error {
        case is DatabaseError, is CocoaError, is PSQLError, is PostgresStoreError: StoreUnavailable(reason: "\(error)")
        default: error
        }
    }
}

/// The store or the export could not be written (busy, full, read-only): the article is not
/// at fault, so its dead letter is retryable.
public struct StoreUnavailable: RetryableError, CustomStringConvertible {
    public var reason: String
    public var description: String { "cannot store: \(reason)" }
}
