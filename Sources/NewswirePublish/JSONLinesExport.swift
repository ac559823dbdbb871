import Foundation
import NewswireWire

/// Appends stored articles to a JSON Lines file (one `article.extracted` body per line), for
/// tools that prefer a flat file to SQL. Only new or changed articles are written.
public final class JSONLinesExport: @unchecked Sendable {
    // Used from the publish loop's one thread.
    private let handle: FileHandle

    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
    }

    public func append(_ article: ArticleExtracted) throws {
        try append(body: try WireCoding.encoder.encode(article))
    }

    /// Appends a body as received, keeping fields this version does not know.
    public func append(body: Data) throws {
        var line = body
        line.append(10)
        try handle.write(contentsOf: line)
    }

    deinit { try? handle.close() }
}
