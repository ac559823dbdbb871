import ArgumentParser
import NewswireFetch
import NewswireStageSDK

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-fetch",
        abstract: "Read pages from files, folders and URLs and emit article.fetched messages.",
        discussion: """
        With --acknowledgements, fetch keeps a durable journal (--state), has at most --window \
        articles in flight, re-sends what publish has not acknowledged in time, and exits once \
        every article is stored or has definitively failed (status 3 if delivery stalls).
        """)

    @OptionGroup var options: SourceOptions

    @Argument(help: "Files, folders, file:// or http(s):// URLs.")
    var sources: [String]

    @Option(help: "Pages larger than this many bytes are refused.")
    var maxBytes = 50 << 20

    func run() throws {
        var limits = Fetcher.Limits()
        limits.maxBytes = maxBytes
        var source = try FetchSource(inputs: sources, fetcher: Fetcher(limits: limits))
        try options.run(&source)
    }
}

FetchCommand.main()
