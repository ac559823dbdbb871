import ArgumentParser
import NewswireExtract
import NewswireStageSDK
import NewswireWire

/// `article.normalized` → `article.extracted`.
struct ExtractStage: Stage {
    let name = "extract"
    let accepts = [MessageKind.articleNormalized]
    let extractor = Extractor()

    func process(_ message: Message) throws -> [Message] {
        let article = try message.decodeBody(ArticleNormalized.self, expecting: MessageKind.articleNormalized)
        return [try Message(id: message.header.id, kind: MessageKind.articleExtracted, body: extractor.extract(article))]
    }
}

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-extract",
        abstract: "Find entities, quotations, amounts, dates and claims in articles.")
    @OptionGroup var options: StageOptions
    func run() throws { try options.run(ExtractStage()) }
}

ExtractCommand.main()
