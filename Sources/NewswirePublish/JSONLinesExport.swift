import Foundation
import NewswireWire

/// Appends stored articles to a JSON Lines file (one `article.extracted` body per line), for
/// tools that prefer a flat file to SQL.
///
/// Each article is appended once, like the store is written once: the store records which
/// articles are exported, and opening the export repairs what a crash can leave — a torn
/// last line is cut, a last line written but not yet recorded is recorded, and articles
/// stored but not yet exported are appended.
public final class JSONLinesExport: @unchecked Sendable {
    // Used from the publish loop's one thread.
    private let handle: FileHandle
    public let path: String

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        handle = try FileHandle(forUpdating: url)
        try Self.cutTornLastLine(handle)
        try handle.seekToEnd()
    }

    /// Opens the export and brings it up to date with `store`.
    public static func open(path: String, store: any NewsStore) async throws -> JSONLinesExport {
        let export = try JSONLinesExport(path: path)
        try await export.catchUp(with: store)
        return export
    }

    /// Appends a body as received, keeping fields this version does not know.
    public func append(body: Data) throws {
        var line = body
        line.append(10)
        try handle.write(contentsOf: line)
    }

    public func append(_ article: ArticleExtracted) throws {
        try append(body: try WireCoding.encoder.encode(article))
    }

    /// Appends the articles the store says are not exported yet, then records that they are
    /// (one write for all).
    public func export(_ articles: [(id: String, body: Data)], in store: any NewsStore) async throws {
        var due: [(id: String, body: Data)] = []
        for article in articles where try await store.isExported(id: article.id) == false { due.append(article) }
        guard !due.isEmpty else { return }
        for article in due { try append(body: article.body) }
        try await store.markExported(due.map(\.id))
    }

    /// Records the last lines if a crash came between writing them and recording them, then
    /// appends every stored article not yet exported.
    public func catchUp(with store: any NewsStore) async throws {
        var written: [String] = []
        for id in try tailLineIDs() where try await store.isExported(id: id) == false { written.append(id) }
        try await store.markExported(written)
        while true {
            let batch = try await store.unexported(limit: 500)
            if batch.isEmpty { break }
            for (_, body) in batch { try append(body: body) }
            try await store.markExported(batch.map(\.id))
        }
    }

    /// The article ids on the complete lines of the last 4 MiB (more than a batch can write).
    func tailLineIDs() throws -> [String] {
        let end = try handle.seekToEnd()
        guard end > 0 else { return [] }
        let tail = min(end, 4 << 20)
        try handle.seek(toOffset: end - tail)
        let data = try handle.read(upToCount: Int(tail)) ?? Data()
        try handle.seekToEnd()
        // The first line of the window may be cut; it fails to parse and is skipped.
        return data.split(separator: 10, omittingEmptySubsequences: true).compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])?["id"] as? String
        }
    }

    /// A power cut mid-write leaves a line without its newline: cut it (it is re-appended).
    static func cutTornLastLine(_ handle: FileHandle) throws {
        let end = try handle.seekToEnd()
        guard end > 0 else { return }
        var offset = end
        let chunk: UInt64 = 64 << 10
        while offset > 0 {
            let start = offset > chunk ? offset - chunk : 0
            try handle.seek(toOffset: start)
            let data = try handle.read(upToCount: Int(offset - start)) ?? Data()
            if let i = data.lastIndex(of: 10) {
                let keep = start + UInt64(data.distance(from: data.startIndex, to: i)) + 1
                if keep < end { try handle.truncate(atOffset: keep) }
                return
            }
            offset = start
        }
        try handle.truncate(atOffset: 0)
    }

    deinit { try? handle.close() }
}
