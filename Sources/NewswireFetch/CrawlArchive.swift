import Foundation
import NewswireWARC

/// The WARC files of a crawl (`--warc-out DIR`): every HTTP exchange fetch makes — robots.txt,
/// feeds, pages — as a request and a response record.
///
/// A lock around one writer: exchanges finish on many tasks, records must not interleave.
public final class CrawlArchive: @unchecked Sendable {
    private let lock = NSLock()
    private let writer: WARCWriter
    public let directory: String

    public init(directory: String, maxFileBytes: Int) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        writer = try WARCWriter(directory: directory, prefix: "newswire", maxFileBytes: maxFileBytes, gzip: true,
                                software: "Newswire fetch")
    }

    public func write(_ exchange: HTTPExchange) throws {
        try lock.withLock { try writer.write(exchange) }
    }

    /// Closes the open file, renaming it to its final `.warc.gz` name.
    public func close() throws {
        try lock.withLock { try writer.close() }
    }
}
