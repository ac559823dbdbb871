import ArgumentParser
import NewswireExtract
import NewswireStageSDK
import NewswireWire

/// `article.normalized` → `article.extracted`.
public struct ExtractStage: TypedStage {
    public let name = "extract"
    let extractor = Extractor()

    public init() {}

    public func process(_ article: ArticleNormalized, of message: Message) throws -> [Message] {
        return [try Message(id: message.header.id, body: extractor.extract(article))]
    }
}

/// The stage's executable: socket mode or `--once`.
public struct ExtractCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newswire-extract",
        abstract: "Find entities, quotations, amounts, dates and claims in articles.")
    @OptionGroup public var options: StageOptions
    public init() {}
    public func run() throws { try options.run(ExtractStage()) }
}
