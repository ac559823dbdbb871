import ArgumentParser
import NewswireNormalize
import NewswireStageSDK
import NewswireWire

/// `article.fetched` → `article.normalized`.
public struct NormalizeStage: Stage {
    public let name = "normalize"
    public let accepts = [MessageKind.articleFetched]
    let normalizer = Normalizer()

    public init() {}

    public func process(_ message: Message) throws -> [Message] {
        let fetched = try message.decodeBody(ArticleFetched.self, expecting: MessageKind.articleFetched)
        guard let bytes = message.raw else {
            throw StageError.failed(stage: name, reason: "article.fetched has no raw frame with the page bytes")
        }
        let normalized = try normalizer.normalize(fetched, bytes: bytes)
        return [try Message(id: message.header.id, kind: MessageKind.articleNormalized, body: normalized)]
    }
}

/// The stage's executable: socket mode or `--once`.
public struct NormalizeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newswire-normalize",
        abstract: "Decode pages and extract their main text and metadata.")
    @OptionGroup public var options: StageOptions
    public init() {}
    public func run() throws { try options.run(NormalizeStage()) }
}
