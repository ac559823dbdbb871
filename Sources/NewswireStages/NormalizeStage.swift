import ArgumentParser
import NewswireNormalize
import NewswireStageSDK
import NewswireWire

/// `article.fetched` → `article.normalized`.
public struct NormalizeStage: TypedStage {
    public let name = "normalize"
    let normalizer = Normalizer()

    public init() {}

    public func process(_ fetched: ArticleFetched, of message: Message) throws -> [Message] {
        guard let bytes = message.raw else {
            throw StageError.failed(stage: name, reason: "article.fetched has no raw frame with the page bytes")
        }
        let normalized = try normalizer.normalize(fetched, bytes: bytes)
        return [try Message(id: message.header.id, body: normalized)]
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
