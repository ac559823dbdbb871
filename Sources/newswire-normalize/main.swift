import ArgumentParser
import NewswireNormalize
import NewswireStageSDK
import NewswireWire

/// `article.fetched` → `article.normalized`.
struct NormalizeStage: Stage {
    let name = "normalize"
    let accepts = [MessageKind.articleFetched]
    let normalizer = Normalizer()

    func process(_ message: Message) throws -> [Message] {
        let fetched = try message.decodeBody(ArticleFetched.self, expecting: MessageKind.articleFetched)
        guard let bytes = message.raw else {
            throw StageError.failed(stage: name, reason: "article.fetched has no raw frame with the page bytes")
        }
        let normalized = try normalizer.normalize(fetched, bytes: bytes)
        return [try Message(id: message.header.id, kind: MessageKind.articleNormalized, body: normalized)]
    }
}

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-normalize",
        abstract: "Decode pages and extract their main text and metadata.")
    @OptionGroup var options: StageOptions
    func run() throws { try options.run(NormalizeStage()) }
}

NormalizeCommand.main()
