import Foundation
import NewswirePublish
import NewswireStageSDK
import NewswireWire

/// `article.extracted` → stored, plus an acknowledgement for fetch and a `story.updated`.
struct PublishStage: Stage {
    let name = "publish"
    let accepts = [MessageKind.articleExtracted]
    let store: ArticleStore
    let export: JSONLinesExport?

    func process(_ message: Message) throws -> [Message] {
        let article = try message.decodeBody(ArticleExtracted.self, expecting: MessageKind.articleExtracted)
        let (outcome, storyId) = try store.store(article, body: message.body)
        if outcome != .unchanged { try export?.append(body: message.body) }
        var out = [try Message(id: message.header.id, kind: MessageKind.ack,
                               body: Acknowledgement(id: article.article.id, outcome: outcome.rawValue))]
        if outcome != .unchanged, let story = try store.story(id: storyId) {
            out.append(try Message(id: storyId, kind: MessageKind.storyUpdated, body: story))
        }
        return out
    }
}
