import Foundation
import NewswireStageSDK
import NewswireWire

/// Fetch as a ``Source``: files, folders and URLs, each an origin that can be read again for
/// a re-send, so no page waits in memory for its acknowledgement.
public struct FetchSource: Source {
    public let name = "fetch"
    public let fetcher: Fetcher
    private let targets: [FetchTarget]
    private var next = 0

    /// Expands `inputs` (folders into their pages) up front: paths and URLs only, no bytes.
    public init(inputs: [String], fetcher: Fetcher = Fetcher()) throws(FetchError) {
        self.targets = try FetchTarget.expand(inputs)
        self.fetcher = fetcher
    }

    public mutating func nextOrigin() throws -> String? {
        guard next < targets.count else { return nil }
        defer { next += 1 }
        return targets[next].url
    }

    public func load(_ origin: String) throws -> Message {
        switch try FetchTarget.parse(origin) {
        case .file(let path):
            return try fetcher.readFile(path, source: "command line").message()
        case .web(let url):
            // The runner's own thread, not the concurrency pool, waits here.
            let fetcher = self.fetcher
            return try waitFor { try await fetcher.download(url, source: "command line") }.message()
        }
    }

    public func id(for origin: String) -> String { ArticleID.forURL(origin) }
}
